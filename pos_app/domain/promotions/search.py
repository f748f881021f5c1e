"""The best plan for the customer: the order of exclusive group promotions that saves the most.

Group promotions that share no unit cannot compete, so when every stackable promotion is per-unit the units split
into independent parts and each part is searched on its own. Each part is an exact search over orders, remembering
the best continuation from each set of free units (a promotion's take depends only on the units still free).
Among plans that save the same, the one that applies the higher-priority (then lower-id) promotion first wins.
A part with more than EXACT_RULES group promotions, or too big to search within `budget` steps, is planned
greedily (the biggest gain first), and the result says so.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from pos_app.domain.promotions.kinds import Rule
from pos_app.domain.promotions.plan import Evaluator, mask_of

BUDGET = 2_000  # search steps per part; a real cart's competing promotions need far fewer
EXACT_RULES = 10  # a part with more group promotions than this is planned greedily

Best = tuple[int, tuple[tuple, ...], tuple[Rule, ...]]  # (saving, keys in order, rules in order)


class OverBudget(Exception):
    pass


def better(a: Best, b: Best) -> bool:
    return a[0] > b[0] or (a[0] == b[0] and a[1] < b[1])


def parts(evaluator: Evaluator, groups: Sequence[Rule]) -> list[tuple[list[Rule], list[int]]]:
    """Group promotions joined by shared units, each part with its units (ascending)."""
    if not evaluator.additive:
        return [(list(groups), list(range(evaluator.units.count)))] if groups else []
    owner: dict[int, int] = {}
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for index, rule in enumerate(groups):
        for u in evaluator.qualifying[rule]:
            if u in owner:
                parent[root(index)] = root(owner[u])
            else:
                owner[u] = index
    joined: dict[int, tuple[list[Rule], set[int]]] = {}
    for index, rule in enumerate(groups):
        rules, units = joined.setdefault(root(index), ([], set()))
        rules.append(rule)
        units.update(evaluator.qualifying[rule])
    return [(rules, sorted(units)) for rules, units in joined.values()]


def _exact(evaluator: Evaluator, rules: list[Rule], units: list[int], budget: int) -> Best:
    memo: dict[int, Best] = {}
    steps = [0]

    def stop_value(free: int) -> int:
        if evaluator.additive:
            return evaluator.fill_value(free, units)
        return evaluator.finish(free)[0]

    def solve(free: int) -> Best:
        known = memo.get(free)
        if known is not None:
            return known
        steps[0] += 1
        if steps[0] > budget:
            raise OverBudget
        best: Best = (stop_value(free), (), ())
        for rule in rules:
            saved, mask, _pairs = evaluator.claim(rule, free)
            if not saved:
                continue
            rest = solve(free & ~mask)
            option = (saved + rest[0], (rule.key, *rest[1]), (rule, *rest[2]))
            if better(option, best):
                best = option
        memo[free] = best
        return best

    return solve(mask_of(units))


def _greedy(evaluator: Evaluator, rules: list[Rule], units: list[int]) -> tuple[Rule, ...]:
    """Take the promotion that gains most (its saving less what its units would have saved anyway; on a tie the
    higher priority, then the lower id), again and again; a promotion's take is worked out again only when a unit
    it counts was taken (found through the promotions each unit counts for). The gains wait in a heap; an entry
    whose promotion was worked out again since is stale."""
    free = mask_of(units)
    claim, additive, qualifying = evaluator.claims.claim, evaluator.additive, evaluator.qualifying

    def gain(rule: Rule) -> tuple[int, int]:
        saved, mask, _pairs = claim(rule, free)
        if saved and additive:
            saved -= evaluator.fill_value(mask, qualifying[rule])
        return saved, mask

    # Per promotion, in key order: its place (the heap's tie-break), whether it is chosen, and its gain and take
    # as last worked out.
    entries = [[place, rule, False, *gain(rule)] for place, rule in enumerate(rules)]
    counting: dict[int, list[list]] = {}  # unit -> the entries of the promotions that count it
    for entry in entries:
        for u in qualifying[entry[1]]:
            found = counting.get(u)
            if found is None:
                counting[u] = [entry]
            else:
                found.append(entry)
    heap = [(-entry[3], entry[0]) for entry in entries if entry[3] > 0]
    heapq.heapify(heap)
    chosen: list[Rule] = []
    while heap:
        value, place = heapq.heappop(heap)
        entry = entries[place]
        if entry[3] != -value:
            continue  # stale: taken already, or worked out again
        entry[2], entry[3] = True, 0
        taken = entry[4]
        free &= ~taken
        chosen.append(entry[1])
        touched = {id(other): other for u in qualifying[entry[1]] if taken >> u & 1 for other in counting[u]
                   if not other[2]}
        for other in touched.values():
            before = other[3]
            other[3], other[4] = gain(other[1])
            if other[3] > 0 and other[3] != before:
                heapq.heappush(heap, (-other[3], other[0]))
    return tuple(chosen)


def best_sequence(evaluator: Evaluator, budget: int = BUDGET) -> tuple[tuple[Rule, ...], bool]:
    """The plan's group promotions in order, and whether the search was exact everywhere."""
    sequence: list[Rule] = []
    exact = True
    for rules, units in parts(evaluator, evaluator.groups):
        rules.sort(key=lambda r: r.key)
        try:
            if len(rules) > EXACT_RULES:
                raise OverBudget
            chosen = _exact(evaluator, rules, units, budget)[2]
        except OverBudget:
            exact = False
            chosen = _greedy(evaluator, rules, units)
        sequence.extend(chosen)  # parts share no unit, so their plans commute
    return tuple(sequence), exact
