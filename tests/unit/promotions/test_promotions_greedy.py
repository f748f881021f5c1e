"""The greedy plan (a part with more competing group promotions than an exact search takes) picks, round after
round, the promotion that gains most, ties to the earlier in key order: the same as working every gain out
again at each round, which is what this test does beside it."""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal

import pytest

from pos_app.domain.money import Money
from pos_app.domain.promotions import CartLine, Kind, Promotion, PromotionBook, PromotionSet, Target, Tier, search
from pos_app.domain.promotions.plan import mask_of

AT = datetime(2026, 11, 20, 17, 0)
CATEGORIES = ("Pre-rolls", "Edibles", "Drinks")
BRANDS = ("North", "South", "East", "West")


def naive_greedy(evaluator, rules, units):
    free, chosen, left = mask_of(units), [], list(rules)
    while True:
        best = None
        for rule in left:  # in key order: the first of equal gains wins
            saved, mask, _pairs = evaluator.claims.claim(rule, free)
            if saved and evaluator.additive:
                saved -= evaluator.fill_value(mask, evaluator.qualifying[rule])
            if saved > 0 and (best is None or saved > best[0]):
                best = (saved, rule, mask)
        if best is None:
            return tuple(chosen)
        _saved, rule, mask = best
        free &= ~mask
        chosen.append(rule)
        left.remove(rule)


def promotion(pid: int, rng: random.Random, stackable: bool) -> Promotion:
    target = rng.choice([Target(categories=frozenset({rng.choice(CATEGORIES)})),
                         Target(brands=frozenset({rng.choice(BRANDS)})),
                         Target(skus=frozenset(f"S{rng.randrange(12)}" for _ in range(3)))])
    kind = rng.choice([Kind.BUNDLE, Kind.BUY_X_GET_Y, Kind.VOLUME_TIERS, Kind.PERCENT_OFF, Kind.AMOUNT_OFF])
    fields: dict = {"priority": rng.randrange(3), "stackable": stackable, "mix_and_match": rng.random() < 0.7}
    if kind is Kind.BUNDLE:
        fields.update(bundle_size=rng.choice([2, 3]), bundle_price=Money.from_cents(rng.choice([1200, 2000, 3500])))
    elif kind is Kind.BUY_X_GET_Y:
        fields.update(buy=rng.choice([1, 2]), get=1, percent=Decimal(rng.choice([25, 50])))
    elif kind is Kind.VOLUME_TIERS:
        fields.update(tiers=(Tier(2, Decimal(5)), Tier(3, Decimal(10))))
    elif kind is Kind.PERCENT_OFF:
        fields.update(percent=Decimal(rng.choice([5, 10, 20])))
    else:
        fields.update(amount=Money.from_cents(rng.choice([100, 300])))
    return Promotion(pid, f"promotion {pid}", kind, target, **fields)


def cart(rng: random.Random) -> list[CartLine]:
    lines = []
    for index in range(rng.randint(8, 16)):
        sku = rng.randrange(12)
        price = rng.choice([499, 899, 1299, 1999])
        lines.append(CartLine(f"S{sku}", Money.from_cents(price), rng.choice([1, 1, 2, 3]), CATEGORIES[sku % 3],
                              BRANDS[sku % 4], True, Money.from_cents(price // 2), f"L{index}"))
    return lines


@pytest.mark.parametrize("seed", range(6))
def test_the_greedy_plan_is_the_same_as_working_every_gain_out_again_each_round(monkeypatch, seed):
    rng = random.Random(seed)
    book = PromotionBook(PromotionSet(tuple(promotion(pid, rng, stackable=rng.random() < 0.3)
                                            for pid in range(1, 41))))
    planned = []
    greedy = search._greedy

    def checked(evaluator, rules, units):
        plan = greedy(evaluator, rules, units)
        assert plan == naive_greedy(evaluator, rules, units)
        planned.append(plan)
        return plan

    monkeypatch.setattr(search, "_greedy", checked)
    for _ in range(15):
        result = book.price(cart(rng), AT)
        assert sum(line.discount.cents for line in result.lines) == result.discount.cents
    assert planned and any(planned), "no cart was planned greedily: the test would check nothing"
