"""The rules a set of promotions must keep before it is accepted, each broken one as a sentence.

Checked when promotions are created or imported (on the hub, and by the pricing CLI on its file); the engine
applies the law again on every cart. A set with any problem is refused whole, so nothing is half-applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from pos_app.domain.money import Money
from pos_app.domain.promotions.eligibility import describe_windows
from pos_app.domain.promotions.model import DiscountCode, Kind, Promotion, PromotionSet, Window

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Product:
    category: str
    brand: str
    is_cannabis: bool
    price: Money
    cost: Money | None = None


@dataclass(frozen=True, slots=True)
class Catalog:
    """What the store sells, to check promotions against. `complete`: every SKU is listed, so a SKU, category or
    brand that is not is unknown (the hub's catalog); otherwise only the law is checked on the products given."""

    products: Mapping[str, Product]
    complete: bool = True

    @property
    def categories(self) -> set[str]:
        return {p.category for p in self.products.values()}

    @property
    def brands(self) -> set[str]:
        return {p.brand for p in self.products.values()}


def _label(promotion: Promotion) -> str:
    return f"Promotion {promotion.id} “{promotion.name}”"


def _percent_problem(label: str, percent: Decimal | None, what: str = "percentage") -> str | None:
    if percent is None:
        return f"{label} needs a {what}. Give one from 0 to 100."
    if percent <= 0 or percent > HUNDRED:
        return f"{label} has a {what} of {percent}; a {what} must be more than 0 and at most 100."
    return None


def _shape_problems(p: Promotion) -> list[str]:
    label = _label(p)
    problems: list[str | None] = []
    if not (p.target.everything or p.target.skus or p.target.categories or p.target.brands):
        problems.append(f"{label} applies to nothing. Name SKUs, categories or brands it applies to.")
    if p.kind is Kind.PERCENT_OFF:
        problems.append(_percent_problem(label, p.percent))
    elif p.kind is Kind.AMOUNT_OFF and (p.amount is None or p.amount <= Money.zero()):
        problems.append(f"{label} needs an amount off each item of more than {Money.zero()}.")
    elif p.kind is Kind.BUY_X_GET_Y:
        if p.buy < 1 or p.get < 1:
            problems.append(f"{label} needs how many to buy and how many to get, each 1 or more.")
        problems.append(_percent_problem(label, p.percent, "percentage off the items got"))
    elif p.kind is Kind.BUNDLE:
        if p.bundle_size < 2:
            problems.append(f"{label} needs a bundle of 2 items or more.")
        if p.bundle_price is None or p.bundle_price.is_negative():
            problems.append(f"{label} needs a bundle price of {Money.zero()} or more.")
    elif p.kind is Kind.VOLUME_TIERS:
        if not p.tiers:
            problems.append(f"{label} needs at least one tier (a quantity and a percentage).")
        quantities = [t.min_quantity for t in p.tiers]
        if len(set(quantities)) != len(quantities) or any(q < 1 for q in quantities):
            problems.append(f"{label} has tiers with the same or a zero quantity; give each tier its own quantity.")
        problems += [_percent_problem(label, t.percent, f"percentage for {t.min_quantity} items") for t in p.tiers]
    if p.valid_from and p.valid_until and p.valid_from >= p.valid_until:
        problems.append(f"{label} ends before it starts. Check its dates.")
    for window in p.windows:
        if window.start >= window.end:
            problems.append(f"{label} has a time of day from {window.start:%H:%M} to {window.end:%H:%M}; the end "
                            "must come after the start (to run past midnight, give two times of day).")
    for a, b in combinations(p.windows, 2):
        if _overlap(a, b):
            problems.append(f"{label} has times of day that overlap ({describe_windows([a])} and "
                            f"{describe_windows([b])}). Merge them into one.")
    return [problem for problem in problems if problem]


def _overlap(a: Window, b: Window) -> bool:
    return bool(a.days & b.days) and a.start < b.end and b.start < a.end


def _schedule_clashes(promotions: tuple[Promotion, ...]) -> list[str]:
    """Two scheduled prices of the same kind on the same items at the same time contradict each other."""
    scheduled: dict[tuple, list[Promotion]] = {}
    for p in promotions:
        if p.windows:
            scheduled.setdefault((p.kind, p.target), []).append(p)
    problems = []
    for group in scheduled.values():
        for a, b in combinations(group, 2):
            if any(_overlap(x, y) for x in a.windows for y in b.windows) and _dates_meet(a, b):
                problems.append(f"{_label(a)} and {_label(b)} give the same items a {a.kind.value.replace('_', ' ')} "
                                "price at overlapping times. Change one schedule so they do not overlap.")
    return problems


def _dates_meet(a: Promotion, b: Promotion) -> bool:
    starts = [d for d in (a.valid_from, b.valid_from) if d]
    ends = [d for d in (a.valid_until, b.valid_until) if d]
    return not starts or not ends or max(starts) < min(ends)


def _catalog_problems(p: Promotion, catalog: Catalog) -> list[str]:
    if not catalog.complete:
        return []
    label = _label(p)
    problems = []
    for what, names, known in (("SKU", p.target.skus, catalog.products), ("category", p.target.categories,
                                catalog.categories), ("brand", p.target.brands, catalog.brands)):
        unknown = sorted(set(names) - set(known))
        if unknown:
            problems.append(f"{label} names a {what} the catalog does not have: {', '.join(unknown)}. "
                            f"Check the spelling, or remove it.")
    return problems


def lowest_unit_price(p: Promotion, product: Product) -> Money | None:
    """The lowest price this promotion alone could set on one unit of `product` (None: it cannot say)."""
    if p.kind in (Kind.PERCENT_OFF, Kind.BUY_X_GET_Y) and p.percent is not None:
        return product.price * ((HUNDRED - p.percent) / HUNDRED)
    if p.kind is Kind.AMOUNT_OFF and p.amount is not None:
        return product.price - p.amount
    if p.kind is Kind.VOLUME_TIERS and p.tiers:
        return product.price * ((HUNDRED - max(t.percent for t in p.tiers)) / HUNDRED)
    if p.kind is Kind.BUNDLE and p.bundle_price is not None and p.bundle_size >= 1:
        return p.bundle_price * (Decimal(1) / p.bundle_size)
    return None


def _law_problems(p: Promotion, catalog: Catalog | None, allow_below_cost: bool) -> list[str]:
    label = _label(p)
    if p.kind is Kind.BUY_X_GET_Y and p.percent == HUNDRED and _may_touch_cannabis(p, catalog):
        return [f"{label} gives items away free, and it applies to cannabis: a cannabis item may never be sold "
                "for $0. Make the items got less than 100 % off, or limit it to accessories."]
    if catalog is None:
        return []
    problems = []
    for sku, product in sorted(catalog.products.items()):
        if not product.is_cannabis or not p.target.matches(sku, product.category, product.brand):
            continue
        lowest = lowest_unit_price(p, product)
        if lowest is None:
            continue
        if lowest <= Money.zero():
            problems.append(f"{label} would sell {sku}, a cannabis item, for $0 or less; the law does not allow "
                            "it. Make the discount smaller.")
        elif not allow_below_cost and product.cost is not None and lowest < product.cost:
            problems.append(f"{label} would sell {sku} at {lowest}, below its cost of {product.cost}; the store "
                            "does not allow selling cannabis below cost. Make the discount smaller.")
    return problems


def _may_touch_cannabis(p: Promotion, catalog: Catalog | None) -> bool:
    if catalog is None:
        return True  # without a catalog, assume it may
    return any(product.is_cannabis and p.target.matches(sku, product.category, product.brand)
               for sku, product in catalog.products.items())


def _code_problems(code: DiscountCode) -> list[str]:
    label = f"Discount code {code.code}"
    problems: list[str | None] = []
    if (code.percent is None) == (code.amount is None):
        problems.append(f"{label} needs either a percentage or a fixed amount.")
    elif code.percent is not None:
        problems.append(_percent_problem(label, code.percent))
        if code.percent == HUNDRED:
            problems.append(f"{label} takes 100 % off, which would sell cannabis for $0; the law does not allow "
                            "it. Make it less than 100 %.")
    elif code.amount is not None and code.amount <= Money.zero():
        problems.append(f"{label} needs a fixed amount of more than {Money.zero()}.")
    if code.minimum_purchase is not None and code.minimum_purchase.is_negative():
        problems.append(f"{label} has a negative minimum purchase; give {Money.zero()} or more.")
    if code.usage_limit is not None and code.usage_limit < 1:
        problems.append(f"{label} has a usage limit of {code.usage_limit}; give 1 or more, or leave it out.")
    if code.valid_from and code.valid_until and code.valid_from >= code.valid_until:
        problems.append(f"{label} expires before it starts. Check its dates.")
    return [problem for problem in problems if problem]


def check_promotion_set(promotions: PromotionSet, catalog: Catalog | None = None) -> list[str]:
    """Every rule the set breaks, as sentences; an empty list means it may be accepted."""
    problems: list[str] = []
    ids = [p.id for p in promotions.promotions]
    problems += [f"Promotion id {i} is used more than once; give each promotion its own id."
                 for i in sorted({i for i in ids if ids.count(i) > 1})]
    codes = [c.code.upper() for c in promotions.codes]
    problems += [f"Discount code {c} is listed more than once; list each code once."
                 for c in sorted({c for c in codes if codes.count(c) > 1})]
    for p in promotions.promotions:
        shape = _shape_problems(p)
        problems += shape
        if catalog is not None:
            problems += _catalog_problems(p, catalog)
        if not shape:  # the law is measured on a well-formed promotion only
            problems += _law_problems(p, catalog, promotions.law.allow_below_cost)
    problems += _schedule_clashes(promotions.promotions)
    for code in promotions.codes:
        problems += _code_problems(code)
    return problems
