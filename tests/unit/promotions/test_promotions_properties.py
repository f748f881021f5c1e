"""Properties of the engine over random carts and promotions, and a brute-force check of its search."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.domain.money import Money
from pos_app.domain.promotions import (
    CartLine,
    DiscountCode,
    Kind,
    Law,
    Promotion,
    PromotionBook,
    PromotionSet,
    Target,
    Tier,
    refund_amount,
)
from tests.unit.promotions.helpers import MONDAY_NOON, brute_force

CATEGORIES = {"Pre-Rolls": True, "Vapes": True, "Accessories": False}


@st.composite
def carts(draw, max_units: int = 8) -> list[CartLine]:
    lines, units = [], 0
    for index in range(draw(st.integers(1, 4))):
        quantity = draw(st.integers(1, 3))
        if units + quantity > max_units:
            break
        units += quantity
        group = draw(st.sampled_from(sorted(CATEGORIES)))
        price = draw(st.sampled_from([199, 500, 999, 1249, 3499]))
        cost = draw(st.sampled_from([None, 0, 100, 450, price // 2]))
        lines.append(CartLine(draw(st.sampled_from(["S1", "S2", "S3", "S4"])), Money.from_cents(price), quantity,
                              group, draw(st.sampled_from(["A", "B"])), CATEGORIES[group],
                              None if cost is None else Money.from_cents(cost), line_id=f"L{index}"))
    return lines


@st.composite
def targets(draw) -> Target:
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return Target(categories=frozenset(draw(st.sets(st.sampled_from(sorted(CATEGORIES)), min_size=1))))
    if choice == 1:
        return Target(brands=frozenset({draw(st.sampled_from(["A", "B"]))}))
    if choice == 2:
        return Target(skus=frozenset(draw(st.sets(st.sampled_from(["S1", "S2", "S3", "S4"]), min_size=1))))
    return Target(everything=True)


@st.composite
def promotions(draw, pid: int) -> Promotion:
    kind = draw(st.sampled_from([Kind.PERCENT_OFF, Kind.AMOUNT_OFF, Kind.BUY_X_GET_Y, Kind.BUNDLE,
                                 Kind.VOLUME_TIERS]))
    pct = Decimal(draw(st.sampled_from([5, 10, 15, 33, 50, 100])))
    fields = {"priority": draw(st.integers(0, 3)), "stackable": draw(st.booleans()),
              "mix_and_match": draw(st.booleans())}
    if kind in (Kind.PERCENT_OFF, Kind.BUY_X_GET_Y):
        fields["percent"] = pct
    if kind is Kind.AMOUNT_OFF:
        fields["amount"] = Money.from_cents(draw(st.sampled_from([100, 250, 1000])))
    if kind is Kind.BUY_X_GET_Y:
        fields["buy"], fields["get"] = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    if kind is Kind.BUNDLE:
        fields["bundle_size"] = draw(st.integers(2, 3))
        fields["bundle_price"] = Money.from_cents(draw(st.sampled_from([0, 999, 2000, 2500])))
    if kind is Kind.VOLUME_TIERS:
        fields["tiers"] = (Tier(2, Decimal(5)), Tier(3, pct))
    return Promotion(pid, f"promotion {pid}", kind, draw(targets()), **fields)


@st.composite
def promotion_sets(draw) -> PromotionSet:
    count = draw(st.integers(1, 4))
    chosen = tuple(draw(promotions(pid)) for pid in range(1, count + 1))
    codes = ()
    if draw(st.booleans()):
        codes = (DiscountCode(1, "SAVE", "Save", amount=Money.from_cents(draw(st.sampled_from([300, 1500]))),
                              stackable=draw(st.booleans()), priority=draw(st.integers(0, 3))),)
    return PromotionSet(chosen, codes, Law(allow_below_cost=draw(st.booleans())))


def priced(promotion_set, lines, codes=("SAVE",)):
    return PromotionBook(promotion_set).price(lines, MONDAY_NOON, codes)


@settings(max_examples=150, deadline=None)
@given(promotion_sets(), carts())
def test_allocations_add_up_to_the_discount_and_no_unit_goes_below_the_law(promotion_set, lines):
    result = priced(promotion_set, lines)
    assert sum(a.saving.cents for a in result.applied) == result.discount.cents
    for line in result.lines:
        assert sum(a.amount.cents for a in line.allocations) == line.discount.cents
        assert line.subtotal.cents - sum(p.cents for p in line.unit_prices) == line.discount.cents
        assert line.total.cents >= 0 and all(a.amount.cents > 0 for a in line.allocations)
        floor = 0
        if line.line.is_cannabis:
            cost = line.line.unit_cost.cents if line.line.unit_cost and not promotion_set.law.allow_below_cost else 0
            floor = min(max(1, cost), line.line.unit_price.cents)
        assert all(p.cents >= floor for p in line.unit_prices), (line.unit_prices, floor)
    assert result.total.cents == sum(line.total.cents for line in result.lines)


@settings(max_examples=100, deadline=None)
@given(promotion_sets(), carts())
def test_the_best_deal_saves_at_least_as_much_as_any_one_promotion_alone(promotion_set, lines):
    best = priced(promotion_set, lines).discount
    for promotion in promotion_set.promotions:
        alone = priced(PromotionSet((promotion,), (), promotion_set.law), lines, codes=()).discount
        assert alone <= best, promotion
    for code in promotion_set.codes:
        assert priced(PromotionSet((), (code,), promotion_set.law), lines).discount <= best


@settings(max_examples=100, deadline=None)
@given(promotion_sets(), carts(), st.randoms(use_true_random=False))
def test_the_order_of_the_lines_does_not_change_the_result(promotion_set, lines, rng):
    first = priced(promotion_set, lines)
    shuffled = list(lines)
    rng.shuffle(shuffled)
    again = priced(promotion_set, shuffled)
    by_id = {line.line.line_id: (line.allocations, line.unit_prices) for line in again.lines}
    assert {line.line.line_id: (line.allocations, line.unit_prices) for line in first.lines} == by_id
    assert first.applied == again.applied and set(first.not_applied) == set(again.not_applied)


@settings(max_examples=100, deadline=None)
@given(promotion_sets(), carts())
def test_refunding_everything_returns_exactly_what_was_paid(promotion_set, lines):
    result = priced(promotion_set, lines)
    back = sum(refund_amount(line, line.line.quantity).cents for line in result.lines)
    assert back == result.total.cents
    for line in result.lines:  # in two goes, the same
        half = line.line.quantity // 2
        twice = refund_amount(line, half) + refund_amount(line, line.line.quantity - half, already_returned=half)
        assert twice == line.total


@settings(max_examples=120, deadline=None)
@given(promotion_sets(), carts(max_units=8))
def test_a_brute_force_search_over_every_plan_agrees_with_the_engine(promotion_set, lines):
    result = priced(promotion_set, lines, codes=())
    saving, paid = brute_force(PromotionSet(promotion_set.promotions, (), promotion_set.law), lines, MONDAY_NOON)
    assert result.discount.cents == saving
    assert [[p.cents for p in line.unit_prices] for line in result.lines] == paid


def test_the_engine_and_the_brute_force_agree_on_a_crowded_cart():
    """Many competing exclusive groups on one cart of 8 units: parts, memo and order all matter here."""
    rng = random.Random(17)
    target = Target(categories=frozenset({"Pre-Rolls"}))
    crowd = tuple(Promotion(i, f"bundle {i}", Kind.BUNDLE, target, priority=rng.randint(0, 2), bundle_size=size,
                            bundle_price=Money.from_cents(price))
                  for i, (size, price) in enumerate([(2, 1500), (3, 2000), (2, 1800), (3, 2400)], start=1))
    lines = [CartLine(f"S{i}", Money.from_cents(p), q, "Pre-Rolls", "A", True, Money.from_cents(100), f"L{i}")
             for i, (p, q) in enumerate([(999, 3), (1249, 2), (899, 3)])]
    result = priced(PromotionSet(crowd), lines, codes=())
    saving, paid = brute_force(PromotionSet(crowd), lines, MONDAY_NOON)
    assert result.discount.cents == saving > 0
    assert [[p.cents for p in line.unit_prices] for line in result.lines] == paid
