"""Card tenders go through the PaymentTerminal port to the terminal simulator over a real socket."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hardware.payments.driver import PosLinkTerminal
from pos_app.domain.money import Money
from pos_app.persistence.models import PaymentAttempt, PaymentTransaction
from pos_app.services.card_payments import CardNotApproved, CardPayments
from tests.integration.helpers import product_codes, staff


@pytest.fixture
def cards(terminal, card_simulator):
    port = PosLinkTerminal(f"socket://127.0.0.1:{card_simulator.port}", ack_timeout_s=0.3, response_timeout_s=1.0,
                           query_timeout_s=1.0)
    yield CardPayments(terminal.session_factory, port)
    port.close()


def _open_sale(terminal):
    sales = terminal.sales
    cashier = staff(terminal, "1001")
    sales.start_sale(cashier)
    sales.scan(product_codes(terminal, "dried_flower")[0].each_gtin)
    terminal.age_checks.attest(sales, cashier)
    return sales


def test_split_tender_card_then_cash_completes_and_keeps_only_the_last_four(terminal, cards, card_simulator):
    sales = _open_sale(terminal)
    total = sales.sale.totals.total
    approval = cards.charge(sales, Money.of("10.00"))
    sales.tender_cash(Money.of("100.00"))
    order = sales.complete()

    assert card_simulator.captured_cents() == 1000
    assert order.card_paid == Money.of("10.00")
    assert order.amount_paid - order.card_paid + order.change_due == Money.of("100.00")
    assert order.total_amount == total
    with terminal.session_factory() as session:
        card = session.scalars(select(PaymentTransaction).where(PaymentTransaction.payment_method == "card")).one()
        attempt = session.scalars(select(PaymentAttempt)).one()
    assert (card.card_last_four, card.transaction_id) == (approval.last4, approval.reference)
    assert len(card.card_last_four) == 4
    assert attempt.status == "approved" and attempt.reference == approval.reference


def test_a_declined_card_leaves_the_sale_open_with_nothing_tendered(terminal, cards, card_simulator):
    card_simulator.script("decline")
    sales = _open_sale(terminal)
    with pytest.raises(CardNotApproved) as refused:
        cards.charge(sales, sales.sale.totals.total)
    assert "declined" in refused.value.message.lower()
    assert sales.sale.tenders == ()
    assert card_simulator.captured_cents() == 0


def test_an_approval_whose_answer_was_lost_is_found_by_reference_and_charged_once(terminal, cards, card_simulator):
    card_simulator.script("drop_after_approve")
    sales = _open_sale(terminal)
    total = sales.sale.totals.total
    approval = cards.charge(sales, total)
    assert approval.amount == total
    assert card_simulator.captured_cents() == total.cents, "charged exactly once"
    assert sales.payment_status().is_settled
