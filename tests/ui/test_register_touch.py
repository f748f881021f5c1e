"""Touch and fit: every control in the register's dialogs is a fingertip tall (48 px) under the shipped theme,
an error grows its dialog instead of squeezing the fields, and the window keeps its status bar on screen.

Every dialog is opened the way a cashier opens it, on the card terminal simulator over a real socket.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos_app.ui.common.widgets import TOUCH_MINIMUM
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.drawer_menu import DrawerMenu
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.refund_dialog import RefundDialog
from pos_app.ui.register.shift_dialogs import CashMovementDialog, CloseShiftDialog, OpenShiftDialog, ReportDialog
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog, QuantityDialog, VoidDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.theme import apply_theme
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired

CONTROLS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox)


@pytest.fixture
def themed(qapp):
    """The stylesheet the till runs with (tests otherwise run unstyled)."""
    apply_theme(qapp)
    yield
    qapp.setStyleSheet("")


def too_small(dialog: QWidget) -> list[str]:
    """Every visible control, and every row of a list or table, shorter than a fingertip."""
    small = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's or combo box's own editor is measured as the box
        name = f"{type(dialog).__name__}: {type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        if isinstance(widget, CONTROLS) and widget.height() < TOUCH_MINIMUM:
            small.append(f"{name} is {widget.height()} px")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for row in range(widget.model().rowCount()):
                height = widget.visualRect(widget.model().index(row, 0)).height()
                if 0 < height < TOUCH_MINIMUM:
                    small.append(f"{name} row {row} is {height} px")
    return small


def test_every_control_in_the_registers_dialogs_is_at_least_48_px_tall(qtbot, terminal, card_simulator, themed):
    checked: dict[str, list[str]] = {}

    def check(kind, timeout: int = 5000):
        dialog = cashier.wait_for_dialog(kind, timeout)
        qtbot.waitExposed(dialog)
        checked[type(dialog).__name__] = too_small(dialog)
        return dialog

    with wired(terminal, payment_url=f"socket://127.0.0.1:{card_simulator.port}") as till:
        cashier = Cashier(qtbot, till, size=(1280, 800))
        cashier.sign_in("1001")
        opening = check(OpenShiftDialog)
        cashier.click(opening.open_button)  # nothing counted: the question
        checked["OpenShiftDialog asking"] = too_small(opening)
        opening.counter.set_counts(DAY_FLOAT)
        cashier.click(opening.open_button)

        flower = product_codes(terminal, "dried_flower")[0].each_gtin
        cashier.scan(flower)
        for key, kind in ((Qt.Key.Key_F3, QuantityDialog), (Qt.Key.Key_F5, DiscountDialog),
                          (Qt.Key.Key_F6, DiscountDialog), (Qt.Key.Key_F8, ParkedSalesDialog)):
            cashier.key(key)
            check(kind).reject()
        cashier.key(Qt.Key.Key_F7)
        check(AgeCheckDialog)
        cashier.attest_age()
        cashier.key(Qt.Key.Key_F12)
        tender = check(TenderDialog)
        card_simulator.script("slow:1.0")
        with qtbot.waitSignal(cashier.register.checkout.card_wait_opened) as opened:
            cashier.click(tender.card_button)
        qtbot.waitExposed(opened.args[0])
        checked["CardWaitDialog"] = too_small(opened.args[0])
        assert isinstance(opened.args[0], CardWaitDialog)
        with qtbot.waitSignal(cashier.register.checkout.completed, timeout=10_000):
            pass
        sold = cashier.register.last_order.order_number

        cashier.key(Qt.Key.Key_F9)
        refund = check(RefundDialog)
        cashier.type(refund.number_field, sold)
        qtbot.keyClick(refund.number_field, Qt.Key.Key_Return)
        assert refund.order is not None
        checked["RefundDialog with the sale"] = too_small(refund)
        refund.reject()
        cashier.key(Qt.Key.Key_F10)
        void = check(VoidDialog)
        cashier.click(void.void_button)
        check(OverrideDialog).reject()
        void.reject()

        for entry, kind in (("X report", ReportDialog), ("Cash drop / paid-out", CashMovementDialog),
                            ("Close shift", CloseShiftDialog)):
            cashier.key(Qt.Key.Key_F11)
            cashier.click(check(DrawerMenu).entry_buttons[entry])
            dialog = check(kind)
            if kind is not CloseShiftDialog:
                dialog.reject()
        cashier.click(dialog.done_button)
        checked["CloseShiftDialog summary"] = too_small(dialog)
        cashier.window.close()

    assert len(checked) >= 16, sorted(checked)
    problems = [problem for found in checked.values() for problem in found]
    assert not problems, "\n".join(problems)


def test_an_error_grows_the_dialog_and_never_squeezes_its_fields_or_cuts_its_text(qtbot, terminal, themed):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till, size=(1280, 800))
        cashier.sign_in("1001")
        opening = cashier.wait_for_dialog(OpenShiftDialog)
        opening.counter.set_counts(DAY_FLOAT)
        cashier.click(opening.open_button)
        cashier.key(Qt.Key.Key_F11)
        cashier.click(cashier.wait_for_dialog(DrawerMenu).entry_buttons["Cash drop / paid-out"])
        movement = cashier.wait_for_dialog(CashMovementDialog)
        qtbot.waitExposed(movement)
        fields = [w for w in movement.findChildren(QLineEdit) if w.isVisible()]
        heights = {field: field.height() for field in fields}
        cashier.type(movement.amount, "twelve dollars and a bit, as the customer said it, word for word")
        cashier.click(movement.buttons.itemAt(movement.buttons.count() - 1).widget())
        assert movement.error_text
        qtbot.wait(50)
        for field, height in heights.items():
            assert field.height() >= max(height, TOUCH_MINIMUM), "a field was squeezed by the error"
        error = movement.error_label
        assert error.height() >= error.heightForWidth(error.width()), "the error's last lines are cut off"
        for label in movement.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
        cashier.window.close()


def test_the_window_keeps_its_status_bar_on_a_screen_no_bigger_than_it(qtbot, terminal, themed):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        window = cashier.window
        window.hide()
        free = window.screen().availableGeometry()
        # 1280x800 asked for on a screen that has no room for it plus a title bar (the offscreen screen is
        # 800x800; a 1280x800 desktop with a title bar is the same case): it must be fitted to the free area.
        window.show_on_screen(1280, free.height())
        qtbot.waitExposed(window)
        cashier.sign_in("1001")
        cashier.wait_for_dialog(OpenShiftDialog).reject()
        qtbot.waitUntil(lambda: free.contains(window.frameGeometry()), timeout=2000)
        bar = window.statusBar()
        bottom_right = bar.mapToGlobal(QPoint(bar.width() - 1, bar.height() - 1))
        assert free.contains(bottom_right), f"the status bar ends at {bottom_right}, off a {free} screen"
        assert bar.isVisible() and window.sync_button.visibleRegion().boundingRect().height() >= TOUCH_MINIMUM
        assert window.minimumSizeHint().height() <= 800 - 40, "1280x800 less a title bar holds the register"
        window.close()



def test_the_first_digit_typed_or_tapped_replaces_a_count_of_zero(qtbot, terminal):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        cashier.sign_in("1001")
        opening = cashier.wait_for_dialog(OpenShiftDialog)
        twenties, tens = opening.counter.spins["20"], opening.counter.spins["10"]
        twenties.setFocus()
        qtbot.waitUntil(twenties.hasFocus)
        cashier.type(twenties, "5")  # from the keyboard: five $20 bills, not fifty
        # A typed key reaches its field once the wedge filter has seen it is not a scan (max_gap_ms later): on a
        # busy machine that can be after the typing's own wait.
        qtbot.waitUntil(lambda: twenties.value() != 0, timeout=2000)
        assert twenties.value() == 5
        tens.setFocus()
        qtbot.waitUntil(lambda: tens.lineEdit().selectedText() == "0")
        cashier.click(opening.counter.numpad.buttons["3"])  # by touch, the same
        assert tens.value() == 3
