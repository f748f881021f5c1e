"""A sale re-priced scan after scan reuses the engine's view of the lines it already had, and prices exactly as a
fresh pricing of the same lines would."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pos_app.domain.money import Money
from pos_app.domain.promotions import Kind, Promotion, PromotionBook, PromotionSet, Target
from pos_app.domain.sale import Sale
from pos_app.domain.sale_totals import SalePromotions
from tests.unit.domain.builders import HST, product

BOOK = PromotionBook(PromotionSet(promotions=(
    Promotion(id=1, name="Buy 2, get 1 at 50 % off", kind=Kind.BUY_X_GET_Y, buy=2, get=1, percent=Decimal(50),
              target=Target(skus=frozenset({"A", "B"}))),
    Promotion(id=2, name="10 % off C", kind=Kind.PERCENT_OFF, percent=Decimal(10), stackable=True,
              target=Target(skus=frozenset({"C"}))),
)))


def fresh(sale: Sale):
    return SalePromotions(BOOK, lambda: datetime(2026, 1, 2, 12, 0)).price(sale.lines)


def test_repricing_after_each_change_matches_a_fresh_pricing():
    sale = Sale(tax_components=[HST])
    sale.promotions = SalePromotions(BOOK, lambda: datetime(2026, 1, 2, 12, 0))
    steps = [lambda: sale.add(product("A", "10.00", grams="1")),
             lambda: sale.add(product("B", "8.00", grams="1")),
             lambda: sale.add(product("C", "20.00", grams="1"), 2),
             lambda: sale.set_quantity(sale.lines[0].line_id, 3),  # a changed line is a new object
             lambda: sale.remove_line(sale.lines[1].line_id),
             lambda: sale.add(product("B", "8.00", grams="1"))]
    for step in steps:
        step()
        assert sale.promotions.price(sale.lines) == fresh(sale)
        assert sale.totals.pricing == fresh(sale)
    assert sale.totals.pricing.lines[0].line.quantity == 3  # the changed quantity was priced, not the old one
    assert sale.totals.promotions == Money.of("9.00")  # the third A at half price, and 10 % off two C
