from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from pos_app.domain.errors import NoSellableLot
from pos_app.domain.lots import InventoryDelta, Lot, LotAllocation
from pos_app.domain.money import Money, sum_money
from pos_app.domain.order import complete_sale, inventory_deltas
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import HST, STAFF_ID, STORE_ID, TODAY, accessory, card, paid_order, product

FLOWER = product("FLOWER-35", "24.99", grams="3.5")
LIGHTER = accessory()


def test_order_lines_keep_price_discount_taxes_and_lots():
    sale = Sale(tax_components=[HST])
    flower = sale.add(FLOWER, 2)
    sale.add(LIGHTER)
    sale.discount_cart(amount=Money.of("2.97"))
    lots = {
        "FLOWER-35": [
            Lot("B-OLD", "FLOWER-35", 1, date(2025, 1, 1), None),
            Lot("B-NEW", "FLOWER-35", 9, date(2025, 3, 1), None),
        ]
    }
    order = paid_order(sale, lots)

    first, second = order.lines
    assert first.line_id == flower.line_id and first.sku == "FLOWER-35"
    assert first.unit_price == Money.of("24.99") and first.price_version == 1
    assert first.allocations == (LotAllocation("B-OLD", 1), LotAllocation("B-NEW", 1))
    assert second.allocations == ()
    assert order.subtotal == Money.of("52.97")
    assert order.discount_amount == Money.of("2.97")
    assert sum_money(line.discount for line in order.lines) == order.discount_amount
    assert sum_money(line.line_total for line in order.lines) == order.total_amount
    assert order.tax_components == {"HST": Money.of("6.50")}
    assert order.tax_rates == {"HST": Decimal("0.13")}
    assert order.total_amount == Money.of("56.50")
    assert order.dried_equivalent_grams == Decimal("7.0")


def test_inventory_deltas_take_units_off_each_lot_and_accessories_without_a_lot():
    sale = Sale()
    flower = sale.add(FLOWER, 3)
    lighter = sale.add(LIGHTER, 2)
    lots = {
        "FLOWER-35": [
            Lot("A", "FLOWER-35", 2, date(2025, 1, 1), None),
            Lot("B", "FLOWER-35", 5, date(2025, 2, 1), None),
        ]
    }
    order = paid_order(sale, lots)
    assert inventory_deltas(order) == [
        InventoryDelta("FLOWER-35", "A", -2, flower.line_id),
        InventoryDelta("FLOWER-35", "B", -1, flower.line_id),
        InventoryDelta("LIGHTER", None, -2, lighter.line_id),
    ]


def test_two_lines_of_one_sku_do_not_take_the_same_units_twice():
    sale = Sale()
    discounted = sale.add(FLOWER)
    sale.discount_line(discounted.line_id, percent=Decimal(10))
    sale.add(FLOWER)  # a second line, because the first has a discount
    lots = {
        "FLOWER-35": [
            Lot("A", "FLOWER-35", 1, date(2025, 1, 1), None),
            Lot("B", "FLOWER-35", 5, date(2025, 2, 1), None),
        ]
    }
    order = paid_order(sale, lots)
    assert [line.allocations for line in order.lines] == [(LotAllocation("A", 1),), (LotAllocation("B", 1),)]


def test_a_cannabis_item_with_only_recalled_lots_cannot_be_completed():
    sale = Sale()
    sale.add(FLOWER)
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_card(card("24.99"))
    with pytest.raises(NoSellableLot):
        complete_sale(
            sale,
            order_id=uuid4(),
            order_number="S01-1-000002",
            lots_by_sku={"FLOWER-35": [Lot("R", "FLOWER-35", 10, date(2025, 1, 1), None, recalled=True)]},
            today=TODAY,
            staff_id=STAFF_ID,
            store_id=STORE_ID,
        )
