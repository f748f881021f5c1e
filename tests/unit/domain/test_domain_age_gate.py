"""No money is taken for cannabis before the customer's age is checked, and never over 30 g."""

import pytest

from pos_app.domain.catalog import CodeMatch
from pos_app.domain.errors import AgeNotVerified, AttestationAfterRefusal, EmptySale
from pos_app.domain.money import Money
from pos_app.domain.parking import park_snapshot, restore_snapshot
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import HST, FakeLookup, accessory, card, product

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


def test_a_refused_id_closes_the_attestation_for_the_rest_of_the_sale_but_not_another_passing_id():
    sale = Sale()
    sale.add(FLOWER)
    sale.age.check_attestation()  # nothing refused yet: a cashier's check by eye may pass it
    sale.record_age_check(False, "This ID expired on 2025-01-31.")
    with pytest.raises(AttestationAfterRefusal, match="manager") as refused:
        sale.age.check_attestation()
    assert "expired on 2025-01-31" in refused.value.message
    sale.record_age_check(True)  # another ID that scans and passes, or a manager's override
    sale.age.check_attestation()
    assert not sale.needs_age_check
    assert Sale().age.refusal is None, "a new sale starts with nothing refused"


def test_a_parked_sale_keeps_its_refused_id():
    sale = Sale()
    sale.add(FLOWER)
    sale.record_age_check(False, "The customer is 17.")
    back = Sale()
    restore_snapshot(back, park_snapshot(sale), FakeLookup({"FLOWER-35": CodeMatch(FLOWER, 1)}))
    assert back.age.refused and back.age.refusal == "The customer is 17."


def test_accessories_alone_need_no_age_check():
    sale = Sale()
    sale.add(accessory())
    assert not sale.needs_age_check
    sale.add_cash(Money.of("5.00"))


def test_an_empty_sale_takes_no_money():
    with pytest.raises(EmptySale):
        Sale().add_cash(Money.of("5.00"))


def test_an_id_refused_after_an_attestation_takes_the_attestation_back():
    sale = Sale()
    sale.add(FLOWER)
    sale.record_age_check(True, attested=True)  # "I checked their ID: 19+"
    assert not sale.needs_age_check
    sale.record_age_check(False, "The customer is 17.")  # then their licence is scanned
    assert sale.needs_age_check and sale.age.refused
    with pytest.raises(AttestationAfterRefusal):
        sale.age.check_attestation()
    with pytest.raises(AgeNotVerified):
        sale.add_cash(Money.of("30.00"))
    sale.record_age_check(True)  # a manager's override, or another ID that passes
    assert not sale.needs_age_check
