"""Whether a promotion is on at the store's local time, and whether a code entered may be used; if not, why not.

Each answer that says no is a (code, sentence) pair: the code is stable for programs, the sentence is for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from pos_app.domain.money import Money
from pos_app.domain.promotions.model import DAYS, DiscountCode, Promotion, Window
from pos_app.i18n.catalog import Message, text

Reason = tuple[str, str]  # the sentence is a catalog Message: a str, worded again if raised later


def _when(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M}"


def _day(day: str) -> str:
    return text(f"day.{day}")


def describe_windows(windows: Iterable[Window]) -> str:
    parts = []
    for window in windows:
        days = ", ".join(_day(day) for day in DAYS if day in window.days)
        parts.append(f"{days} {window.start:%H:%M}–{window.end:%H:%M}")
    return "; ".join(parts)


def inactive_reason(promotion: Promotion, at: datetime) -> Reason | None:
    """None when the promotion is on at `at` (store-local), else why not."""
    if promotion.valid_from is not None and at < promotion.valid_from:
        return "not_started", Message("promotion.not_started", name=promotion.name, at=_when(promotion.valid_from))
    if promotion.valid_until is not None and at >= promotion.valid_until:
        return "ended", Message("promotion.ended", name=promotion.name, at=_when(promotion.valid_until))
    if promotion.windows and not any(window.contains(at) for window in promotion.windows):
        return ("outside_schedule", Message("promotion.outside_schedule", name=promotion.name,
                                            windows=describe_windows(promotion.windows),
                                            at=f"{_day(DAYS[at.weekday()])} {at:%H:%M}"))
    return None


def code_refusal(code: DiscountCode | None, entered: str, at: datetime, purchase: Money,
                 used_locally: Mapping[str, int]) -> Reason | None:
    """None when `entered` may be used on a purchase of `purchase` (before promotions), else why not."""
    if code is None:
        return "unknown_code", Message("promotion.unknown_code", entered=entered)
    if code.valid_from is not None and at < code.valid_from:
        return "code_not_started", Message("promotion.code_not_started", code=code.code, at=_when(code.valid_from))
    if code.valid_until is not None and at >= code.valid_until:
        return "code_expired", Message("promotion.code_expired", code=code.code, at=_when(code.valid_until))
    if code.minimum_purchase is not None and purchase < code.minimum_purchase:
        short = code.minimum_purchase - purchase
        return ("below_minimum", Message("promotion.below_minimum", code=code.code, minimum=code.minimum_purchase,
                                         purchase=purchase, short=short))
    if code.usage_limit is not None:
        used = code.usage_count + used_locally.get(code.code.upper(), 0)
        if used >= code.usage_limit:
            return "used_up", Message("promotion.used_up", code=code.code, limit=code.usage_limit)
    return None
