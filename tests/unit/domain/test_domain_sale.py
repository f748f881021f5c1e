from decimal import Decimal
from uuid import uuid4

import pytest

from pos_app.domain.catalog import CodeMatch
from pos_app.domain.errors import InvalidQuantity, PossessionLimitExceeded, UnknownCode, UnknownLine
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import HST, FakeLookup, accessory, product

FLOWER = product("FLOWER-35", "24.99", grams="3.5")
OUNCE = product("FLOWER-28", "150.00", grams="28")
LIGHTER = accessory()


def snapshot(sale: Sale):
    return sale.lines, sale.cart_discount, sale.totals


def test_scanning_the_same_product_twice_adds_a_unit_to_its_line():
    lookup = FakeLookup({"0628000000011": CodeMatch(FLOWER, 1)})
    sale = Sale(tax_components=[HST])
    sale.scan("0628000000011", lookup)
    line = sale.scan("0628000000011", lookup)
    assert len(sale.lines) == 1
    assert line.quantity == 2
    assert sale.totals.subtotal == Money.of("49.98")


def test_scanning_a_case_adds_the_whole_case():
    sale = Sale()
    sale.scan("10628000000018", FakeLookup({"10628000000018": CodeMatch(LIGHTER, 24)}))
    assert sale.totals.item_count == 24


def test_a_discounted_line_is_not_merged_with_a_new_scan():
    lookup = FakeLookup({"F": CodeMatch(FLOWER, 1)})
    sale = Sale()
    first = sale.scan("F", lookup)
    sale.discount_line(first.line_id, percent=Decimal(10))
    sale.scan("F", lookup)
    assert [line.quantity for line in sale.lines] == [1, 1]


def test_an_unknown_code_says_what_to_do_and_changes_nothing():
    sale = Sale()
    with pytest.raises(UnknownCode) as caught:
        sale.scan("123", FakeLookup({}))
    assert caught.value.message == "No product matches code 123. Check the label or search by name."
    assert sale.is_empty


@pytest.mark.parametrize("bad", [0, -1, 1000, 2.5, True])
def test_quantities_outside_1_to_999_are_refused_and_the_sale_is_unchanged(bad):
    sale = Sale(tax_components=[HST])
    line = sale.add(FLOWER, 2)
    before = snapshot(sale)
    with pytest.raises(InvalidQuantity) as caught:
        sale.set_quantity(line.line_id, bad)
    assert caught.value.message == "Quantity must be a whole number from 1 to 999."
    assert snapshot(sale) == before
    with pytest.raises(InvalidQuantity):
        sale.add(LIGHTER, bad)
    assert snapshot(sale) == before


def test_quantity_can_be_set_up_to_999():
    sale = Sale()
    line = sale.add(LIGHTER)
    assert sale.set_quantity(line.line_id, 999).quantity == 999


def test_unknown_line_is_reported():
    sale = Sale()
    with pytest.raises(UnknownLine):
        sale.set_quantity(uuid4(), 2)
    with pytest.raises(UnknownLine):
        sale.remove_line(uuid4())


def test_going_over_30_grams_is_refused_before_anything_changes():
    sale = Sale()
    ounce = sale.add(OUNCE)  # 28 g
    sale.add(product("PR", "9.99", grams="2", form="pre_roll"))  # 30 g: allowed
    before = snapshot(sale)
    with pytest.raises(PossessionLimitExceeded):
        sale.add(product("EDIBLE", "5.00", grams="0.0001", form="edible"))
    with pytest.raises(PossessionLimitExceeded) as caught:
        sale.set_quantity(ounce.line_id, 2)
    assert "58 g" in caught.value.message
    assert snapshot(sale) == before
    sale.add(LIGHTER, 5)  # accessories do not count
    assert sale.totals.dried_equivalent_grams == Decimal("30")


def test_going_over_by_scanning_is_refused_too():
    lookup = FakeLookup({"OZ": CodeMatch(OUNCE, 1)})
    sale = Sale()
    sale.scan("OZ", lookup)
    with pytest.raises(PossessionLimitExceeded):
        sale.scan("OZ", lookup)
    assert sale.lines[0].quantity == 1


def test_removing_a_line_and_the_cart_state():
    sale = Sale()
    assert sale.is_empty and not sale.has_cannabis
    lighter = sale.add(LIGHTER)
    assert not sale.has_cannabis
    flower = sale.add(FLOWER)
    assert sale.has_cannabis
    sale.remove_line(flower.line_id)
    assert [line.line_id for line in sale.lines] == [lighter.line_id]
    assert not sale.has_cannabis


def test_totals_of_a_simple_ontario_sale():
    sale = Sale(tax_components=[HST])
    sale.add(FLOWER, 2)
    sale.add(LIGHTER)
    totals = sale.totals
    assert totals.subtotal == Money.of("52.97")
    assert totals.tax_total == Money.of("6.89")  # 13 % of 52.97 = 6.8861
    assert totals.total == Money.of("59.86")
    assert totals.item_count == 3
    assert totals.dried_equivalent_grams == Decimal("7.0")


def test_untaxed_products_are_not_taxed():
    sale = Sale(tax_components=[HST])
    sale.add(product("MED", "10.00", taxable=False))
    assert sale.totals.tax_total == Money.zero()
    assert sale.totals.total == Money.of("10.00")
