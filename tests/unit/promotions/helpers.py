"""Carts and promotions for the promotions tests, and the brute-force planner the engine's search must agree with."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from itertools import permutations

from pos_app.domain.money import Money
from pos_app.domain.promotions import CartLine, Kind, Promotion, PromotionBook, PromotionSet, Target
from pos_app.domain.promotions.eligibility import inactive_reason
from pos_app.domain.promotions.kinds import Rule, apply_rule
from pos_app.domain.promotions.plan import Evaluator
from pos_app.domain.promotions.units import cart_units

MONDAY_NOON = datetime(2026, 11, 16, 12, 0)


def line(sku: str, price: str, quantity: int = 1, category: str = "Pre-Rolls", brand: str = "Redecan",
         cannabis: bool = True, cost: str | None = "1.00", line_id: str = "") -> CartLine:
    return CartLine(sku, Money.of(price), quantity, category, brand, cannabis,
                    None if cost is None else Money.of(cost), line_id)


def category(*names: str) -> Target:
    return Target(categories=frozenset(names))


def skus(*names: str) -> Target:
    return Target(skus=frozenset(names))


def percent_off(pid: int, pct: str, target: Target, **kw) -> Promotion:
    return Promotion(pid, kw.pop("name", f"{pct} % off"), Kind.PERCENT_OFF, target, percent=Decimal(pct), **kw)


def bundle(pid: int, size: int, price: str, target: Target, **kw) -> Promotion:
    return Promotion(pid, kw.pop("name", f"any {size} for ${price}"), Kind.BUNDLE, target, bundle_size=size,
                     bundle_price=Money.of(price), **kw)


def bxgy(pid: int, buy: int, get: int, pct: str, target: Target, **kw) -> Promotion:
    return Promotion(pid, kw.pop("name", f"buy {buy} get {get} at {pct} % off"), Kind.BUY_X_GET_Y, target,
                     buy=buy, get=get, percent=Decimal(pct), **kw)


def price(promotions, lines, at=MONDAY_NOON, codes=(), law=None, **kw):
    book_set = PromotionSet(promotions=tuple(promotions), codes=tuple(kw.pop("discount_codes", ())),
                            **({"law": law} if law else {}))
    return PromotionBook(book_set).price(lines, at, codes, kw.pop("used_locally", None))


def cents(result) -> list[int]:
    return [line.discount.cents for line in result.lines]


def brute_force(promotion_set: PromotionSet, lines, at) -> tuple[int, list[list[int]]]:
    """Every order of every subset of the exclusive group promotions, with no index, no pruning and no parts:
    the largest saving, then the plan applying the higher-priority promotion first. Returns the saving and each
    line's unit prices."""
    units = cart_units(lines, promotion_set.law)
    rules = [Rule(p) for p in promotion_set.promotions if inactive_reason(p, at) is None]
    qualifying = {r: [u for u in range(units.count)
                      if r.promotion.target.matches(units.skus[u], lines[units.line_of[u]].category,
                                                    lines[units.line_of[u]].brand)] for r in rules}
    # As the engine does, a promotion that would save nothing on its own is left out before planning.
    rules = [r for r in rules if apply_rule(r, qualifying[r], units.price, units.floor, units.skus)]
    evaluator = Evaluator(units, [r for r in rules if not r.stackable], [r for r in rules if r.stackable],
                          qualifying)
    best = None
    for size in range(len(evaluator.groups) + 1):
        for order in permutations(evaluator.groups, size):
            if not _every_step_saves(evaluator, order):
                continue
            saving, taken = evaluator.run(order)
            key = (-saving, tuple(r.key for r in order))
            if best is None or key < best[0]:
                best = (key, taken)
    off = [0] * units.count
    for _rule, u, amount in best[1]:
        off[u] += amount
    paid = [sorted(units.price[u] - off[u] for u in range(units.count) if units.line_of[u] == i)
            for i in range(len(lines))]
    return -best[0][0], paid


def _every_step_saves(evaluator: Evaluator, order) -> bool:
    free = (1 << evaluator.units.count) - 1
    for rule in order:
        saved, mask, _pairs = evaluator.claim(rule, free)
        if not saved:
            return False
        free &= ~mask
    return True
