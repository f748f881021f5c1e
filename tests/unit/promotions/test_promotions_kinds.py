"""Each kind of promotion on a small cart, the best deal among competing ones, and the law under every unit."""

from __future__ import annotations

from decimal import Decimal

from pos_app.domain.money import Money
from pos_app.domain.promotions import Kind, Law, Promotion, Target, Tier
from tests.unit.promotions.helpers import bundle, bxgy, category, cents, line, percent_off, price, skus

PRE_ROLLS = category("Pre-Rolls")


def test_percent_off_takes_a_share_of_each_unit_rounded_half_up_per_unit():
    result = price([percent_off(1, "15", PRE_ROLLS, name="15 % off pre-rolls")], [line("A", "9.99", 3)])
    assert [p.amount for p in result.lines[0].unit_prices] == [Decimal("8.49")] * 3  # 1.4985 -> 1.50 off
    assert result.discount == Money.of("4.50")
    assert result.applied[0].name == "15 % off pre-rolls"


def test_a_fixed_amount_off_each_unit():
    promo = Promotion(1, "$2 off", Kind.AMOUNT_OFF, skus("A"), amount=Money.of("2"))
    assert cents(price([promo], [line("A", "10.00", 2), line("B", "10.00", 1)])) == [400, 0]


def test_buy_two_get_one_half_off_discounts_the_cheapest_of_each_group():
    lines = [line("A", "12.00", 2), line("B", "10.00", 2), line("C", "8.00", 2)]
    result = price([bxgy(1, 2, 1, "50", PRE_ROLLS)], lines)
    # dearest first: (12, 12, 10) gives 10 at half; (10, 8, 8) gives 8 at half
    assert cents(result) == [0, 500, 400]


def test_a_bundle_prices_the_dearest_units_together_and_spreads_the_saving_exactly():
    lines = [line("A", "9.99", 2, cost="4.50"), line("B", "11.49", 1, cost="5.10"), line("C", "6.00", 1)]
    result = price([bundle(1, 3, "25.00", PRE_ROLLS)], lines)
    assert result.discount == Money.of("6.47")  # 9.99 + 9.99 + 11.49 - 25.00; C stays out
    assert cents(result)[2] == 0
    assert sum(cents(result)) == 647


def test_a_bundle_that_would_cost_more_than_the_items_is_not_applied_and_says_so():
    result = price([bundle(1, 3, "40.00", PRE_ROLLS, name="3 for $40")], [line("A", "9.99", 3)])
    assert result.discount == Money.zero()
    assert [(n.reason_code, n.reason) for n in result.not_applied] == [
        ("no_saving", "“3 for $40” would not lower the price of these items.")]


def test_volume_tiers_take_the_highest_tier_reached():
    tiers = Promotion(1, "5 % off 2, 10 % off 3+", Kind.VOLUME_TIERS, PRE_ROLLS,
                      tiers=(Tier(2, Decimal(5)), Tier(3, Decimal(10))))
    assert cents(price([tiers], [line("A", "10.00", 1)])) == [0]
    assert cents(price([tiers], [line("A", "10.00", 2)])) == [100]
    assert cents(price([tiers], [line("A", "10.00", 2), line("B", "20.00", 1)])) == [200, 200]
    one = price([tiers], [line("A", "10.00", 1)])
    assert one.not_applied[0].reason == "“5 % off 2, 10 % off 3+” needs 2 qualifying items; the cart has 1."


def test_mix_and_match_counts_a_brand_across_skus_unless_it_asks_for_one_product():
    brand = Target(brands=frozenset({"Redecan"}))
    lines = [line("A", "10.00"), line("B", "10.00"), line("C", "10.00", category="Vapes")]
    assert sum(cents(price([bundle(1, 3, "24.00", brand)], lines))) == 600
    single = price([bundle(1, 3, "24.00", brand, mix_and_match=False, name="3 of one for $24")], lines)
    assert single.discount == Money.zero()
    assert single.not_applied[0].reason_code == "not_enough_units"


def test_where_promotions_compete_for_the_same_units_the_customer_gets_the_larger_saving():
    lines = [line("A", "12.00", 4)]
    ten = percent_off(1, "10", PRE_ROLLS, priority=5)
    three_for_25 = bundle(2, 3, "25.00", PRE_ROLLS, priority=1)
    result = price([ten, three_for_25], lines)
    # the bundle takes three (11.00 off) and the fourth unit still gets 10 % (1.20)
    assert result.discount == Money.of("12.20")
    assert [a.promotion_id for a in result.applied] == [2, 1]


def test_exclusive_promotions_do_not_stack_and_stackable_ones_apply_on_the_discounted_price():
    lines = [line("A", "10.00")]
    exclusive = [percent_off(1, "20", PRE_ROLLS), percent_off(2, "10", PRE_ROLLS)]
    assert price(exclusive, lines).discount == Money.of("2.00")
    assert price(exclusive, lines).not_applied[0].reason_code == "better_deal"
    stacked = [percent_off(1, "20", PRE_ROLLS, stackable=True, priority=2),
               percent_off(2, "10", PRE_ROLLS, stackable=True, priority=1)]
    assert price(stacked, lines).discount == Money.of("2.80")  # 20 % of 10.00, then 10 % of 8.00


def test_a_tie_goes_to_the_higher_priority_then_the_lower_id():
    lines = [line("A", "10.00")]
    low, high = percent_off(1, "10", PRE_ROLLS, priority=1), percent_off(2, "10", PRE_ROLLS, priority=3)
    assert [a.promotion_id for a in price([low, high], lines).applied] == [2]
    same = [percent_off(7, "10", PRE_ROLLS), percent_off(4, "10", PRE_ROLLS)]
    assert [a.promotion_id for a in price(same, lines).applied] == [4]


def test_a_free_item_on_cannabis_is_held_at_one_cent_and_accessories_may_go_free():
    free = bxgy(1, 1, 1, "100", Target(everything=True))
    result = price([free], [line("A", "10.00", 2, cost=None), line("P", "3.00", 2, cannabis=False, cost=None)],
                   law=Law(allow_below_cost=True))
    cannabis, papers = result.lines
    assert [p.cents for p in cannabis.unit_prices] == [1, 1000]
    assert [p.cents for p in papers.unit_prices] == [0, 300]


def test_cannabis_never_goes_below_cost_unless_the_store_allows_it():
    half = percent_off(1, "50", PRE_ROLLS)
    lines = [line("A", "10.00", cost="6.00")]
    assert price([half], lines).lines[0].unit_prices == (Money.of("6.00"),)
    assert price([half], lines, law=Law(allow_below_cost=True)).lines[0].unit_prices == (Money.of("5.00"),)
    at_cost = price([half], [line("A", "6.00", cost="6.00")])
    assert at_cost.not_applied[0].reason_code == "at_price_floor"


def test_manual_discounts_start_from_the_discounted_line_amounts():
    result = price([percent_off(1, "10", PRE_ROLLS)], [line("A", "10.00", 2), line("B", "5.00", 1, "Vapes")])
    assert result.discounted_line_amounts() == [Money.of("18.00"), Money.of("5.00")]
