"""No money is taken for cannabis before the customer's age is checked, and never over 30 g."""

import pytest

from pos_app.domain.errors import AgeNotVerified, EmptySale
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import HST, accessory, card, product

FLOWER = product("FLOWER-35", "24.99", grams="3.5")


def test_cannabis_cannot_be_paid_for_before_the_age_check():
    sale = Sale(tax_components=[HST])
    sale.add(FLOWER)
    with pytest.raises(AgeNotVerified, match="Check the customer's age"):
        sale.add_cash(Money.of("50.00"))
    with pytest.raises(AgeNotVerified):
        sale.add_card(card("28.24"))
    assert sale.tenders == ()


def test_a_failed_check_is_not_a_pass_and_does_not_undo_an_earlier_pass():
    sale = Sale()
    sale.add(FLOWER)
    sale.record_age_check(False)
    assert sale.needs_age_check
    sale.record_age_check(True)
    sale.record_age_check(False)
    assert not sale.needs_age_check
    sale.add_cash(Money.of("30.00"))


def test_accessories_alone_need_no_age_check():
    sale = Sale()
    sale.add(accessory())
    assert not sale.needs_age_check
    sale.add_cash(Money.of("5.00"))


def test_an_empty_sale_takes_no_money():
    with pytest.raises(EmptySale):
        Sale().add_cash(Money.of("5.00"))
