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
from sync.sentence import Dollars, Sentence

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_KIND_WORDS = {"percent_off": Sentence("percent off"), "amount_off": Sentence("amount off"),
               "buy_x_get_y": Sentence("buy x get y"), "bundle": Sentence("bundle"),
               "volume_tiers": Sentence("volume tiers")}


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


def dollars(amount: Decimal) -> Dollars:
    """`$1,234.50` (`-$1.00` when negative), as the terminal shows amounts in English (a screen in another
    language writes the `Dollars` again its own way)."""
    return Dollars(cents(amount))


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


def _label(row: PromotionRow) -> Sentence:
    return Sentence("Promotion %(id)s “%(name)s”", id=row.id, name=row.name)


def _percent_problem(label: str, percent: Decimal | None, what: Sentence | None = None) -> str | None:
    what = what or Sentence("percentage")
    if percent is None:
        return Sentence("%(label)s needs a %(what)s. Give one from 0 to 100.", label=label, what=what)
    if percent <= 0 or percent > HUNDRED:
        return Sentence("%(label)s has a %(what)s of %(percent)s; a %(what)s must be more than 0 and at most 100.",
                        label=label, what=what, percent=percent)
    return None


def _dates_problem(label: str, start: datetime | None, end: datetime | None, sentence: Sentence) -> str | None:
    return Sentence("%(label)s %(sentence)s", label=label, sentence=sentence) if start and end and start >= end \
        else None


def _kind_problems(row: PromotionRow, label: str) -> list[str | None]:
    if row.kind == "percent_off":
        return [_percent_problem(label, row.percent)]
    if row.kind == "amount_off":
        if row.amount is None or cents(row.amount) <= 0:
            return [Sentence("%(label)s needs an amount off each item of more than %(zero)s.", label=label,
                             zero=ZERO)]
        return []
    if row.kind == "buy_x_get_y":
        counts = None if (row.buy or 0) >= 1 and (row.get or 0) >= 1 else (
            Sentence("%(label)s needs how many to buy and how many to get, each 1 or more.", label=label))
        return [counts, _percent_problem(label, row.percent, Sentence("percentage off the items got"))]
    if row.kind == "bundle":
        return [None if (row.bundle_size or 0) >= 2 else
                Sentence("%(label)s needs a bundle of 2 items or more.", label=label),
                None if row.bundle_price is not None and row.bundle_price >= 0
                else Sentence("%(label)s needs a bundle price of %(zero)s or more.", label=label, zero=ZERO)]
    problems: list[str | None] = []  # volume_tiers
    if not row.tiers:
        problems.append(Sentence("%(label)s needs at least one tier (a quantity and a percentage).", label=label))
    quantities = [t.min_quantity for t in row.tiers]
    if len(set(quantities)) != len(quantities) or any(q < 1 for q in quantities):
        problems.append(Sentence("%(label)s has tiers with the same or a zero quantity; give each tier its own "
                                 "quantity.", label=label))
    return problems + [_percent_problem(label, t.percent,
                                        Sentence("percentage for %(count)s items", count=t.min_quantity))
                       for t in sorted(row.tiers, key=lambda t: t.min_quantity)]


def _overlap(a: ScheduleWindow, b: ScheduleWindow) -> bool:
    return bool(set(a.days) & set(b.days)) and a.start < b.end and b.start < a.end


def _shape_problems(row: PromotionRow) -> list[str]:
    label = _label(row)
    target = row.applies_to
    problems: list[str | None] = []
    if not (target.everything or target.skus or target.categories or target.brands):
        problems.append(Sentence("%(label)s applies to nothing. Name SKUs, categories or brands it applies to.",
                                 label=label))
    problems += _kind_problems(row, label)
    problems.append(_dates_problem(label, row.valid_from, row.valid_until,
                                   Sentence("ends before it starts. Check its dates.")))
    for window in row.schedule:
        if window.start >= window.end:
            problems.append(Sentence("%(label)s has a time of day from %(start)s to %(end)s; the end must come "
                                     "after the start (to run past midnight, give two times of day).", label=label,
                                     start=f"{window.start:%H:%M}", end=f"{window.end:%H:%M}"))
    for a, b in combinations(row.schedule, 2):
        if _overlap(a, b):
            problems.append(Sentence("%(label)s has times of day that overlap (%(one)s and %(other)s). Merge "
                                     "them into one.", label=label, one=describe_windows([a]),
                                     other=describe_windows([b])))
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
                problems.append(Sentence("%(one)s and %(other)s give the same items a %(kind)s price at "
                                         "overlapping times. Change one schedule so they do not overlap.",
                                         one=_label(a), other=_label(b), kind=_KIND_WORDS[a.kind]))
    return problems


def _catalog_problems(row: PromotionRow, catalog: Catalog) -> list[str]:
    if not catalog.complete:
        return []
    problems = []
    target = row.applies_to
    for what, names, known in ((Sentence("SKU"), target.skus, catalog.products),
                               (Sentence("category"), target.categories, catalog.categories),
                               (Sentence("brand"), target.brands, catalog.brands)):
        unknown = sorted(set(names) - set(known))
        if unknown:
            problems.append(Sentence("%(label)s names a %(what)s the catalog does not have: %(names)s. Check the "
                                     "spelling, or remove it.", label=_label(row), what=what,
                                     names=", ".join(unknown)))
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
        return [Sentence("%(label)s gives items away free, and it applies to cannabis: a cannabis item may never "
                         "be sold for $0. Make the items got less than 100 %% off, or limit it to accessories.",
                         label=label)]
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
            problems.append(Sentence("%(label)s would sell %(sku)s, a cannabis item, for $0 or less; the law does "
                                     "not allow it. Make the discount smaller.", label=label, sku=sku))
        elif not allow_below_cost and cost is not None and lowest < cost:
            problems.append(Sentence("%(label)s would sell %(sku)s at %(price)s, below its cost of %(cost)s; the "
                                     "store does not allow selling cannabis below cost. Make the discount smaller.",
                                     label=label, sku=sku, price=dollars(lowest), cost=dollars(cost)))
    return problems


def _code_problems(row: DiscountCodeRow) -> list[str]:
    label = Sentence("Discount code %(code)s", code=row.code.strip())
    problems: list[str | None] = []
    if row.discount_type == "percentage":
        problems.append(_percent_problem(label, row.discount_value))
        if row.discount_value == HUNDRED:
            problems.append(Sentence("%(label)s takes 100 %% off, which would sell cannabis for $0; the law does "
                                     "not allow it. Make it less than 100 %%.", label=label))
    elif cents(row.discount_value) <= 0:
        problems.append(Sentence("%(label)s needs a fixed amount of more than %(zero)s.", label=label, zero=ZERO))
    if row.minimum_purchase is not None and cents(row.minimum_purchase) < 0:
        problems.append(Sentence("%(label)s has a negative minimum purchase; give %(zero)s or more.", label=label,
                                 zero=ZERO))
    if row.usage_limit is not None and row.usage_limit < 1:
        problems.append(Sentence("%(label)s has a usage limit of %(limit)s; give 1 or more, or leave it out.",
                                 label=label, limit=row.usage_limit))
    problems.append(_dates_problem(label, row.valid_from, row.valid_until,
                                   Sentence("expires before it starts. Check its dates.")))
    return [problem for problem in problems if problem]


def check_promotions_file(data: PromotionsFile, catalog: Catalog | None = None) -> list[str]:
    """Every rule the file breaks, as sentences (paused promotions and codes too: they are resumed later); an
    empty list means it may be accepted. With a catalog, the SKUs, categories and brands named must be in it (when
    it is complete) and the law is measured on its cannabis products."""
    problems: list[str] = [
        Sentence("Amounts are exact to the cent: %(name)s has %(value)s; give at most two decimals.", name=row.name,
                 value=value)
                for row in data.promotions for value in (row.amount, row.bundle_price)
                if value is not None and value != cents(value)]
    ids = [row.id for row in data.promotions]
    problems += [Sentence("Promotion id %(id)s is used more than once; give each promotion its own id.", id=i)
                 for i in sorted({i for i in ids if ids.count(i) > 1})]
    codes = [row.code.strip().upper() for row in data.discount_codes]
    problems += [Sentence("Discount code %(code)s is listed more than once; list each code once.", code=c)
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
