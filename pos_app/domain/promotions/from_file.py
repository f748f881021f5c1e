"""Turning a promotions file (sync.promotions_file) into the engine's promotions, refused whole with sentences
when any rule is broken. Paused promotions and codes (`active: false`) are left out."""

from __future__ import annotations

from pos_app.domain.errors import DomainError
from pos_app.domain.money import Money
from pos_app.domain.promotions.checks import Catalog, check_promotions_file
from pos_app.domain.promotions.model import (
    DiscountCode,
    Kind,
    Law,
    Promotion,
    PromotionSet,
    Target,
    Tier,
    Window,
)
from sync.promotions_file import DiscountCodeRow, PromotionRow, PromotionsFile
from sync.promotions_rules import refusal_message


class PromotionsRefused(DomainError):
    code = "promotions_refused"

    def __init__(self, problems: list[str]) -> None:
        super().__init__(refusal_message(problems))
        self.problems = problems


def _money(value) -> Money | None:
    return None if value is None else Money.of(value)


def promotion_from_row(row: PromotionRow) -> Promotion:
    target = Target(frozenset(row.applies_to.skus), frozenset(row.applies_to.categories),
                    frozenset(row.applies_to.brands), row.applies_to.everything)
    windows = tuple(Window(frozenset(w.days), w.start, w.end) for w in row.schedule)
    tiers = tuple(sorted((Tier(t.min_quantity, t.percent) for t in row.tiers), key=lambda t: t.min_quantity))
    return Promotion(id=row.id, name=row.name, kind=Kind(row.kind), target=target, priority=row.priority,
                     stackable=row.stackable, percent=row.percent, amount=_money(row.amount), buy=row.buy or 0,
                     get=row.get or 0, bundle_size=row.bundle_size or 0, bundle_price=_money(row.bundle_price),
                     tiers=tiers, mix_and_match=row.mix_and_match, windows=windows, valid_from=row.valid_from,
                     valid_until=row.valid_until)


def code_from_row(row: DiscountCodeRow) -> DiscountCode:
    percent = row.discount_value if row.discount_type == "percentage" else None
    amount = Money.of(row.discount_value) if row.discount_type == "fixed" else None
    return DiscountCode(id=row.id, code=row.code.strip(), name=row.name, percent=percent, amount=amount,
                        minimum_purchase=_money(row.minimum_purchase), usage_limit=row.usage_limit,
                        usage_count=row.usage_count, valid_from=row.valid_from, valid_until=row.valid_until,
                        priority=row.priority, stackable=row.stackable)


def promotion_set_from_file(data: PromotionsFile, catalog: Catalog | None = None) -> PromotionSet:
    """The file's active promotions and codes, checked (against `catalog` when given), else PromotionsRefused."""
    problems = check_promotions_file(data, catalog)  # paused ones too: a paused promotion is resumed later
    if problems:
        raise PromotionsRefused(problems)
    return PromotionSet(promotions=tuple(promotion_from_row(row) for row in data.promotions if row.active),
                        codes=tuple(code_from_row(row) for row in data.discount_codes if row.active),
                        law=Law(allow_below_cost=data.allow_below_cost))
