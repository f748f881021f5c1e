"""What a plan saves: exclusive group promotions take units in the plan's order, then every unit still free takes
the better of its best exclusive per-unit promotion and its stackable promotions, and the stackable promotions
apply in priority order on the prices already discounted.

A plan is only the order of the exclusive group promotions (bundles, buy-X-get-Y, tiers, a fixed-amount code that
is exclusive; and the per-unit exclusive ones too when a stackable promotion is a group one); everything else
follows from it, so the search (search.py) only orders those. Sets of units are
Python ints used as bit masks: unit u is free when bit u is set.
"""

from __future__ import annotations

from collections.abc import Sequence

from pos_app.domain.promotions.kinds import Rule, apply_rule, unit_discount, unit_discounts
from pos_app.domain.promotions.units import Units

Taken = list[tuple[Rule, int, int]]  # (rule, unit, cents off)
Claim = tuple[int, int, list[tuple[int, int]]]  # (cents saved, mask taken, (unit, cents off) pairs)
NOTHING: Claim = (0, 0, [])


def mask_of(units: Sequence[int]) -> int:
    mask = 0
    for u in units:
        mask |= 1 << u
    return mask


class Claims:
    """What each rule takes of a set of free units at list prices, remembered by the free units it counts: the
    check that a promotion saves anything alone, the search, the greedy planner and the replay of the chosen plan
    ask the same questions again and again. `masks` may be given (the engine builds them with the lists)."""

    __slots__ = ("units", "qualifying", "masks", "memo", "offs")

    def __init__(self, units: Units, qualifying: dict[Rule, list[int]], masks: dict[Rule, int] | None = None):
        self.units = units
        self.qualifying = qualifying
        self.masks = masks if masks is not None else {}
        self.memo: dict[tuple[Rule, int], Claim] = {}
        self.offs: dict[Rule, list[tuple[int, int]]] = {}

    def mask(self, rule: Rule) -> int:
        mask = self.masks.get(rule)
        if mask is None:
            mask = self.masks[rule] = mask_of(self.qualifying[rule])
        return mask

    def unit_offs(self, rule: Rule) -> list[tuple[int, int]]:
        """A per-unit rule's (unit, cents off) on each qualifying unit it lowers, at list prices."""
        offs = self.offs.get(rule)
        if offs is None:
            offs = self.offs[rule] = unit_discounts(rule, self.qualifying[rule], self.units.price, self.units.floor)
        return offs

    def claim(self, rule: Rule, free: int) -> Claim:
        mask = self.masks.get(rule)
        if mask is None:
            mask = self.mask(rule)
        counted = free & mask
        known = self.memo.get((rule, counted))
        if known is not None:
            return known
        if rule.per_unit:
            offs = self.offs.get(rule)
            if offs is None:
                offs = self.unit_offs(rule)
            pairs = offs if counted == mask else [pair for pair in offs if counted >> pair[0] & 1]
        else:
            units = self.qualifying[rule]
            if counted != mask:
                units = [u for u in units if counted >> u & 1]
            pairs = apply_rule(rule, units, self.units.price, self.units.floor, self.units.skus) \
                if len(units) >= rule.least else []
        if pairs:
            taken = 0
            saved = 0
            for u, off in pairs:
                taken |= 1 << u
                saved += off
            answer = (saved, taken, pairs)
        else:
            answer = NOTHING
        self.memo[rule, counted] = answer
        return answer


class Evaluator:
    """One cart and the rules that can touch it; each rule's qualifying units listed in canonical order."""

    def __init__(self, units: Units, exclusive: Sequence[Rule], stackable: Sequence[Rule],
                 qualifying: dict[Rule, list[int]], claims: Claims | None = None) -> None:
        self.units = units
        self.qualifying = qualifying
        self.claims = claims if claims is not None else Claims(units, qualifying)
        self.stackable = sorted(stackable, key=lambda r: r.key)
        self.additive = all(r.per_unit for r in self.stackable)
        # With group promotions among the stackable ones a unit's worth to them depends on the other units, so
        # per-unit exclusive promotions are searched like the groups instead of filled in unit by unit.
        self.groups = [r for r in exclusive if not r.per_unit or not self.additive]
        n = units.count
        self.best_exclusive: list[tuple[int, Rule | None]] = [(0, None)] * n
        for rule in sorted((r for r in exclusive if r.per_unit and self.additive), key=lambda r: r.key):
            for u, off in self.claims.unit_offs(rule):
                if off > self.best_exclusive[u][0]:
                    self.best_exclusive[u] = (off, rule)
        self.chain, self.chain_key = self._per_unit_chains(n)
        self.fill = [max(self.best_exclusive[u][0], self.chain[u]) for u in range(n)]

    def _per_unit_chains(self, n: int) -> tuple[list[int], list[tuple]]:
        """Each unit's saving from the per-unit stackable promotions alone, and the key of the first that gave."""
        price = list(self.units.price)
        first: list[tuple] = [()] * n
        for rule in self.stackable:
            if not rule.per_unit:
                continue
            for u in self.qualifying[rule]:
                off = unit_discount(rule, price[u], self.units.floor[u])
                if off:
                    price[u] -= off
                    first[u] = first[u] or rule.key
        return [self.units.price[u] - price[u] for u in range(n)], first

    def takes_exclusive(self, u: int) -> bool:
        off, rule = self.best_exclusive[u]
        if rule is None or off < self.chain[u]:
            return False
        return off > self.chain[u] or not self.chain_key[u] or rule.key < self.chain_key[u]

    def claim(self, rule: Rule, free: int) -> Claim:
        """(cents saved, mask taken, pairs) when `rule` takes what it can of the free units, at list prices."""
        return self.claims.claim(rule, free)

    def fill_value(self, free: int, among: Sequence[int]) -> int:
        """What the free units of `among` save after the groups (valid when every stackable is per-unit)."""
        fill = self.fill
        return sum(fill[u] for u in among if free >> u & 1)

    def finish(self, free: int) -> tuple[int, Taken]:
        """The free units' savings: exclusive per-unit promotions, then the stackable ones on discounted prices."""
        taken: Taken = []
        stacked = 0
        for u in range(self.units.count):
            if not free >> u & 1:
                continue
            if self.takes_exclusive(u):
                off, rule = self.best_exclusive[u]
                taken.append((rule, u, off))
            else:
                stacked |= 1 << u
        price = list(self.units.price)
        for rule in self.stackable:
            units = [u for u in self.qualifying[rule] if stacked >> u & 1]
            if not units:
                continue
            for u, off in apply_rule(rule, units, price, self.units.floor, self.units.skus, by_current_price=True):
                if off:
                    price[u] -= off
                taken.append((rule, u, off))
        return sum(off for _r, _u, off in taken), taken

    def run(self, sequence: Sequence[Rule]) -> tuple[int, Taken]:
        """Everything a plan takes: its group promotions in order, then finish()."""
        free = (1 << self.units.count) - 1
        taken: Taken = []
        for rule in sequence:
            _saved, mask, pairs = self.claim(rule, free)
            free &= ~mask
            taken.extend((rule, u, off) for u, off in pairs)
        _rest, more = self.finish(free)
        taken.extend(more)
        return sum(off for _r, _u, off in taken), taken
