from datetime import date, datetime
from decimal import Decimal
from uuid import uuid4

import pytest

from pos_app.domain.errors import InvalidRefund
from pos_app.domain.lots import InventoryDelta, Lot, LotAllocation
from pos_app.domain.money import Money, sum_money
from pos_app.domain.refund import plan_refund, refund_inventory_deltas
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import GST, PST_BC, accessory, paid_order, product

PRE_ROLLS = product("PR-3", "10.00", grams="1.5", form="pre_roll")
LIGHTER = accessory("LIGHTER", "1.00")


def three_pre_rolls_order():
    sale = Sale(tax_components=[GST, PST_BC])
    line = sale.add(PRE_ROLLS, 3)
    lighter = sale.add(LIGHTER)
    sale.discount_cart(amount=Money.of("0.01"))  # leaves cents that do not split evenly by three
    lots = {
        "PR-3": [Lot("L1", "PR-3", 2, date(2025, 1, 1), None), Lot("L2", "PR-3", 5, date(2025, 2, 1), None)]
    }
    return paid_order(sale, lots), line.line_id, lighter.line_id


def test_refunding_one_unit_prorates_amount_and_each_tax():
    order, line_id, _ = three_pre_rolls_order()
    line = order.line(line_id)
    assert line.taxable_amount == Money.of("29.99")
    refund = plan_refund(order, {line_id: 1})
    (refunded,) = refund.lines
    assert refunded.amount == Money.of("10.00")  # 29.99 / 3 = 9.9967
    assert refunded.taxes == {"GST": Money.of("0.50"), "PST": Money.of("0.70")}
    assert refund.total == Money.of("11.20")
    assert refund.cash_total() == Money.of("11.20")
    assert refunded.allocations == (LotAllocation("L2", 1),)  # the last lot allocated comes back first


def test_refunding_all_units_in_steps_returns_exactly_what_was_charged():
    order, line_id, _ = three_pre_rolls_order()
    line = order.line(line_id)
    refunds = [
        plan_refund(order, {line_id: 1}, {}),
        plan_refund(order, {line_id: 1}, {line_id: 1}),
        plan_refund(order, {line_id: 1}, {line_id: 2}),
    ]
    assert sum_money(r.subtotal for r in refunds) == line.taxable_amount
    for code, tax in line.taxes.items():
        assert sum_money(r.tax_components[code] for r in refunds) == tax
    assert sum_money(r.total for r in refunds) == line.line_total
    returned = [a for r in refunds for a in r.lines[0].allocations]
    assert returned == [LotAllocation("L2", 1), LotAllocation("L1", 1), LotAllocation("L1", 1)]


@pytest.mark.parametrize(("quantity", "already"), [(0, 0), (-1, 0), (4, 0), (2, 2), (1, 3)])
def test_refund_quantities_must_fit_what_is_left(quantity, already):
    order, line_id, _ = three_pre_rolls_order()
    with pytest.raises(InvalidRefund) as caught:
        plan_refund(order, {line_id: quantity}, {line_id: already})
    assert "refund" in caught.value.message


def test_refunds_of_nothing_or_of_items_not_on_the_order_are_refused():
    order, _, _ = three_pre_rolls_order()
    with pytest.raises(InvalidRefund):
        plan_refund(order, {})
    with pytest.raises(InvalidRefund) as caught:
        plan_refund(order, {uuid4(): 1})
    assert order.order_number in caught.value.message


def test_restocked_units_go_back_to_their_lots_and_damaged_ones_do_not():
    order, line_id, lighter_id = three_pre_rolls_order()
    refund = plan_refund(order, {line_id: 2, lighter_id: 1}, restock={lighter_id: False})
    assert refund_inventory_deltas(refund) == [
        InventoryDelta("PR-3", "L2", 1, line_id, reason="refund"),
        InventoryDelta("PR-3", "L1", 1, line_id, reason="refund"),
    ]
    assert refund_inventory_deltas(plan_refund(order, {lighter_id: 1})) == [
        InventoryDelta("LIGHTER", None, 1, lighter_id, reason="refund")
    ]
    assert refund_inventory_deltas(plan_refund(order, {line_id: 1}, restock=False)) == []


def test_cash_refund_is_rounded_to_the_nickel():
    sale = Sale(tax_components=[GST])
    line = sale.add(accessory("PAPERS", "1.99"))
    order = paid_order(sale)
    refund = plan_refund(order, {line.line_id: 1})
    assert refund.total == Money.of("2.09")
    assert refund.cash_total() == Money.of("2.10")
    assert refund.tax_amount == Money.of("0.10") and refund.subtotal == Money.of("1.99")
    assert refund.order_id == order.order_id
    assert refund.lines[0].total == refund.total
    assert Decimal(refund.cash_rounding().amount) == Decimal("0.01")


def promoted_pre_rolls_order(cart_discount: str | None = None):
    """Three pre-rolls at $10 on buy 2, get 1 at 50 % off: the units sold for $5, $10 and $10."""
    from pos_app.domain.promotions import Kind, Promotion, PromotionBook, PromotionSet, Target
    from pos_app.domain.sale_totals import SalePromotions

    deal = Promotion(id=1, name="Buy 2, get 1 at 50 % off", kind=Kind.BUY_X_GET_Y, buy=2, get=1,
                     percent=Decimal(50), target=Target(skus=frozenset({"PR-3"})))
    sale = Sale(tax_components=[GST, PST_BC])
    sale.promotions = SalePromotions(PromotionBook(PromotionSet(promotions=(deal,))), lambda: datetime(2026, 1, 2))
    line = sale.add(PRE_ROLLS, 3)
    if cart_discount:
        sale.discount_cart(amount=Money.of(cart_discount))
    lots = {"PR-3": [Lot("L1", "PR-3", 5, date(2025, 1, 1), None)]}
    return paid_order(sale, lots), line.line_id


def test_a_promoted_unit_goes_back_at_the_price_it_was_sold_at_the_cheapest_first():
    order, line_id = promoted_pre_rolls_order()
    line = order.line(line_id)
    assert line.unit_prices_paid == (500, 1000, 1000)
    assert line.promotion_discount == line.discount == Money.of("5.00")
    assert [share.name for share in line.promotions] == ["Buy 2, get 1 at 50 % off"]
    first = plan_refund(order, {line_id: 1})
    assert first.subtotal == Money.of("5.00")
    rest = plan_refund(order, {line_id: 2}, {line_id: 1})
    assert rest.subtotal == Money.of("20.00")
    assert first.total + rest.total == line.line_total


def test_a_cart_discount_after_the_promotion_comes_back_in_proportion_to_what_each_unit_paid():
    order, line_id = promoted_pre_rolls_order("2.50")  # 10 % of the $25 the promotion left
    line = order.line(line_id)
    assert line.taxable_amount == Money.of("22.50") and line.discount == Money.of("7.50")
    steps = [plan_refund(order, {line_id: 1}, {line_id: done}) for done in range(3)]
    assert [r.subtotal for r in steps] == [Money.of("4.50"), Money.of("9.00"), Money.of("9.00")]
    assert sum_money(r.total for r in steps) == line.line_total
