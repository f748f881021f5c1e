"""No scan is lost while a dialog is up: it is handled by the dialog, kept for the sale until the dialog closes,
or refused with a sentence and a sound. Scans come in as a wedge scanner types them, into whatever has focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.domain.reason_codes import DiscountReason
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.scan_routing import ID_NOT_HERE, NOT_ADDED, RECEIPT_NOT_HERE, SIGN_IN_FIRST
from pos_app.ui.register.shift_dialogs import CloseShiftDialog, OpenShiftDialog
from pos_app.ui.register.simple_dialogs import QuantityDialog, VoidDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired


def _open_shift(person: Cashier) -> None:
    person.sign_in("1001")
    opening = person.wait_for_dialog(OpenShiftDialog)
    opening.counter.set_counts(DAY_FLOAT)
    opening.confirm()


@pytest.fixture
def cashier(qtbot, terminal):
    with wired(terminal) as till:
        person = Cashier(qtbot, till)
        _open_shift(person)
        yield person


def _scan_in_dialog(cashier: Cashier, code: str) -> None:
    """A wedge scan typed into the dialog on screen, where the keyboard is."""
    dialog = cashier.dialog
    cashier.qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    target = QApplication.focusWidget() or dialog
    assert target is dialog or dialog.isAncestorOf(target), f"the keyboard is in {target}, not the dialog"
    cashier.qtbot.keyClicks(target, code)
    cashier.qtbot.keyClick(target, Qt.Key.Key_Return)


def _codes(terminal, count: int = 3) -> list[str]:
    return [p.each_gtin for p in product_codes(terminal, "beverage", count)]


def _sold(cashier: Cashier) -> list[str]:
    """The cart's items by GTIN, in order."""
    sales = cashier.till.sales
    return [line.product.each_gtin for line in sales.sale.lines] if sales.has_open_sale else []


def test_items_scanned_while_the_quantity_dialog_is_up_go_into_the_sale_when_it_closes(cashier, terminal):
    first, second, third = _codes(terminal)
    cashier.scan(first)
    cashier.key(Qt.Key.Key_F3)
    quantity = cashier.wait_for_dialog(QuantityDialog)
    with cashier.qtbot.waitSignal(cashier.register.routing.kept):
        _scan_in_dialog(cashier, second)
    _scan_in_dialog(cashier, third)
    assert "2 items go into the sale when this window closes" in quantity.note_label.text()
    assert quantity.isVisible() and not quantity.error_text
    assert _sold(cashier) == [first], "nothing changes under the dialog"
    quantity.spin.setValue(3)
    with cashier.qtbot.waitSignal(cashier.register.routing.applied) as applied:
        cashier.click(quantity.buttons.itemAt(quantity.buttons.count() - 1).widget())  # Set quantity
    assert applied.args == [2]
    assert _sold(cashier) == [first, second, third], "kept in the order scanned, after the change"
    assert cashier.till.sales.sale.lines[0].quantity == 3
    assert cashier.register.panel.cart_model.rowCount() == 3


def test_an_item_kept_during_a_discount_waits_for_the_managers_approval_too(cashier, terminal):
    first, second, _ = _codes(terminal)
    cashier.scan(first)
    cashier.key(Qt.Key.Key_F5)
    discount = cashier.wait_for_dialog(DiscountDialog)
    _scan_in_dialog(cashier, second)
    discount.set_value("40")
    discount.reason.choose(DiscountReason.MANAGER_GOODWILL)
    discount.apply()  # over a cashier's cap: the manager's approval opens as the discount closes
    override = cashier.wait_for_dialog(OverrideDialog)
    cashier.qtbot.wait(20)
    assert _sold(cashier) == [first], "the sale is not in front yet"
    cashier.approve("2001")
    cashier.qtbot.waitUntil(lambda: _sold(cashier) == [first, second], timeout=2000)
    assert override.isHidden() and cashier.till.sales.sale.lines[0].discount


def test_an_item_scanned_during_payment_is_refused_with_a_sentence_and_a_sound(cashier, terminal):
    first, second, _ = _codes(terminal)
    cashier.scan(first)
    cashier.key(Qt.Key.Key_F12)
    cashier.attest_age()
    tender = cashier.wait_for_dialog(TenderDialog)
    owed = cashier.till.sales.payment_status().cash_remaining
    with cashier.qtbot.waitSignal(cashier.register.routing.refused) as refused:
        _scan_in_dialog(cashier, second)
    assert refused.args == [NOT_ADDED[TenderDialog]]
    assert tender.error_text == NOT_ADDED[TenderDialog] and "what the customer owes" in tender.error_text
    assert _sold(cashier) == [first] and cashier.till.sales.payment_status().cash_remaining == owed
    tender.reject()
    cashier.qtbot.waitUntil(lambda: cashier.dialog is None)
    cashier.qtbot.wait(20)
    assert _sold(cashier) == [first], "a refused item is not kept for later either"


def test_receipts_and_ids_go_to_the_dialog_that_takes_them_and_are_refused_by_the_others(cashier, terminal):
    cashier.scan(_codes(terminal, 1)[0])
    cashier.key(Qt.Key.Key_F3)
    quantity = cashier.wait_for_dialog(QuantityDialog)
    refusals = []
    cashier.register.routing.refused.connect(refusals.append)
    _scan_in_dialog(cashier, "R:ON001-1-000042")
    assert quantity.error_text == RECEIPT_NOT_HERE
    cashier.register.on_id_read(_card(cashier))  # the ID reader, a device of its own
    assert quantity.error_text == ID_NOT_HERE
    assert refusals == [RECEIPT_NOT_HERE, ID_NOT_HERE], "each refusal is heard"
    quantity.reject()

    cashier.key(Qt.Key.Key_F7)
    age = cashier.wait_for_dialog(AgeCheckDialog)
    with cashier.qtbot.waitSignal(cashier.register.checkout.age_checked):
        cashier.register.on_id_read(_card(cashier))
    assert age.passed


def test_a_receipt_scanned_into_the_void_dialog_fills_in_its_number(qtbot, terminal):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        _open_shift(cashier)
        cashier.key(Qt.Key.Key_F10)
        void = cashier.wait_for_dialog(VoidDialog)
        void.number_field.clear()
        void.reason_field.setFocus()
        _scan_in_dialog(cashier, "R:ON001-1-000042")
        assert void.number_field.text() == "ON001-1-000042"
        assert void.reason_field.text() == "", "the scan is not typed into the field that had focus"


def test_a_manager_approval_over_the_close_shift_count_leaves_the_count_on_screen(qtbot, terminal):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        _open_shift(cashier)
        cashier.register.shifts.close_shift()
        closing = cashier.wait_for_dialog(CloseShiftDialog)
        closing.counter.set_counts({"20": 1})  # far short: the variance needs a manager
        closing.confirm()
        override = cashier.wait_for_dialog(OverrideDialog)
        with qtbot.waitSignal(cashier.register.dialog_closed):
            override.reject()
        assert cashier.dialog is closing, "the count is what is on screen again"
        with qtbot.waitSignal(cashier.register.routing.refused):
            _scan_in_dialog(cashier, _codes(terminal, 1)[0])
        assert not till.sales.has_open_sale or not till.sales.sale.lines, "nothing was sold behind the count"


def test_an_item_scanned_while_the_card_terminal_works_is_refused_in_the_card_wait(qtbot, terminal, card_simulator):
    card_simulator.script("slow:1.0")
    with wired(terminal, payment_url=f"socket://127.0.0.1:{card_simulator.port}") as till:
        cashier = Cashier(qtbot, till)
        _open_shift(cashier)
        first, second, _ = _codes(terminal)
        cashier.scan(first)
        cashier.key(Qt.Key.Key_F12)
        cashier.attest_age()
        tender = cashier.wait_for_dialog(TenderDialog)
        with qtbot.waitSignal(cashier.register.checkout.card_wait_opened) as opened:
            cashier.click(tender.card_button)
        wait = opened.args[0]
        assert cashier.dialog is wait
        with qtbot.waitSignal(cashier.register.routing.refused):
            _scan_in_dialog(cashier, second)
        assert wait.error_text == NOT_ADDED[CardWaitDialog]
        name = till.sales.sale.lines[0].product.name
        with qtbot.waitSignal(cashier.register.checkout.completed, timeout=10_000) as completed:
            pass
        assert [line.name for line in completed.args[0].lines] == [name], "the refused item was not sold"
        cashier.window.close()


def test_a_scan_before_anyone_signs_in_says_to_sign_in_first(qtbot, terminal):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        login = cashier.window.login
        with qtbot.waitSignal(cashier.register.routing.refused) as refused:
            qtbot.keyClicks(login.code_field, _codes(terminal, 1)[0])
            qtbot.keyClick(login.code_field, Qt.Key.Key_Return)
        assert refused.args == [SIGN_IN_FIRST]
        assert login.error_text == SIGN_IN_FIRST
        assert login.code_field.text() == ""


def _card(cashier: Cashier):
    from hardware.scanners.framing import scan_event
    from pos_app.services.scanning import ScanReader

    reader: ScanReader = cashier.till.scans
    return reader.read(scan_event(ontario_licence(years_ago(30)).encode("latin-1"))).id_card
