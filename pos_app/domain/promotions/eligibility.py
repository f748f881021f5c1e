"""Whether a promotion is on at the store's local time, and whether a code entered may be used; if not, why not.

Each answer that says no is a (code, sentence) pair: the code is stable for programs, the sentence is for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from pos_app.domain.money import Money
from pos_app.domain.promotions.model import DAYS, DiscountCode, Promotion, Window

Reason = tuple[str, str]


def _when(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M}"


def describe_windows(windows: Iterable[Window]) -> str:
    parts = []
    for window in windows:
        days = ", ".join(day.capitalize() for day in DAYS if day in window.days)
        parts.append(f"{days} {window.start:%H:%M}–{window.end:%H:%M}")
    return "; ".join(parts)


def inactive_reason(promotion: Promotion, at: datetime) -> Reason | None:
    """None when the promotion is on at `at` (store-local), else why not."""
    if promotion.valid_from is not None and at < promotion.valid_from:
        return "not_started", f"“{promotion.name}” starts on {_when(promotion.valid_from)}."
    if promotion.valid_until is not None and at >= promotion.valid_until:
        return "ended", f"“{promotion.name}” ended on {_when(promotion.valid_until)}."
    if promotion.windows and not any(window.contains(at) for window in promotion.windows):
        return ("outside_schedule", f"“{promotion.name}” runs {describe_windows(promotion.windows)}; "
                f"it is not on at {at:%a %H:%M}.")
    return None


def code_refusal(code: DiscountCode | None, entered: str, at: datetime, purchase: Money,
                 used_locally: Mapping[str, int]) -> Reason | None:
    """None when `entered` may be used on a purchase of `purchase` (before promotions), else why not."""
    if code is None:
        return ("unknown_code", f"No discount code “{entered}” is known. Check the spelling with the customer, "
                "or carry on without it.")
    if code.valid_from is not None and at < code.valid_from:
        return "code_not_started", f"Code {code.code} can be used from {_when(code.valid_from)}, not yet."
    if code.valid_until is not None and at >= code.valid_until:
        return "code_expired", f"Code {code.code} expired on {_when(code.valid_until)}. It cannot be used now."
    if code.minimum_purchase is not None and purchase < code.minimum_purchase:
        short = code.minimum_purchase - purchase
        return ("below_minimum", f"Code {code.code} needs a purchase of {code.minimum_purchase} or more; this one "
                f"is {purchase}. Add {short} more to use it.")
    if code.usage_limit is not None:
        used = code.usage_count + used_locally.get(code.code.upper(), 0)
        if used >= code.usage_limit:
            return ("used_up", f"Code {code.code} has been used all {code.usage_limit} times it may be. "
                    "It cannot be used again.")
    return None
