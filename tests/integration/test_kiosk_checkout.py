"""Paying at the kiosk, below the screens: the ID is the only way in, and a stop in the middle of a payment is
settled at the next start, never lost and never charged twice (card terminal simulator over a real socket)."""

from __future__ import annotations

import socket
import uuid

import pytest
from sqlalchemy import select

from hardware.ports import PaymentKind
from pos_app.domain.kiosk_ticket import TicketLine
from pos_app.persistence.models import AgeVerificationLog, DiscountCode, OpenSale, Order, PaymentAttempt
from pos_app.persistence.payment_attempts import SqlAttemptJournal
from pos_app.services.clock import utc_clock
from pos_app.services.kiosk_checkout import KioskCheckout, KioskPaymentRefused, KioskPaymentUnknown
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import count_rows, sellable_products, terminal_with


@pytest.fixture
def kiosk(terminal, card_simulator):
    with terminal_with(terminal, payment_url=f"socket://127.0.0.1:{card_simulator.port}") as till:
        yield till


def _checkout(till, staff_code: str = "2001") -> KioskCheckout:
    return KioskCheckout(till.session_factory, till.context, till.card_payments, till.card_recovery,
                         till.age_checks, staff_code)


def _cart(terminal) -> list[TicketLine]:
    return [TicketLine(sku=product.ocs_variant_number, quantity=2)
            for product in sellable_products(terminal, "dried_flower", 1)]


def _adult(till):
    return till.age_checks.read_id(ontario_licence(years_ago(30)))


def test_without_an_id_that_passed_nothing_is_prepared(kiosk, terminal):
    checkout = _checkout(kiosk)
    for card in (None, kiosk.age_checks.read_id(ontario_licence(years_ago(17)))):
        with pytest.raises(KioskPaymentRefused, match="scan the back of your ID first"):
            checkout.prepare(_cart(terminal), card)
    assert count_rows(terminal, OpenSale) == count_rows(terminal, AgeVerificationLog) == 0


def test_a_staff_code_the_replica_does_not_have_refuses_with_a_sentence(kiosk, terminal):
    with pytest.raises(KioskPaymentRefused, match="send your cart to the counter"):
        _checkout(kiosk, "0000").prepare(_cart(terminal), _adult(kiosk))
    assert count_rows(terminal, OpenSale) == 0


def test_an_approval_a_stop_left_without_its_order_is_completed_at_the_next_start(kiosk, terminal, card_simulator):
    checkout = _checkout(kiosk)
    sales = checkout.prepare(_cart(terminal), _adult(kiosk))
    due = sales.payment_status().remaining
    kiosk.card_payments.charge(sales, due)  # approved, then the kiosk stops before the order is written
    assert count_rows(terminal, OpenSale) == 1

    order = _checkout(kiosk).recover()
    assert order is not None and order.card_paid == due
    assert card_simulator.captured_cents() == due.cents, "charged once"
    with terminal.session_factory() as session:
        assert session.get(Order, order.order_id) is not None
        [check] = session.scalars(select(AgeVerificationLog).where(AgeVerificationLog.sale_id == order.order_id))
        assert check.result == "passed"
    assert count_rows(terminal, OpenSale) == 0
    assert _checkout(kiosk).recover() is None, "nothing left to settle"


def test_a_sale_left_open_before_the_card_was_taken_is_dropped_at_the_next_start(kiosk, terminal, card_simulator):
    _checkout(kiosk).prepare(_cart(terminal), _adult(kiosk))
    assert count_rows(terminal, OpenSale) == 1
    assert _checkout(kiosk).recover() is None
    assert count_rows(terminal, OpenSale) == count_rows(terminal, PaymentAttempt) == 0
    assert card_simulator.captured_cents() == 0


def test_a_part_approval_is_reversed_and_nothing_is_kept(kiosk, terminal, card_simulator):
    card_simulator.script("partial")
    checkout = _checkout(kiosk)
    sales = checkout.prepare(_cart(terminal), _adult(kiosk))
    with pytest.raises(KioskPaymentRefused, match="approved only .* so that payment was reversed"):
        checkout.pay(sales)
    assert card_simulator.captured_cents() == 0
    assert count_rows(terminal, OpenSale) == 0
    orders = count_rows(terminal, Order)
    assert _checkout(kiosk).recover() is None and count_rows(terminal, Order) == orders


def test_a_request_the_terminal_has_not_answered_keeps_its_sale_open_until_it_does(terminal, card_simulator):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # a port nobody listens on: the card terminal is unplugged
    unplugged = f"socket://127.0.0.1:{closed.getsockname()[1]}"
    with terminal_with(terminal, payment_url=unplugged) as kiosk:
        sales = _checkout(kiosk).prepare(_cart(terminal), _adult(kiosk))
        # The attempt was written, then the kiosk stopped before the terminal answered.
        SqlAttemptJournal(kiosk.session_factory, sales.sale.sale_id, utc_clock).record_pending(
            "PKIOSKTEST1", PaymentKind.SALE, sales.payment_status().remaining.cents)
        with pytest.raises(KioskPaymentUnknown):
            _checkout(kiosk).recover()
        assert count_rows(terminal, OpenSale) == 1, "kept until the terminal says what became of it"
    closed.close()
    with terminal_with(terminal, payment_url=f"socket://127.0.0.1:{card_simulator.port}") as kiosk:
        assert _checkout(kiosk).recover() is None  # the terminal never received it: nothing was charged
    assert count_rows(terminal, OpenSale) == 0 and card_simulator.captured_cents() == 0
    with terminal.session_factory() as session:
        status = session.scalar(select(PaymentAttempt.status).where(PaymentAttempt.reference == "PKIOSKTEST1"))
    assert status != "pending"


def test_a_code_taken_on_the_kiosk_cart_is_on_the_order_paid_there_and_one_used_up_since_charges_nothing(
        kiosk, terminal, card_simulator):
    with terminal.session_factory.begin() as session:  # as the hub's feed would bring them
        session.add(DiscountCode(id=uuid.uuid4(), code="KIOSK2", description="Kiosk: $2 off", discount_type="fixed",
                                 discount_value=2, number=41))
        session.add(DiscountCode(id=uuid.uuid4(), code="SPENT", description="Spent", discount_type="fixed",
                                 discount_value=2, number=42, usage_limit=3, usage_count=3))
    checkout = KioskCheckout(kiosk.session_factory, kiosk.context, kiosk.card_payments, kiosk.card_recovery,
                             kiosk.age_checks, "2001", promotions=kiosk.sales.promotions)
    with pytest.raises(KioskPaymentRefused, match="Code SPENT has been used all 3 times .* Nothing was charged"):
        checkout.prepare(_cart(terminal), _adult(kiosk), ("SPENT",))
    assert count_rows(terminal, OpenSale) == 0 and card_simulator.captured_cents() == 0

    sales = checkout.prepare(_cart(terminal), _adult(kiosk), ("KIOSK2",))
    assert sales.sale.totals.promotions.cents == 200
    order = checkout.pay(sales)
    assert card_simulator.captured_cents() == order.amount_paid.cents
    assert [(share.code, share.amount.cents) for line in order.lines for share in line.promotions] == [("KIOSK2", 200)]
