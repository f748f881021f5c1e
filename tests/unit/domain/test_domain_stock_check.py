"""Which cart lines the stock can cover, and the sentence a cashier reads for those it cannot."""

from datetime import date, timedelta

import pytest

from pos_app.domain.errors import UnsellableItem
from pos_app.domain.lots import Lot
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from pos_app.domain.stock_check import sellable_units, unsellable_lines
from tests.unit.domain.builders import TODAY, accessory, product

FLOWER = product("FLOWER-35", grams="3.5", name="Blue Dream 3.5 g")


def lot(name: str, units: int, *, expiry: date | None = None, recalled: bool = False, sku: str = "FLOWER-35") -> Lot:
    return Lot(name, sku, units, date(2025, 1, 1), expiry, recalled)


def test_units_count_only_lots_that_may_be_sold_today():
    lots = [lot("A", 3), lot("B", 4, expiry=TODAY - timedelta(days=1)), lot("C", 5, recalled=True), lot("D", -2)]
    assert sellable_units(lots, TODAY) == 3
    assert sellable_units(lots, TODAY, lot="A") == 3 and sellable_units(lots, TODAY, lot="C") == 0


@pytest.mark.parametrize(("lots", "why"), [
    ([], "none is in stock"),
    ([lot("A", 0)], "none is in stock"),
    ([lot("A", 6, recalled=True)], "recalled"),
    ([lot("A", 6, expiry=TODAY - timedelta(days=3)), lot("B", 2, recalled=True)], "expired or recalled"),
])
def test_a_product_with_nothing_sellable_is_named_with_why_and_what_to_do(lots, why):
    sale = Sale()
    line = sale.add(FLOWER)
    [sentence] = unsellable_lines(sale.lines, {"FLOWER-35": lots}, {}, TODAY).values()
    assert sentence.startswith("Blue Dream 3.5 g can't be sold") and why in sentence and "(F4)" in sentence
    assert line.line_id in unsellable_lines(sale.lines, {"FLOWER-35": lots}, {}, TODAY)


def test_more_units_than_the_stock_holds_says_how_many_can_be_sold():
    sale = Sale()
    sale.add(FLOWER, 3)
    [sentence] = unsellable_lines(sale.lines, {"FLOWER-35": [lot("A", 2)]}, {}, TODAY).values()
    assert "Only 2 units of Blue Dream 3.5 g" in sentence and "has 3" in sentence and "(F3)" in sentence
    assert unsellable_lines(sale.lines, {"FLOWER-35": [lot("A", 2), lot("B", 1)]}, {}, TODAY) == {}


def test_a_line_pinned_to_a_lot_is_sold_from_that_lot_alone():
    sale = Sale()
    sale.add(FLOWER, 2, lot="A")
    lots = {"FLOWER-35": [lot("A", 1), lot("B", 10)]}
    [sentence] = unsellable_lines(sale.lines, lots, {}, TODAY).values()
    assert "lot A of Blue Dream 3.5 g" in sentence


def test_accessories_count_their_on_hand_level():
    sale = Sale()
    sale.add(accessory("LIGHTER"), 2)
    assert unsellable_lines(sale.lines, {}, {"LIGHTER": 2}, TODAY) == {}
    assert "Only 1 unit" in next(iter(unsellable_lines(sale.lines, {}, {"LIGHTER": 1}, TODAY).values()))
    assert "none is in stock" in next(iter(unsellable_lines(sale.lines, {}, {}, TODAY).values()))


def test_a_marked_line_holds_payment_back_until_it_is_removed_or_covered():
    sale = Sale()
    good, bad = sale.add(accessory("LIGHTER")), sale.add(accessory("PAPERS"))
    sale.set_stock_problems({"PAPERS"}, {bad.line_id: "Papers can't be sold."})
    sale.set_stock_problems({"LIGHTER"}, {})  # another SKU's check leaves the mark alone
    with pytest.raises(UnsellableItem, match="Papers can't be sold") as refused:
        sale.add_cash(Money.of("10"))
    assert refused.value.line_id == bad.line_id and sale.tenders == ()
    sale.remove_line(bad.line_id)
    assert sale.stock_problems == {}
    sale.add_cash(Money.of("10"))
    assert good.line_id not in sale.stock_problems
