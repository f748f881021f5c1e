from datetime import date
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
