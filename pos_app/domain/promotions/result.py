"""The engine's answer: each line's allocation in exact cents, what applied and what did not (and why), and the
price each unit was sold at, which is what a refund gives back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pos_app.domain.money import Money, sum_money
from pos_app.domain.promotions.kinds import Rule
from pos_app.domain.promotions.model import CartLine
from pos_app.domain.promotions.plan import Taken
from pos_app.domain.promotions.units import Units


@dataclass(frozen=True, slots=True)
class Allocation:
    promotion_id: int
    code: str | None  # set when the saving came from a discount code
    name: str
    amount: Money


@dataclass(frozen=True, slots=True)
class LineResult:
    index: int  # the line's place in the cart as given
    line: CartLine
    allocations: tuple[Allocation, ...]
    unit_cents: tuple[int, ...]  # what each unit sells for after promotions, in cents, lowest first

    @property
    def unit_prices(self) -> tuple[Money, ...]:
        return tuple(money(c) for c in self.unit_cents)

    @property
    def subtotal(self) -> Money:
        return self.line.unit_price * self.line.quantity

    @property
    def discount(self) -> Money:
        return money(self.line.unit_price.cents * self.line.quantity - sum(self.unit_cents))

    @property
    def total(self) -> Money:
        return money(sum(self.unit_cents))


@dataclass(frozen=True, slots=True)
class Applied:
    promotion_id: int
    code: str | None
    name: str
    kind: str
    saving: Money


@dataclass(frozen=True, slots=True)
class NotApplied:
    promotion_id: int | None  # None for a code nobody knows
    code: str | None
    name: str
    reason_code: str
    reason: str


@dataclass(frozen=True, slots=True)
class PricingResult:
    lines: tuple[LineResult, ...]  # in the cart's order
    applied: tuple[Applied, ...]  # biggest saving first
    not_applied: tuple[NotApplied, ...]
    exact: bool = True  # False if a very large set of competing promotions was planned greedily

    @property
    def subtotal(self) -> Money:
        return sum_money(line.subtotal for line in self.lines)

    @property
    def discount(self) -> Money:
        return sum_money(line.discount for line in self.lines)

    @property
    def total(self) -> Money:
        return self.subtotal - self.discount

    def discounted_line_amounts(self) -> list[Money]:
        """Each line's amount after promotions, in the cart's order: what manual discounts and tax start from."""
        return [line.total for line in self.lines]


@lru_cache(maxsize=4096)
def money(cents: int) -> Money:
    # Money is immutable, and a till sees the same few amounts again and again.
    return Money.from_cents(cents)


def _by_rule_key(item: tuple[Rule, int]) -> tuple:
    return item[0].key


def build_result(units: Units, taken: Taken, not_applied: Sequence[NotApplied], exact: bool) -> PricingResult:
    per_line: dict[int, dict[Rule, int]] = {}
    off_per_unit = [0] * units.count
    saving: dict[Rule, int] = {}
    line_of = units.line_of
    for rule, u, off in taken:
        if not off:
            continue
        line_rules = per_line.get(line_of[u])
        if line_rules is None:
            line_rules = per_line[line_of[u]] = {}
        line_rules[rule] = line_rules.get(rule, 0) + off
        off_per_unit[u] += off
        saving[rule] = saving.get(rule, 0) + off
    lines = []
    price, first_unit = units.price, units.first_unit
    for index, line in enumerate(units.lines):
        first = first_unit[index]
        line_rules = per_line.get(index)
        if line_rules is None:  # no promotion on it: every unit at its list price
            lines.append(LineResult(index, line, (), (price[first],) * line.quantity if line.quantity else ()))
            continue
        paid = sorted(price[u] - off_per_unit[u] for u in range(first, first + line.quantity))
        shares = line_rules.items() if len(line_rules) == 1 else sorted(line_rules.items(), key=_by_rule_key)
        allocations = tuple(Allocation(r.promotion.id, r.promotion.code, r.promotion.name, money(cents))
                            for r, cents in shares)
        lines.append(LineResult(index, line, allocations, tuple(paid)))
    applied = tuple(Applied(r.promotion.id, r.promotion.code, r.promotion.name, r.kind.value, money(c))
                    for r, c in sorted(saving.items(), key=lambda item: (-item[1], item[0].key)))
    return PricingResult(tuple(lines), applied, tuple(not_applied), exact)


def refund_amount(line: LineResult, quantity: int, already_returned: int = 0) -> Money:
    """What returning `quantity` more units of a sold line gives back: the units sold cheapest go back first, so
    the unit a deal gave away is the one returned, never the one paid for in full."""
    left = line.line.quantity - already_returned
    if not 0 <= quantity <= left:
        raise ValueError(f"Only {left} of {line.line.sku} are left to return; {quantity} cannot be returned.")
    return money(sum(line.unit_cents[already_returned:already_returned + quantity]))


def refund_amounts(result: PricingResult, returned: Mapping[int, int]) -> dict[int, Money]:
    """Line index -> what returning that many of its units gives back."""
    return {index: refund_amount(result.lines[index], quantity) for index, quantity in returned.items()}
