"""The open sale on disk: saved as it changes, cleared in the transaction that finishes it, and its card
payments reversed only when the terminal confirms it (card terminal simulator over a real socket)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hardware.payments.driver import PosLinkTerminal
from pos_app.domain.money import Money
from pos_app.persistence.models import OpenSale, Order, PaymentAttempt
from pos_app.services.card_payments import CardPayments, CardVoidRefused
from pos_app.services.card_recovery import CardRecovery
from pos_app.services.errors import NotPermitted
from pos_app.services.selling import SaleService
from tests.integration.helpers import product_codes, staff


@pytest.fixture
def port(card_simulator):
    link = PosLinkTerminal(f"socket://127.0.0.1:{card_simulator.port}", ack_timeout_s=0.3, response_timeout_s=1.0,
                           query_timeout_s=1.0)
    yield link
    link.close()


def _saved(terminal) -> OpenSale | None:
    with terminal.session_factory() as session:
        return session.scalars(select(OpenSale)).one_or_none()


def _ring_up(terminal):
    sales, cashier = terminal.sales, staff(terminal, "1001")
    sales.start_sale(cashier)
    for product in product_codes(terminal, "edible", 2):
        sales.scan(product.each_gtin)
    terminal.age_checks.attest(sales, cashier)
    return sales, cashier


def test_every_change_is_saved_and_completion_clears_it_with_the_order(terminal):
    sales, cashier = _ring_up(terminal)
    saved = _saved(terminal)
    assert saved is not None and saved.sale_id == sales.sale.sale_id and len(saved.snapshot["lines"]) == 2
    sales.set_quantity(sales.sale.lines[0].line_id, 2)
    assert _saved(terminal).snapshot["lines"][0]["quantity"] == 2
    sales.tender_cash(Money.of("5.00"))
    assert _saved(terminal).snapshot["tenders"] == [{"kind": "cash", "amount_cents": 500}]
    sales.tender_cash(sales.payment_status().cash_remaining)
    order = sales.complete()
    assert _saved(terminal) is None
    with terminal.session_factory() as session:
        assert session.get(Order, order.order_id) is not None
    assert order.order_id == saved.sale_id, "the order keeps the sale's id, the card journal's key"


def test_a_cart_write_skips_the_wait_for_the_disk_but_every_connection_goes_back_to_full(terminal):
    _ring_up(terminal)  # scans only: written without the fsync
    assert _saved(terminal) is not None
    with terminal.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2, "FULL for the next sale"


def test_an_emptied_cart_parking_and_cancelling_leave_nothing_saved_and_a_resumed_sale_is_saved(terminal):
    sales, cashier = _ring_up(terminal)
    for line in sales.sale.lines:
        sales.remove_line(line.line_id)
    assert _saved(terminal) is None
    sales.scan(product_codes(terminal, "edible")[0].each_gtin)
    info = sales.park("Blue jacket")
    assert _saved(terminal) is None
    sales.resume(info.id)
    assert _saved(terminal).sale_id == sales.sale.sale_id
    sales.cancel_sale()
    assert _saved(terminal) is None


def test_a_new_register_service_opens_on_the_saved_sale(terminal):
    sales, cashier = _ring_up(terminal)
    sales.tender_cash(Money.of("5.00"))
    lines = [(line.product.sku, line.quantity, line.product.unit_price) for line in sales.sale.lines]
    again = SaleService(terminal.session_factory, terminal.context)  # the next start
    restored = again.recover(cashier)
    assert restored is not None and restored.missing == [] and restored.refused == []
    assert again.sale.sale_id == sales.sale.sale_id and again.sale.age_verified
    assert [(line.product.sku, line.quantity, line.product.unit_price) for line in again.sale.lines] == lines
    assert again.payment_status().cash_tendered == Money.of("5.00")


def test_a_reversal_the_terminal_does_not_confirm_leaves_the_card_on_the_sale(terminal, port, card_simulator):
    sales, _cashier = _ring_up(terminal)
    cards = CardPayments(terminal.session_factory, port)
    cards.charge(sales, Money.of("10.00"))
    card_simulator.stop()
    with pytest.raises(CardVoidRefused) as refused:
        cards.void_card_tenders(sales)
    assert "did not reverse the card payment of $10.00" in refused.value.message
    assert sales.card_approvals and _saved(terminal).snapshot["tenders"][0]["kind"] == "card"


def test_a_card_with_no_sale_needs_a_manager_to_void_it(terminal, port, card_simulator):
    sales, cashier = _ring_up(terminal)
    CardPayments(terminal.session_factory, port).charge(sales, Money.of("3.00"))
    sales.cancel_sale()  # as a register before this change would have dropped it
    recovery = CardRecovery(terminal.session_factory, port, terminal.context)
    (card,) = recovery.unsettled()
    assert card.amount == Money.of("3.00") and "no sale was finished with it" in card.sentence
    with pytest.raises(NotPermitted):
        recovery.void(card, staff=cashier, approver=None)
    recovery.void(card, staff=cashier, approver=staff(terminal, "2001"))
    assert recovery.unsettled() == [] and card_simulator.captured_cents() == 0
    with terminal.session_factory() as session:
        assert session.scalars(select(PaymentAttempt)).one().status == "voided"
