from datetime import date
from uuid import uuid4

import pytest

from pos_app.domain.errors import EmptySale, InsufficientTender, InvalidTender, Overtender, UnknownTender
from pos_app.domain.money import Money
from pos_app.domain.order import complete_sale
from pos_app.domain.sale import Sale
from pos_app.domain.tenders import CardApproval, CashTender
from tests.unit.domain.builders import HST, STAFF_ID, STORE_ID, accessory, card

ELEVEN = accessory("GRINDER", "11.00")  # $12.43 with 13 % HST


def sale_of_12_43() -> Sale:
    sale = Sale(tax_components=[HST])
    sale.add(ELEVEN)
    assert sale.totals.total == Money.of("12.43")
    return sale


def complete(sale: Sale):
    return complete_sale(
        sale,
        order_id=uuid4(),
        order_number="S01-1-000007",
        lots_by_sku={},
        today=date(2025, 6, 1),
        staff_id=STAFF_ID,
        store_id=STORE_ID,
    )


def test_cash_is_rounded_to_the_nickel_and_change_is_given():
    sale = sale_of_12_43()
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_cash(Money.of("20.00"))
    status = sale.payment_status()
    assert status.is_settled
    assert status.amount_due == Money.of("12.45")
    assert status.cash_rounding == Money.of("0.02")
    assert status.change_due == Money.of("7.55")
    order = complete(sale)
    assert order.total_amount == Money.of("12.43")
    assert order.cash_rounding == Money.of("0.02")
    assert order.amount_paid == Money.of("12.45")
    assert order.change_due == Money.of("7.55")


def test_exact_card_payment_is_not_rounded_and_gives_no_change():
    sale = sale_of_12_43()
    status_before = sale.payment_status()
    assert status_before.remaining == Money.of("12.43")
    assert status_before.cash_remaining == Money.of("12.45")
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_card(card("12.43"))
    status = sale.payment_status()
    assert status.is_settled
    assert status.cash_rounding == Money.zero()
    assert status.change_due == Money.zero()
    assert status.amount_due == Money.of("12.43")


def test_split_tender_rounds_only_the_cash_part():
    sale = sale_of_12_43()
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_card(card("5.00"))
    assert sale.payment_status().cash_remaining == Money.of("7.45")  # 7.43 in cash rounds up
    sale.add_cash(Money.of("10.00"))
    status = sale.payment_status()
    assert status.is_settled
    assert status.cash_rounding == Money.of("0.02")
    assert status.change_due == Money.of("2.55")
    assert status.paid == Money.of("15.00")
    order = complete(sale)
    assert [t.amount for t in order.tenders] == [Money.of("5.00"), Money.of("10.00")]
    assert order.card_paid == Money.of("5.00") and order.cash_tendered == Money.of("10.00")


def test_cash_first_then_card_for_the_exact_rest():
    sale = sale_of_12_43()
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_cash(Money.of("10.00"))
    assert sale.payment_status().remaining == Money.of("2.45")
    assert sale.payment_status().card_remaining == Money.of("2.43")
    sale.add_card(card("2.43"))
    status = sale.payment_status()
    assert status.is_settled and status.cash_rounding == Money.zero() and status.change_due == Money.zero()


def test_a_card_cannot_pay_more_than_the_balance():
    sale = sale_of_12_43()
    with pytest.raises(Overtender) as caught:
        sale.record_age_check(True)  # the customer's ID was checked
        sale.add_card(card("12.44"))
    assert caught.value.message == "The card amount is more than the balance due."
    assert sale.tenders == ()


def test_a_balance_of_two_cents_left_by_a_card_needs_no_cash():
    sale = sale_of_12_43()
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_card(card("12.41"))
    status = sale.payment_status()
    assert status.is_settled
    assert status.cash_rounding == Money.of("-0.02")


def test_tendering_less_than_the_total_is_refused_with_what_is_still_owed():
    sale = sale_of_12_43()
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_cash(Money.of("10.00"))
    with pytest.raises(InsufficientTender) as caught:
        complete(sale)
    assert caught.value.message == "The customer has paid $10.00 of $12.43. Take another $2.45 to finish."


def test_an_empty_sale_cannot_be_completed():
    with pytest.raises(EmptySale):
        complete(Sale())


def test_no_more_cash_once_settled_and_tenders_can_be_removed():
    sale = sale_of_12_43()
    sale.record_age_check(True)  # the customer's ID was checked
    tender = sale.add_cash(Money.of("5.00"))
    sale.add_cash(Money.of("10.00"))
    with pytest.raises(Overtender):
        sale.add_cash(Money.of("1.00"))
    sale.remove_tender(tender)
    assert sale.payment_status().remaining == Money.of("2.45")
    with pytest.raises(UnknownTender):
        sale.remove_tender(CashTender(Money.of("99.00")))


@pytest.mark.parametrize("last4", ["4242424242424242", "424", "42a2", "", "４２４２"])
def test_card_approval_keeps_only_the_last_four_digits(last4):
    with pytest.raises(InvalidTender):
        CardApproval(Money.of("1.00"), reference="r", last4=last4, brand="VISA", auth_code="A")


def test_cash_and_card_amounts_must_be_positive():
    with pytest.raises(InvalidTender):
        CashTender(Money.zero())
    with pytest.raises(InvalidTender):
        card("0.00")
