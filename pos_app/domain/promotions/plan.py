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

from pos_app.domain.promotions.kinds import Rule, apply_rule, unit_discount
from pos_app.domain.promotions.units import Units

Taken = list[tuple[Rule, int, int]]  # (rule, unit, cents off)


def mask_of(units: Sequence[int]) -> int:
    mask = 0
    for u in units:
        mask |= 1 << u
    return mask


class Evaluator:
    """One cart and the rules that can touch it; each rule's qualifying units listed in canonical order."""

    def __init__(self, units: Units, exclusive: Sequence[Rule], stackable: Sequence[Rule],
                 qualifying: dict[Rule, list[int]]) -> None:
        self.units = units
        self.qualifying = qualifying
        self.stackable = sorted(stackable, key=lambda r: r.key)
        self.additive = all(r.per_unit for r in self.stackable)
        # With group promotions among the stackable ones a unit's worth to them depends on the other units, so
        # per-unit exclusive promotions are searched like the groups instead of filled in unit by unit.
        self.groups = [r for r in exclusive if not r.per_unit or not self.additive]
        n = units.count
        self.best_exclusive: list[tuple[int, Rule | None]] = [(0, None)] * n
        for rule in sorted((r for r in exclusive if r.per_unit and self.additive), key=lambda r: r.key):
            for u in qualifying[rule]:
                off = unit_discount(rule, units.price[u], units.floor[u])
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

    def claim(self, rule: Rule, free: int) -> tuple[int, int, list[tuple[int, int]]]:
        """(cents saved, mask taken, pairs) when `rule` takes what it can of the free units, at list prices."""
        units = [u for u in self.qualifying[rule] if free >> u & 1]
        if not units:
            return 0, 0, []
        pairs = apply_rule(rule, units, self.units.price, self.units.floor, self.units.skus)
        if not pairs:
            return 0, 0, []
        return sum(off for _u, off in pairs), mask_of([u for u, _off in pairs]), pairs

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
