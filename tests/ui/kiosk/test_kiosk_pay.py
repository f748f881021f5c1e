"""Pay here by card, as a customer would: on the card terminal and receipt printer simulators over real sockets,
on a kiosk that is terminal 3 of the demo store, with its sales recorded under the manager named in
kiosk_staff_code (the demo store has no staff account of its own for the kiosk)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import func, select, update

from hardware.simulators.printer import PrinterSimulator
from pos_app.bootstrap import Terminal
from pos_app.config import HardwareSettings
from pos_app.persistence.models import (
    AgeVerificationLog,
    OcsInventoryTransaction,
    OpenSale,
    Order,
    PaymentAttempt,
    PaymentTransaction,
    SyncOutbox,
    SyncState,
)
from pos_app.ui.tasks import wait_for_background_work
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import count_rows, staff
from tests.ui.kiosk.customer_driver import Customer

KIOSK_NO = 3
ADULT = ontario_licence(years_ago(30))


@pytest.fixture
def printer(tmp_path):
    sim = PrinterSimulator(port=0, save_dir=tmp_path / "printed")
    sim.start()
    yield sim
    sim.stop()


@contextmanager
def kiosk_terminal(terminal: Terminal, *, payment: str = "card", **hardware):
    """The demo terminal as kiosk 3, with its devices and its kiosk_payment setting, as terminal.toml would say."""
    with terminal.session_factory() as session:
        session.execute(update(SyncState).values(terminal_no=KIOSK_NO))
        session.commit()
    settings = terminal.settings.model_copy(update={
        "hardware": HardwareSettings(**hardware), "mode": "kiosk", "kiosk_payment": payment,
        "kiosk_staff_code": "2001",
    })
    kiosk = Terminal(settings, terminal.engine, terminal.session_factory, terminal.secrets)
    try:
        yield kiosk
    finally:
        wait_for_background_work()
        kiosk.close()


@pytest.fixture
def shopper(qtbot, terminal, printer, card_simulator):
    with kiosk_terminal(terminal, printer_url=f"tcp://127.0.0.1:{printer.port}",
                        payment_url=f"socket://127.0.0.1:{card_simulator.port}") as kiosk:
        person = Customer(qtbot, kiosk)
        qtbot.waitUntil(lambda: person.window.payment.offered, timeout=5000)
        yield person
        person.leave()


def _fill_cart(customer: Customer) -> None:
    """A flower and an accessory, from the kiosk's grid, then the cart."""
    for category in ("flower", "accessories"):
        customer.open_category(category)
        customer.tap_tile(0)
        customer.add_from_page()
        assert "Added" in customer.notice, customer.notice
        customer.back_to_products()
    customer.open_cart()


def _rows(terminal, model, *where) -> list:
    with terminal.session_factory() as session:
        return list(session.scalars(select(model).where(*where)))


def _outbox(terminal, name: str) -> int:
    with terminal.session_factory() as session:
        return session.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.name == name))


def test_a_customer_with_an_id_pays_by_card_and_gets_a_receipt_from_the_kiosk(qtbot, shopper, terminal, printer,
                                                                           card_simulator):
    window = shopper.window
    orders_before, completed_before = count_rows(terminal, Order), _outbox(terminal, "order.completed.v1")
    shopper.start_with_id(ADULT)
    _fill_cart(shopper)
    estimate = window.cart.totals.total
    assert window.cart_screen.pay_button.isVisible() and window.cart_screen.send_button.isVisible()

    with qtbot.waitSignal(window.payment.completed, timeout=10_000) as paid:
        shopper.tap(window.cart_screen.pay_button)
        assert window.current is window.pay_screen
        assert window.pay_screen.title.text() == f"Pay {estimate} by card"
        assert window.pay_screen.cancel_button.isVisible()
        assert not window.start_over_button.isVisible(), "no way out of the kiosk's screen mid-payment but Cancel"
    order = paid.args[0]
    assert order.order_number.startswith(f"{terminal.context.store_code}-{KIOSK_NO}-")
    assert order.card_paid == order.total_amount == estimate
    assert card_simulator.captured_cents() == order.total_amount.cents
    assert window.current is window.pay_screen and window.pay_screen.title.text() == "Thank you!"
    assert window.pay_screen.number.text() == order.order_number
    assert window.cart.is_empty

    # Recorded as at the register: the order under the kiosk's staff account, its card payment, its stock
    # deltas, order.completed.v1 for the hub, and the ID scanned at this kiosk as the sale's age check.
    manager = staff(terminal, "2001")
    [row] = _rows(terminal, Order, Order.id == order.order_id)
    assert (row.staff_id, row.status, row.order_number) == (manager.id, "completed", order.order_number)
    assert count_rows(terminal, Order) == orders_before + 1
    [payment] = _rows(terminal, PaymentTransaction, PaymentTransaction.order_id == order.order_id)
    assert (payment.card_last_four, payment.amount) == ("4242", order.total_amount.amount)
    assert _rows(terminal, OcsInventoryTransaction, OcsInventoryTransaction.reference_id == order.order_id)
    assert _outbox(terminal, "order.completed.v1") == completed_before + 1
    [check] = _rows(terminal, AgeVerificationLog, AgeVerificationLog.sale_id == order.order_id)
    assert (check.method, check.result, check.staff_id) == ("id_scan", "passed", manager.id)
    assert check.customer_age >= check.min_age == terminal.context.min_age
    assert check.id_number_hash and "D1234" not in check.id_number_hash
    assert not _rows(terminal, OpenSale), "nothing is left open on the kiosk's till"

    # The receipt, on the kiosk's printer, names the kiosk and carries its terminal number.
    [job] = printer.wait_for_jobs(1, timeout=10)
    assert order.order_number in job.text and f"Self-serve kiosk {KIOSK_NO}" in job.text
    assert "4242" in job.text and "D1234" not in job.text
    qtbot.waitUntil(lambda: "Take your receipt" in window.pay_screen.note.text(), timeout=5000)
    shopper.tap(window.pay_screen.done_button)
    assert window.current is window.attract and window.verified_id is None


def test_a_declined_card_returns_to_the_cart_with_a_sentence_and_records_only_the_attempt(qtbot, shopper, terminal,
                                                                                       card_simulator):
    window = shopper.window
    card_simulator.script("decline")
    orders, payments = count_rows(terminal, Order), count_rows(terminal, PaymentTransaction)
    completed, stock_moves = _outbox(terminal, "order.completed.v1"), count_rows(terminal, OcsInventoryTransaction)
    shopper.start_with_id(ADULT)
    _fill_cart(shopper)
    lines = [(line.product.sku, line.quantity) for line in window.cart.lines]

    with qtbot.waitSignal(window.payment.refused, timeout=10_000) as refused:
        shopper.tap(window.cart_screen.pay_button)
    assert "declined" in refused.args[0].lower()
    assert window.current is window.cart_screen and shopper.notice == refused.args[0]
    assert [(line.product.sku, line.quantity) for line in window.cart.lines] == lines, "the cart is as it was"
    assert card_simulator.captured_cents() == 0
    assert (count_rows(terminal, Order), count_rows(terminal, PaymentTransaction)) == (orders, payments)
    assert _outbox(terminal, "order.completed.v1") == completed
    assert count_rows(terminal, OcsInventoryTransaction) == stock_moves
    assert not _rows(terminal, OpenSale)
    [attempt] = _rows(terminal, PaymentAttempt)
    assert attempt.status == "declined" and attempt.approved_amount in (None, 0)

    # Another card, and it goes through.
    with qtbot.waitSignal(window.payment.completed, timeout=10_000):
        shopper.tap(window.cart_screen.pay_button)
    assert card_simulator.captured_cents() > 0


def test_cancel_while_the_terminal_waits_returns_to_the_cart(qtbot, shopper, card_simulator):
    window = shopper.window
    card_simulator.script("timeout:8")
    shopper.start_with_id(ADULT)
    _fill_cart(shopper)
    with qtbot.waitSignal(window.payment.refused, timeout=10_000) as refused:
        shopper.tap(window.cart_screen.pay_button)
        qtbot.wait(300)
        shopper.tap(window.pay_screen.cancel_button)
    assert window.current is window.cart_screen and not window.cart.is_empty
    assert "cancel" in refused.args[0].lower()
    assert card_simulator.captured_cents() == 0


def test_the_pay_button_asks_for_an_id_scan_when_the_customer_only_tapped_the_age_gate(qtbot, shopper, terminal,
                                                                                     card_simulator):
    window = shopper.window
    shopper.start()  # "I am 19 or older"
    _fill_cart(shopper)
    shopper.tap(window.cart_screen.pay_button)
    assert window.current is window.cart_screen
    assert "scan the back of your ID first" in shopper.notice and "is not enough" in shopper.notice
    assert not _rows(terminal, PaymentAttempt) and not _rows(terminal, AgeVerificationLog,
                                                             AgeVerificationLog.method == "id_scan")
    assert card_simulator.captured_cents() == 0

    shopper.scan(ADULT)  # the back of the ID, at the cart
    assert "You can pay here by card now" in shopper.notice
    with qtbot.waitSignal(window.payment.completed, timeout=10_000):
        shopper.tap(window.cart_screen.pay_button)


def test_an_under_age_id_at_the_cart_ends_the_visit(shopper):
    window = shopper.window
    shopper.start()
    _fill_cart(shopper)
    shopper.scan(ontario_licence(years_ago(17)))
    assert window.current is window.age_gate and window.cart.is_empty
    assert "Sorry, you must be 19 or older" in window.age_gate.message.text()


def test_with_kiosk_payment_off_the_kiosk_only_sends_to_the_counter(qtbot, terminal, card_simulator):
    with kiosk_terminal(terminal, payment="off", payment_url=f"socket://127.0.0.1:{card_simulator.port}") as kiosk:
        assert kiosk.kiosk_checkout is None
        customer = Customer(qtbot, kiosk)
        customer.start_with_id(ADULT)
        _fill_cart(customer)
        screen = customer.window.cart_screen
        assert screen.send_button.isVisible() and not screen.pay_button.isVisible()
        assert "counter confirms prices" in screen.estimate.text()
        customer.leave()
