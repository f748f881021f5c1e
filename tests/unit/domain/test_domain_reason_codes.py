"""Reason codes for discounts and refunds: a fixed list, kept on the sale through parking and onto the order."""

from decimal import Decimal

import pytest

from pos_app.domain.catalog import CodeMatch
from pos_app.domain.money import Money
from pos_app.domain.order import discounts_given
from pos_app.domain.parking import park_snapshot, restore_snapshot
from pos_app.domain.reason_codes import DiscountReason, MissingReason, RefundReason, discount_reason, refund_reason
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import HST, FakeLookup, accessory, paid_order, product

TEN = product("TEN", "10.00", grams="1")
FIFTY = accessory("BONG", "50.00")


def test_only_a_listed_reason_is_taken():
    assert refund_reason("wrong_item") is RefundReason.WRONG_ITEM
    assert discount_reason("price_match") is DiscountReason.PRICE_MATCH
    for bad in (None, "", "because"):
        with pytest.raises(MissingReason):
            refund_reason(bad)
        with pytest.raises(MissingReason):
            discount_reason(bad)
    sale = Sale(tax_components=[HST])
    line = sale.add(TEN)
    with pytest.raises(MissingReason):
        sale.discount_line(line.line_id, percent=Decimal(5), reason="felt like it")
    assert not sale.line(line.line_id).discount, "a refused reason gives no discount"


def test_reasons_follow_the_discounts_through_parking_and_onto_the_order():
    sale = Sale(tax_components=[HST])
    line = sale.add(TEN, 2)
    sale.add(FIFTY)
    sale.discount_line(line.line_id, percent=Decimal(10), reason="damaged_packaging")
    sale.discount_cart(amount=Money.of("5.00"), reason=DiscountReason.LOYALTY)
    back = Sale(tax_components=[HST])
    lookup = FakeLookup({"TEN": CodeMatch(TEN, 1), "BONG": CodeMatch(FIFTY, 1)})
    assert restore_snapshot(back, park_snapshot(sale), lookup) == []
    assert back.lines[0].discount_reason == "damaged_packaging" and back.cart_discount.reason == "loyalty"

    given = discounts_given(back)
    assert [(d["sku"], d["cents"], d["reason"]) for d in given] == [("TEN", 200, "damaged_packaging"),
                                                                     (None, 500, "loyalty")]
    order = paid_order(back)
    assert order.cart_discount_reason == "loyalty"
    assert [line.discount_reason for line in order.lines] == ["damaged_packaging", None]


def test_removing_a_discount_removes_its_reason():
    sale = Sale(tax_components=[HST])
    line = sale.add(TEN)
    sale.discount_line(line.line_id, percent=Decimal(5), reason="loyalty")
    assert sale.discount_line(line.line_id, percent=Decimal(0)).discount_reason is None
