"""The small things a new cashier met at the counter (issue 13, defect 9), each tried the way they tried it.

Enter sets a quantity; an empty drawer is asked about; the close count is blind; a void says what goes back after
cash rounding; the next bills up are offered; the change due stays large until the next scan, and the last sale's
notice goes with it; reprint says what it is doing, on the printer simulator over a real socket.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pos_app.domain.cash_count import counts_for
from pos_app.domain.cash_rounding import next_bills_up, round_cash
from pos_app.domain.money import Money
from pos_app.ui.register.drawer_menu import DrawerMenu
from pos_app.ui.register.shift_dialogs import CloseShiftDialog, OpenShiftDialog, ReportDialog
from pos_app.ui.register.simple_dialogs import QuantityDialog, VoidDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.integration.helpers import product_codes
from tests.ui.register_driver import Cashier, wired


def _accessory(terminal) -> tuple[str, Money]:
    """An accessory with stock to spare (no age check in the way), the dearest, and its price."""
    from sqlalchemy import select

    from pos_app.persistence.models import Accessory, OcsInventory

    with terminal.session_factory() as session:
        row = session.execute(select(Accessory.sku, Accessory.retail_price)
                              .join(OcsInventory, OcsInventory.sku == Accessory.sku)
                              .where(OcsInventory.quantity_on_hand >= 10)
                              .order_by(Accessory.retail_price.desc(), Accessory.sku).limit(1)).one()
    return row.sku, Money.of(row.retail_price)


def _flower_rounding_down(terminal) -> str:
    """A flower whose total with HST ends in 1, 2, 6 or 7 cents, so cash rounds it down (a $4.46 paid $4.45)."""
    for product in product_codes(terminal, "dried_flower", 40):
        price = Money.of(product.price_per_unit)
        total = price + price * Decimal("0.13")
        if total.cents % 5 in (1, 2):
            return product.each_gtin
    raise AssertionError("no demo flower rounds down in cash")


def _reprint(cashier: Cashier) -> None:
    cashier.window.activateWindow()
    cashier.qtbot.waitUntil(cashier.window.isActiveWindow, timeout=2000)
    cashier.qtbot.keyClick(cashier.window.focusWidget() or cashier.window, Qt.Key.Key_R,
                           Qt.KeyboardModifier.ControlModifier)


def _tender(cashier: Cashier) -> TenderDialog:
    cashier.key(Qt.Key.Key_F12)
    if cashier.till.sales.sale.needs_age_check:
        cashier.attest_age()
    return cashier.wait_for_dialog(TenderDialog)


def test_enter_sets_the_quantity_typed_or_tapped_on_the_number_pad(cashier, terminal):
    sku, _ = _accessory(terminal)
    cashier.scan(sku)
    cashier.key(Qt.Key.Key_F3)
    dialog = cashier.wait_for_dialog(QuantityDialog)
    cashier.type(dialog.spin, "3")
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.qtbot.keyClick(dialog.spin, Qt.Key.Key_Return)
    assert cashier.till.sales.sale.lines[0].quantity == 3

    cashier.key(Qt.Key.Key_F3)
    dialog = cashier.wait_for_dialog(QuantityDialog)
    for key in ("Clear", "1", "2"):
        cashier.click(dialog.numpad.buttons[key])
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.qtbot.keyClick(dialog.spin, Qt.Key.Key_Enter)
    assert cashier.till.sales.sale.lines[0].quantity == 12


def test_an_empty_drawer_is_asked_about_before_the_shift_opens(qtbot, terminal):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        cashier.sign_in("1001")
        opening = cashier.wait_for_dialog(OpenShiftDialog)
        cashier.click(opening.open_button)
        assert cashier.register.shift is None, "a $0 float is not taken without a question"
        assert opening.question.isVisible() and "Open with no cash in the drawer?" in opening.question.text()
        assert opening.isVisible()
        with qtbot.waitSignal(cashier.register.shifts.shift_opened):
            cashier.click(opening.open_button)
        assert cashier.register.shift.opening_float == Money.zero()


def test_the_close_count_is_blind_until_the_cashier_is_done_counting(cashier, terminal):
    sku, _ = _accessory(terminal)
    cashier.scan(sku)
    cashier.click(_tender(cashier).exact_button)
    expected = cashier.till.shifts.x_report().expected_cash
    cashier.key(Qt.Key.Key_F11)
    cashier.click(cashier.wait_for_dialog(DrawerMenu).entry_buttons["Close shift"])
    closing = cashier.wait_for_dialog(CloseShiftDialog)
    shown = [label.text() for label in closing.findChildren(QLabel) if label.isVisible()]
    assert not any(str(expected) in text for text in shown), f"the expected cash shows before the count: {shown}"
    assert not closing.close_button.isVisible()

    closing.counter.set_counts(counts_for(expected - Money.of("5")))
    cashier.click(closing.done_button)
    assert closing.expected_label.isVisible() and closing.expected_label.text() == str(expected)
    assert closing.variance_label.isVisible() and closing.variance_label.text() == "-$5.00"
    cashier.click(closing.recount_button)
    assert closing.counter.isVisible() and not closing.expected_label.isVisible()
    closing.counter.set_counts(counts_for(expected))
    cashier.click(closing.done_button)
    assert closing.variance_label.text() == "$0.00"
    cashier.click(closing.close_button)
    assert cashier.wait_for_dialog(ReportDialog).report.variance == Money.zero()


def test_a_void_says_the_cash_that_goes_back_after_rounding(cashier, terminal):
    cashier.scan(_flower_rounding_down(terminal))
    with cashier.qtbot.waitSignal(cashier.register.checkout.completed):
        cashier.click(_tender(cashier).exact_button)
    order = cashier.register.last_order
    assert order.amount_paid == round_cash(order.total_amount) < order.total_amount
    cashier.key(Qt.Key.Key_F10)
    void = cashier.wait_for_dialog(VoidDialog)
    cashier.click(void.void_button)
    with cashier.qtbot.waitSignal(cashier.register.refunds.voided, timeout=5000):
        cashier.approve("2001")
    assert f"{order.amount_paid} goes back" in cashier.notice
    assert str(order.total_amount) not in cashier.notice


def test_quick_cash_offers_the_next_bills_up_and_the_change_stays_large_until_the_next_scan(cashier, terminal):
    sku, price = _accessory(terminal)
    cashier.scan(sku)
    cashier.key(Qt.Key.Key_F3)
    quantity = cashier.wait_for_dialog(QuantityDialog)
    quantity.spin.setValue(int(Money.of("120").amount / price.amount) + 1)  # over $100: no single bill pays it
    cashier.qtbot.keyClick(quantity.spin, Qt.Key.Key_Return)
    tender = _tender(cashier)
    due = cashier.till.sales.payment_status().cash_remaining
    assert due > Money.of("100")
    offered = [button.property("amount") for button in tender.quick_buttons.values()]
    assert offered == next_bills_up(due) and all(amount > due for amount in offered)
    assert tender.exact_button.text().endswith(str(due))
    with cashier.qtbot.waitSignal(cashier.register.checkout.completed):
        cashier.click(tender.quick_buttons[format(offered[0].amount.normalize(), "f")])
    change = offered[0] - due
    totals = cashier.register.panel.totals
    assert totals.change_panel.isVisible() and totals.change_label.text() == str(change)
    assert totals.change_label.objectName() == "ChangeDueValue"  # 40 px bold in the theme
    assert f"Change due: {change}" in cashier.notice

    cashier.scan(sku)
    assert not totals.change_panel.isVisible(), "the next scan starts the next sale"
    assert "Change due" not in cashier.notice, "the last sale's notice does not stay into the next one"


def test_a_notice_about_the_last_sale_goes_when_the_next_one_starts(cashier, terminal):
    sku, _ = _accessory(terminal)
    cashier.scan(sku)
    with cashier.qtbot.waitSignal(cashier.register.checkout.completed):
        cashier.click(_tender(cashier).exact_button)
    cashier.qtbot.waitUntil(lambda: "printed" in cashier.notice.lower(), timeout=5000)  # no printer set up
    assert cashier.register.panel.notice.property("kind") == "warning"
    cashier.scan(sku)
    assert cashier.notice == ""


def test_reprint_says_it_is_printing_then_that_it_printed_or_why_not(qtbot, terminal, printer):
    with wired(terminal, printer_url=f"tcp://127.0.0.1:{printer.port}") as till:
        cashier = Cashier(qtbot, till)
        cashier.start_the_day()
        sku, _ = _accessory(terminal)
        cashier.scan(sku)
        with qtbot.waitSignal(cashier.register.checkout.completed):
            cashier.click(_tender(cashier).exact_button)
        order = cashier.register.last_order
        qtbot.waitUntil(lambda: any(order.order_number in job.text for job in printer.wait_for_jobs(1)), timeout=10_000)
        printed = len(printer.wait_for_jobs(1))

        _reprint(cashier)
        assert "Printing the last receipt" in cashier.notice
        qtbot.waitUntil(lambda: "printed again" in cashier.notice, timeout=10_000)
        assert cashier.register.panel.notice.property("kind") == "success"
        qtbot.waitUntil(lambda: len(printer.wait_for_jobs(printed + 1, timeout=0)) > printed, timeout=10_000)

        printer.stop()  # the printer goes away: the reprint says so, with Reprint on the notice
        _reprint(cashier)
        qtbot.waitUntil(lambda: cashier.register.panel.notice.property("kind") == "warning", timeout=20_000)
        assert cashier.notice.startswith("Reprint:")
        assert cashier.register.panel.notice.action.isVisible()
        cashier.window.close()
