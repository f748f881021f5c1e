"""The rules a promotions file must keep before it is accepted, each broken one as a sentence.

Written once, here, for both ends: the hub checks a file or a new promotion with them against the tenant's
catalog (sync.hub.promotions), and the terminal's pricing command checks its file with them
(pos_app.domain.promotions.checks). Pure: the standard library and the file's own rows
(sync.promotions_file), amounts as plain Decimal. A set with any problem is refused whole, so nothing is
half-applied; the engine applies the law again on every cart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from sync.promotions_file import DiscountCodeRow, PromotionRow, PromotionsFile, ScheduleWindow

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Product:
    category: str
    brand: str
    is_cannabis: bool
    price: Decimal
    cost: Decimal | None = None


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


def refusal_message(problems: list[str]) -> str:
    listing = "\n".join(f"- {problem}" for problem in problems)
    count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
    return f"The promotions were not accepted ({count}); nothing was changed. Fix these and try again:\n{listing}"


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def dollars(amount: Decimal) -> str:
    """`$1,234.50` (`-$1.00` when negative), as the terminal shows amounts in English."""
    amount = cents(amount)
    return f"{'-' if amount < 0 else ''}${abs(amount):,.2f}"


ZERO = dollars(Decimal(0))


def describe_windows(windows: Iterable[ScheduleWindow]) -> str:
    parts = []
    for window in windows:
        days = ", ".join(day.capitalize() for day in DAYS if day in window.days)
        parts.append(f"{days} {window.start:%H:%M}–{window.end:%H:%M}")
    return "; ".join(parts)


def matches(row: PromotionRow, sku: str, product: Product) -> bool:
    target = row.applies_to
    return (target.everything or sku in target.skus or product.category in target.categories
            or product.brand in target.brands)


def _label(row: PromotionRow) -> str:
    return f"Promotion {row.id} “{row.name}”"


def _percent_problem(label: str, percent: Decimal | None, what: str = "percentage") -> str | None:
    if percent is None:
        return f"{label} needs a {what}. Give one from 0 to 100."
    if percent <= 0 or percent > HUNDRED:
        return f"{label} has a {what} of {percent}; a {what} must be more than 0 and at most 100."
    return None


def _dates_problem(label: str, start: datetime | None, end: datetime | None, sentence: str) -> str | None:
    return f"{label} {sentence}" if start and end and start >= end else None


def _kind_problems(row: PromotionRow, label: str) -> list[str | None]:
    if row.kind == "percent_off":
        return [_percent_problem(label, row.percent)]
    if row.kind == "amount_off":
        if row.amount is None or cents(row.amount) <= 0:
            return [f"{label} needs an amount off each item of more than {ZERO}."]
        return []
    if row.kind == "buy_x_get_y":
        counts = None if (row.buy or 0) >= 1 and (row.get or 0) >= 1 else (
            f"{label} needs how many to buy and how many to get, each 1 or more.")
        return [counts, _percent_problem(label, row.percent, "percentage off the items got")]
    if row.kind == "bundle":
        return [None if (row.bundle_size or 0) >= 2 else f"{label} needs a bundle of 2 items or more.",
                None if row.bundle_price is not None and row.bundle_price >= 0
                else f"{label} needs a bundle price of {ZERO} or more."]
    problems: list[str | None] = []  # volume_tiers
    if not row.tiers:
        problems.append(f"{label} needs at least one tier (a quantity and a percentage).")
    quantities = [t.min_quantity for t in row.tiers]
    if len(set(quantities)) != len(quantities) or any(q < 1 for q in quantities):
        problems.append(f"{label} has tiers with the same or a zero quantity; give each tier its own quantity.")
    return problems + [_percent_problem(label, t.percent, f"percentage for {t.min_quantity} items")
                       for t in sorted(row.tiers, key=lambda t: t.min_quantity)]


def _overlap(a: ScheduleWindow, b: ScheduleWindow) -> bool:
    return bool(set(a.days) & set(b.days)) and a.start < b.end and b.start < a.end


def _shape_problems(row: PromotionRow) -> list[str]:
    label = _label(row)
    target = row.applies_to
    problems: list[str | None] = []
    if not (target.everything or target.skus or target.categories or target.brands):
        problems.append(f"{label} applies to nothing. Name SKUs, categories or brands it applies to.")
    problems += _kind_problems(row, label)
    problems.append(_dates_problem(label, row.valid_from, row.valid_until, "ends before it starts. Check its dates."))
    for window in row.schedule:
        if window.start >= window.end:
            problems.append(f"{label} has a time of day from {window.start:%H:%M} to {window.end:%H:%M}; the end "
                            "must come after the start (to run past midnight, give two times of day).")
    for a, b in combinations(row.schedule, 2):
        if _overlap(a, b):
            problems.append(f"{label} has times of day that overlap ({describe_windows([a])} and "
                            f"{describe_windows([b])}). Merge them into one.")
    return [problem for problem in problems if problem]


def _dates_meet(a: PromotionRow, b: PromotionRow) -> bool:
    starts = [d for d in (a.valid_from, b.valid_from) if d]
    ends = [d for d in (a.valid_until, b.valid_until) if d]
    return not starts or not ends or max(starts) < min(ends)


def _schedule_clashes(rows: Iterable[PromotionRow]) -> list[str]:
    """Two scheduled prices of the same kind on the same items at the same time contradict each other."""
    scheduled: dict[tuple, list[PromotionRow]] = {}
    for row in rows:
        if row.schedule:
            t = row.applies_to
            key = (row.kind, frozenset(t.skus), frozenset(t.categories), frozenset(t.brands), t.everything)
            scheduled.setdefault(key, []).append(row)
    problems = []
    for group in scheduled.values():
        for a, b in combinations(group, 2):
            if any(_overlap(x, y) for x in a.schedule for y in b.schedule) and _dates_meet(a, b):
                problems.append(f"{_label(a)} and {_label(b)} give the same items a {a.kind.replace('_', ' ')} "
                                "price at overlapping times. Change one schedule so they do not overlap.")
    return problems


def _catalog_problems(row: PromotionRow, catalog: Catalog) -> list[str]:
    if not catalog.complete:
        return []
    problems = []
    target = row.applies_to
    for what, names, known in (("SKU", target.skus, catalog.products), ("category", target.categories,
                                catalog.categories), ("brand", target.brands, catalog.brands)):
        unknown = sorted(set(names) - set(known))
        if unknown:
            problems.append(f"{_label(row)} names a {what} the catalog does not have: {', '.join(unknown)}. "
                            f"Check the spelling, or remove it.")
    return problems


def lowest_unit_price(row: PromotionRow, product: Product) -> Decimal | None:
    """The lowest price this promotion alone could set on one unit of `product`, to the cent (None: it cannot
    say)."""
    price = cents(product.price)
    if row.kind in ("percent_off", "buy_x_get_y") and row.percent is not None:
        return cents(price * ((HUNDRED - row.percent) / HUNDRED))
    if row.kind == "amount_off" and row.amount is not None:
        return price - cents(row.amount)
    if row.kind == "volume_tiers" and row.tiers:
        return cents(price * ((HUNDRED - max(t.percent for t in row.tiers)) / HUNDRED))
    if row.kind == "bundle" and row.bundle_price is not None and (row.bundle_size or 0) >= 1:
        return cents(cents(row.bundle_price) * (Decimal(1) / row.bundle_size))
    return None


def _law_problems(row: PromotionRow, catalog: Catalog | None, allow_below_cost: bool) -> list[str]:
    label = _label(row)
    touches_cannabis = catalog is None or any(  # without a catalog, assume it may
        product.is_cannabis and matches(row, sku, product) for sku, product in catalog.products.items())
    if row.kind == "buy_x_get_y" and row.percent == HUNDRED and touches_cannabis:
        return [f"{label} gives items away free, and it applies to cannabis: a cannabis item may never be sold "
                "for $0. Make the items got less than 100 % off, or limit it to accessories."]
    if catalog is None:
        return []
    problems = []
    for sku, product in sorted(catalog.products.items()):
        if not product.is_cannabis or not matches(row, sku, product):
            continue
        lowest = lowest_unit_price(row, product)
        if lowest is None:
            continue
        cost = None if product.cost is None else cents(product.cost)
        if lowest <= 0:
            problems.append(f"{label} would sell {sku}, a cannabis item, for $0 or less; the law does not allow "
                            "it. Make the discount smaller.")
        elif not allow_below_cost and cost is not None and lowest < cost:
            problems.append(f"{label} would sell {sku} at {dollars(lowest)}, below its cost of {dollars(cost)}; the "
                            "store does not allow selling cannabis below cost. Make the discount smaller.")
    return problems


def _code_problems(row: DiscountCodeRow) -> list[str]:
    label = f"Discount code {row.code.strip()}"
    problems: list[str | None] = []
    if row.discount_type == "percentage":
        problems.append(_percent_problem(label, row.discount_value))
        if row.discount_value == HUNDRED:
            problems.append(f"{label} takes 100 % off, which would sell cannabis for $0; the law does not allow "
                            "it. Make it less than 100 %.")
    elif cents(row.discount_value) <= 0:
        problems.append(f"{label} needs a fixed amount of more than {ZERO}.")
    if row.minimum_purchase is not None and cents(row.minimum_purchase) < 0:
        problems.append(f"{label} has a negative minimum purchase; give {ZERO} or more.")
    if row.usage_limit is not None and row.usage_limit < 1:
        problems.append(f"{label} has a usage limit of {row.usage_limit}; give 1 or more, or leave it out.")
    problems.append(_dates_problem(label, row.valid_from, row.valid_until, "expires before it starts. Check its "
                                                                           "dates."))
    return [problem for problem in problems if problem]


def check_promotions_file(data: PromotionsFile, catalog: Catalog | None = None) -> list[str]:
    """Every rule the file breaks, as sentences (paused promotions and codes too: they are resumed later); an
    empty list means it may be accepted. With a catalog, the SKUs, categories and brands named must be in it (when
    it is complete) and the law is measured on its cannabis products."""
    problems = [f"Amounts are exact to the cent: {row.name} has {value}; give at most two decimals."
                for row in data.promotions for value in (row.amount, row.bundle_price)
                if value is not None and value != cents(value)]
    ids = [row.id for row in data.promotions]
    problems += [f"Promotion id {i} is used more than once; give each promotion its own id."
                 for i in sorted({i for i in ids if ids.count(i) > 1})]
    codes = [row.code.strip().upper() for row in data.discount_codes]
    problems += [f"Discount code {c} is listed more than once; list each code once."
                 for c in sorted({c for c in codes if codes.count(c) > 1})]
    for row in data.promotions:
        shape = _shape_problems(row)
        problems += shape
        if catalog is not None:
            problems += _catalog_problems(row, catalog)
        if not shape:  # the law is measured on a well-formed promotion only
            problems += _law_problems(row, catalog, data.allow_below_cost)
    problems += _schedule_clashes(data.promotions)
    for row in data.discount_codes:
        problems += _code_problems(row)
    return problems
