"""Each kind of promotion applied to units, in integer cents, within the law's floor under each unit.

A unit is an index into the cart's units (see units.py); `price` holds each unit's price before this promotion
and `floor` the lowest price the law allows for it. An applier gets the qualifying units that are still free, in
the cart's canonical order (dearest first), and returns the (unit, cents off) pairs it takes. A promotion that
takes units for a group (a bundle, a buy-X-get-Y group, a tier) takes every unit of the group, including the ones
it gives nothing off.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from pos_app.domain.promotions.model import Kind, Promotion

HUNDRED = 100


class Rule:
    """A promotion compiled for speed: its numbers as integers and fractions, once."""

    __slots__ = ("promotion", "kind", "key", "num", "den", "amount", "buy", "get", "size", "bundle", "tiers",
                 "mix", "stackable", "per_unit", "least", "always_on", "said")

    def __init__(self, promotion: Promotion) -> None:
        self.promotion = promotion
        self.kind = promotion.kind
        self.key = promotion.sort_key
        self.stackable = promotion.stackable
        self.per_unit = promotion.per_unit
        ratio = Fraction(promotion.percent or 0) / HUNDRED
        self.num, self.den = ratio.numerator, ratio.denominator
        self.amount = promotion.amount.cents if promotion.amount is not None else 0
        self.buy, self.get = promotion.buy, promotion.get
        self.size = promotion.bundle_size
        self.bundle = promotion.bundle_price.cents if promotion.bundle_price is not None else 0
        tiers = sorted(promotion.tiers, key=lambda t: -t.min_quantity)
        self.tiers = [(t.min_quantity, Fraction(t.percent) / HUNDRED) for t in tiers]
        self.mix = promotion.mix_and_match
        # Fewer qualifying units than this and the promotion cannot take anything: no group can be formed.
        self.least = {Kind.BUNDLE: self.size, Kind.BUY_X_GET_Y: self.buy + self.get,
                      Kind.VOLUME_TIERS: min((q for q, _r in self.tiers), default=1)}.get(self.kind, 1)
        self.always_on = (promotion.valid_from is None and promotion.valid_until is None
                          and not promotion.windows)
        self.said: dict[str, object] = {}  # reason code -> the engine's answer, where no cart changes it


def percent_of(cents: int, num: int, den: int) -> int:
    """`cents` × num/den, rounded half-up to the cent."""
    return (2 * cents * num + den) // (2 * den)


def unit_discount(rule: Rule, price: int, floor: int) -> int:
    """What a per-unit kind takes off one unit priced `price`, never below `floor`."""
    room = price - floor
    if room <= 0:
        return 0
    off = rule.amount if rule.kind is Kind.AMOUNT_OFF else percent_of(price, rule.num, rule.den)
    return off if off < room else room


def unit_discounts(rule: Rule, units: Sequence[int], price: Sequence[int],
                   floor: Sequence[int]) -> list[tuple[int, int]]:
    """unit_discount over `units` at once: the (unit, cents off) of each it lowers."""
    if rule.kind is Kind.AMOUNT_OFF:
        amount = rule.amount
        if not amount:
            return []
        return [(u, amount if amount < room else room) for u in units if (room := price[u] - floor[u]) > 0]
    num, den = 2 * rule.num, 2 * rule.den
    return [(u, off if off < room else room) for u in units
            if (room := price[u] - floor[u]) > 0 and (off := (price[u] * num + rule.den) // den)]


def split(total: int, weights: Sequence[int]) -> list[int]:
    """`total` cents in proportion to `weights` (not all zero): floors, then the leftover cents to the largest
    remainders, earlier parts first on a tie. Each part stays within its weight when total <= sum(weights)."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    leftover = total - sum(parts)
    if leftover:
        order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
        for i in order[:leftover]:
            parts[i] += 1
    return parts


def _groups(rule: Rule, units: list[int], skus: Sequence[str]) -> list[list[int]]:
    if rule.mix:
        return [units]
    by_sku: dict[str, list[int]] = {}
    for u in units:
        by_sku.setdefault(skus[u], []).append(u)
    return [by_sku[sku] for sku in sorted(by_sku)]


def _spread(chunk: list[int], saving: int, price: Sequence[int], floor: Sequence[int],
            out: list[tuple[int, int]]) -> bool:
    """Spread a group's saving over its units by how far each may go down; False if the law leaves no room."""
    rooms = [max(price[u] - floor[u], 0) for u in chunk]
    saving = min(saving, sum(rooms))
    if saving <= 0:
        return False
    out.extend(zip(chunk, split(saving, rooms), strict=True))
    return True


def _bundle(rule: Rule, units: list[int], price, floor, skus) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    size = rule.size
    for group in _groups(rule, units, skus):
        for start in range(0, len(group) - size + 1, size):
            chunk = group[start:start + size]
            saving = sum(price[u] for u in chunk) - rule.bundle
            if saving <= 0:
                break  # the rest are cheaper still
            _spread(chunk, saving, price, floor, out)
    return out


def _buy_x_get_y(rule: Rule, units: list[int], price, floor, skus) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    size = rule.buy + rule.get
    for group in _groups(rule, units, skus):
        for start in range(0, len(group) - size + 1, size):
            chunk = group[start:start + size]
            offs = [(u, unit_discount(rule, price[u], floor[u])) for u in chunk[rule.buy:]]
            if any(off for _u, off in offs):
                out.extend((u, 0) for u in chunk[:rule.buy])
                out.extend(offs)
    return out


def _tiers(rule: Rule, units: list[int], price, floor, _skus) -> list[tuple[int, int]]:
    count = len(units)
    for min_quantity, ratio in rule.tiers:
        if count >= min_quantity:
            num, den = ratio.numerator, ratio.denominator
            offs = [(u, min(percent_of(price[u], num, den), max(price[u] - floor[u], 0))) for u in units]
            return offs if any(off for _u, off in offs) else []
    return []


def _code_amount(rule: Rule, units: list[int], price, floor, _skus) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if units:
        _spread(units, rule.amount, price, floor, out)
    return out


def _per_unit(rule: Rule, units: list[int], price, floor, _skus) -> list[tuple[int, int]]:
    return unit_discounts(rule, units, price, floor)


APPLIERS = {Kind.BUNDLE: _bundle, Kind.BUY_X_GET_Y: _buy_x_get_y, Kind.VOLUME_TIERS: _tiers,
            Kind.CODE_AMOUNT: _code_amount, Kind.PERCENT_OFF: _per_unit, Kind.AMOUNT_OFF: _per_unit,
            Kind.CODE_PERCENT: _per_unit}


def apply_rule(rule: Rule, units: list[int], price: Sequence[int], floor: Sequence[int],
               skus: Sequence[str], *, by_current_price: bool = False) -> list[tuple[int, int]]:
    """The (unit, cents off) pairs `rule` takes from `units`; empty when it saves nothing."""
    if by_current_price and not rule.per_unit:  # stacked on discounted prices: dearest first again
        units = sorted(units, key=lambda u: (-price[u], u))
    taken = APPLIERS[rule.kind](rule, units, price, floor, skus)
    if rule.per_unit:
        return taken  # only units it takes something off
    for _u, off in taken:
        if off:
            return taken
    return []
