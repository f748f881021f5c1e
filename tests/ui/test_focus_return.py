"""When any dialog closes, the keyboard is the sale's again: the window is active and the scan field has focus, so
F-keys and typed scans work without tapping the screen. (tests/e2e/test_focus_real_display.py checks the same
under a real X server and window manager.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.ui.register.drawer_menu import DrawerMenu
from pos_app.ui.register.shift_dialogs import OpenShiftDialog, ReportDialog
from pos_app.ui.register.simple_dialogs import QuantityDialog
from pos_app.ui.sync.widgets import SyncPanel
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired


@pytest.fixture
def cashier(qtbot, terminal):
    with wired(terminal) as till:
        person = Cashier(qtbot, till)
        person.sign_in("1001")
        opening = person.wait_for_dialog(OpenShiftDialog)
        opening.counter.set_counts(DAY_FLOAT)
        with qtbot.waitSignal(person.register.sale_in_front):
            opening.confirm()
        _wait_for_the_sale(person)
        yield person


def _wait_for_the_sale(cashier: Cashier) -> None:
    field = cashier.register.panel.scan_field
    cashier.qtbot.waitUntil(lambda: cashier.window.isActiveWindow() and QApplication.focusWidget() is field,
                            timeout=2000)


def _press(cashier: Cashier, key) -> None:
    """A key where the keyboard is now, without making the window active first (as a person's keyboard does)."""
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard"
    cashier.qtbot.keyClick(target, key)


def test_the_keyboard_comes_back_to_the_sale_even_when_another_window_took_it(cashier, terminal):
    cashier.scan(product_codes(terminal, "beverage")[0].each_gtin)
    _press(cashier, Qt.Key.Key_F3)
    quantity = cashier.wait_for_dialog(QuantityDialog)
    cashier.qtbot.waitUntil(quantity.isActiveWindow, timeout=2000)
    elsewhere = QWidget()  # stands for the window manager handing the keyboard to some other window
    cashier.qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    cashier.qtbot.waitUntil(elsewhere.isActiveWindow, timeout=2000)
    with cashier.qtbot.waitSignal(cashier.window.focus_return.returned):
        quantity.reject()  # Escape, or the dialog closed by itself
    _wait_for_the_sale(cashier)
    _press(cashier, Qt.Key.Key_F2)
    search = cashier.register.panel.search
    with cashier.qtbot.waitSignal(search.hits_shown, timeout=2000):
        cashier.qtbot.keyClicks(QApplication.focusWidget(), "Sour", delay=70)
    assert search.field.text() == "Sour"


def test_after_a_menu_opens_the_next_dialog_the_sale_comes_back_once_that_one_closes(cashier):
    fronts = []
    cashier.register.sale_in_front.connect(lambda: fronts.append(cashier.dialog))
    _press(cashier, Qt.Key.Key_F11)
    menu = cashier.wait_for_dialog(DrawerMenu)
    cashier.click(menu.entry_buttons["X report"])  # the menu closes and the report opens
    report = cashier.wait_for_dialog(ReportDialog)
    cashier.qtbot.wait(30)
    assert fronts == [] and cashier.dialog is report
    with cashier.qtbot.waitSignal(cashier.register.sale_in_front):
        cashier.click(report.buttons.itemAt(report.buttons.count() - 1).widget())  # Done
    assert fronts == [None]
    _wait_for_the_sale(cashier)


def test_the_keyboard_comes_back_after_the_sync_panel_the_register_did_not_open(cashier):
    cashier.click(cashier.window.sync_button)  # a tap on the status bar's Sync button
    panel = cashier.window.sync_panel
    assert isinstance(panel, SyncPanel)
    cashier.qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    with cashier.qtbot.waitSignal(cashier.window.focus_return.returned):
        cashier.qtbot.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_Escape)
    _wait_for_the_sale(cashier)
