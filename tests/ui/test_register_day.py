"""A cashier's whole day at the counter, on the printer and card terminal simulators over real sockets.

Sign in, open the shift, three sales (cash with rounding; a declined then approved card; a split), a refund
of one line, a void, and the close: the Z report must equal the orders' sums by tender, and the receipts the
printer received must show the right totals.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from pos_app.domain.cash_count import counts_for
from pos_app.domain.money import Money
from pos_app.domain.reason_codes import RefundReason
from pos_app.persistence.models import Order, OrderRefund, PaymentTransaction, SyncOutbox
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.drawer_menu import DrawerMenu
from pos_app.ui.register.refund_dialog import RefundDialog
from pos_app.ui.register.shift_dialogs import CloseShiftDialog, OpenShiftDialog, ReportDialog
from pos_app.ui.register.simple_dialogs import VoidDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired


@pytest.fixture
def till(terminal, printer, card_simulator):
    with wired(terminal, printer_url=f"tcp://127.0.0.1:{printer.port}",
               payment_url=f"socket://127.0.0.1:{card_simulator.port}") as till:
        yield till


def _codes_with_odd_cents(terminal) -> list[str]:
    """Two products whose total does not end in 0 or 5 cents, so paying cash rounds."""
    flowers = product_codes(terminal, "dried_flower", 6)
    for first in flowers:
        for second in flowers:
            if first is second:
                continue
            total = (Money.of(first.price_per_unit) + Money.of(second.price_per_unit)) * Decimal("1.13")
            if total.cents % 5:
                return [first.each_gtin, second.each_gtin]
    raise AssertionError("no pair of demo products gives a total that rounds")


def _pay(cashier: Cashier) -> TenderDialog:
    cashier.click(cashier.button("F12"))
    cashier.attest_age()
    return cashier.wait_for_dialog(TenderDialog)


def _card(cashier: Cashier, tender: TenderDialog) -> CardWaitDialog:
    with cashier.qtbot.waitSignal(cashier.register.checkout.card_wait_opened, timeout=2000) as opened:
        cashier.click(tender.card_button)
    return opened.args[0]


def test_a_whole_day_at_the_counter(qtbot, terminal, till, printer, card_simulator):
    cashier = Cashier(qtbot, till)
    cashier.sign_in("1001")
    opening = cashier.wait_for_dialog(OpenShiftDialog)
    opening.counter.set_counts(DAY_FLOAT)
    with qtbot.waitSignal(cashier.register.shifts.shift_opened):
        cashier.click(opening.buttons.itemAt(1).widget())
    assert cashier.register.shift is not None
    assert cashier.window.shift_label.text().startswith("Shift: open")

    # Sale 1: cash, and the total rounds to the nickel.
    for code in _codes_with_odd_cents(terminal):
        cashier.scan(code)
    tender = _pay(cashier)
    assert tender.rounding_note.text().startswith("Cash rounding")
    due = till.sales.payment_status().cash_remaining
    bills = list(tender.quick_buttons)  # the next bills up from what is due, smallest first
    assert Money.zero() < Money.of(bills[0]) - due <= Money.of("5")
    with qtbot.waitSignal(cashier.register.checkout.completed):  # the customer hands over the next bill up
        cashier.click(tender.quick_buttons[bills[0]])
    assert cashier.dialog is None
    assert not tender.error_text
    sale1 = cashier.register.last_order
    assert sale1.cash_rounding != Money.zero() and sale1.total_amount + sale1.cash_rounding == due
    assert f"Change due: {sale1.change_due}" in cashier.notice

    # Sale 2: the card is declined, then approved.
    card_simulator.script("decline", "approve")
    cashier.scan(product_codes(terminal, "edible")[0].each_gtin)
    tender = _pay(cashier)
    with qtbot.waitSignal(cashier.register.checkout.card_failed, timeout=5000):
        wait = _card(cashier, tender)
    assert wait.state == "refused"
    assert "declined" in wait.message.text().lower()
    cashier.click(wait.close_button)
    with qtbot.waitSignal(cashier.register.checkout.completed, timeout=5000):
        _card(cashier, tender)
    assert cashier.dialog is None
    sale2 = cashier.register.last_order
    assert sale2.card_paid == sale2.total_amount

    # Sale 3: split between card and cash.
    cashier.scan(product_codes(terminal, "beverage")[0].each_gtin)
    cashier.scan(product_codes(terminal, "pre_roll")[0].each_gtin)
    tender = _pay(cashier)
    tender.card_field.setText("10.00")
    with qtbot.waitSignal(cashier.register.checkout.card_approved, timeout=5000):
        _card(cashier, tender)
    assert tender.figure_labels["Paid by card"].text() == "$10.00"
    with qtbot.waitSignal(cashier.register.checkout.completed):
        cashier.click(tender.exact_button)
    assert cashier.dialog is None
    sale3 = cashier.register.last_order
    assert sale3.card_paid == Money.of("10.00") and sale3.cash_tendered > Money.zero()

    # Refund one line of sale 1, in cash; the cashier needs a manager.
    cashier.key(Qt.Key.Key_F9)
    refund = cashier.wait_for_dialog(RefundDialog)
    cashier.type(refund.number_field, sale1.order_number)
    qtbot.keyClick(refund.number_field, Qt.Key.Key_Return)
    refund.set_quantity(0, 1)
    refund.reason.choose(RefundReason.CHANGED_MIND)
    cashier.click(refund.refund_button)
    with qtbot.waitSignal(cashier.register.refunds.refunded, timeout=5000):
        cashier.approve("2001")
    assert "Refunded" in cashier.notice
    assert not refund.error_text

    # Void sale 2 (card): the charge is reversed at the terminal.
    charged_before = card_simulator.captured_cents()
    cashier.key(Qt.Key.Key_F10)
    void = cashier.wait_for_dialog(VoidDialog)
    void.number_field.setText(sale2.order_number)
    cashier.click(void.void_button)
    with qtbot.waitSignal(cashier.register.refunds.voided, timeout=5000):
        cashier.approve("2001")
    assert "voided" in cashier.notice
    assert not void.error_text
    assert card_simulator.captured_cents() == charged_before - sale2.total_amount.cents

    # Close the shift with the drawer counted exactly.
    expected = till.shifts.x_report().expected_cash
    cashier.key(Qt.Key.Key_F11)
    menu = cashier.wait_for_dialog(DrawerMenu)
    cashier.click(menu.entry_buttons["Close shift"])
    closing = cashier.wait_for_dialog(CloseShiftDialog)
    closing.counter.set_counts(counts_for(expected))
    assert closing.variance_label.text() == "$0.00"
    closing.confirm()
    z = cashier.wait_for_dialog(ReportDialog)
    report = z.report
    assert report.kind == "Z" and report.variance == Money.zero()

    # The Z report equals the orders' sums by tender, worked out here from the stored payments.
    with till.session_factory() as session:
        kept = session.scalars(select(Order).where(Order.status == "completed")).all()
        payments = session.scalars(select(PaymentTransaction).where(
            PaymentTransaction.order_id.in_([o.id for o in kept]), PaymentTransaction.refund_id.is_(None),
            PaymentTransaction.status == "captured")).all()
        refunds = session.scalars(select(OrderRefund)).all()
        outbox = session.scalars(select(SyncOutbox.name)).all()
    by_tender = {"cash": Money.zero(), "card": Money.zero()}
    for payment in payments:
        by_tender[payment.payment_method] += Money.of(payment.amount)
    assert report.tenders == by_tender
    assert report.sales_count == 2 and report.voids_count == 1 and report.refunds_count == len(refunds) == 1
    assert "shift.closed.v1" in outbox and "order.voided.v1" in outbox
    # The card batch closed with the Z holds the card sale, not the voided one, and matches ours.
    batch = report.card_batch
    assert batch is not None and batch.balanced, batch
    assert batch.terminal_net == batch.pos_net == report.tenders["card"] and "card.settled.v1" in outbox

    # What came out of the printer, read back as text.
    def printed_texts() -> list[str]:
        return [job.text for job in printer.wait_for_jobs(0, timeout=0) if job.text.strip()]

    # The Z report is the last thing sent; printing runs in the background, so wait for it to arrive.
    qtbot.waitUntil(lambda: any("Z report" in t for t in printed_texts()), timeout=10_000)
    texts = printed_texts()
    for order in (sale1, sale2, sale3):
        receipt = next((t for t in texts if order.order_number in t and "REFUND" not in t.upper()), None)
        assert receipt is not None, f"no receipt printed for {order.order_number}"
        assert str(order.total_amount) in receipt
    z_text = next(t for t in texts if "Z report" in t)
    assert str(report.expected_cash) in z_text and str(report.tenders["card"]) in z_text
    assert "CARD BATCH" in z_text and "Matches" in z_text

    with qtbot.waitSignal(cashier.register.signed_out):
        cashier.click(z.buttons.itemAt(z.buttons.count() - 1).widget())
    assert cashier.window.stack.currentWidget() is cashier.window.login
