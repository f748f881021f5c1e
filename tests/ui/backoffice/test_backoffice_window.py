"""The back-office window: managers and admins only, every scan read once and given to the tab in front, and the
Stock tab's card for a scanned product."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos_app.ui.app import window_for
from pos_app.ui.backoffice.window import BackOfficeWindow
from tests.ui.backoffice.manager_driver import Manager
from tests.ui.register_driver import wired


def test_a_cashier_is_refused_with_a_sentence_and_a_manager_gets_the_tabs(qtbot, terminal):
    with wired(terminal) as till:
        person = Manager(qtbot, till)
        person.sign_in("1001")
        login = person.window.login
        assert person.window.stack.currentWidget() is login
        assert "The back office is for managers and admins" in login.error_text
        assert "cashier" in login.error_text
        person.sign_in("2001")
        assert person.window.stack.currentWidget() is person.window.work
        assert person.window.header.staff_label.text()
        person.click(person.window.sign_out_button)
        assert person.window.stack.currentWidget() is login
        person.window.close()


def test_a_scan_before_signing_in_asks_for_the_pin(qtbot, terminal):
    with wired(terminal) as till:
        person = Manager(qtbot, till)
        person.scan(till.catalog.in_stock_codes(1, ("dried_flower",))[0])
        assert "Sign in first" in person.window.login.error_text
        person.window.close()


def test_scanning_a_product_shows_its_stock_lots_and_locations(manager):
    tab = manager.open_tab("stock")
    code = manager.till.catalog.in_stock_codes(1, ("dried_flower",))[0]
    manager.scan(code)
    row = tab.row
    assert row is not None and row.each_gtin == code.rjust(14, "0")
    assert tab.figures["on_hand"].text() == str(row.on_hand) and row.on_hand > 0
    assert tab.lots.rowCount() == len(row.lots) >= 1
    assert tab.lots.text(0, 0) == row.lots[0].batch_lot


def test_a_receipt_or_a_bad_code_gets_a_sentence_and_changes_nothing(manager):
    tab = manager.open_tab("stock")
    manager.scan("R:ON001-1-000042")
    assert "This is a receipt, not a product" in manager.notice
    manager.scan("4006381333932")  # a GTIN-13 whose check digit is wrong (…931 is right)
    assert "check digit" in manager.notice.lower()
    assert tab.row is None


def test_searching_by_name_lists_products_and_shows_the_first(manager):
    tab = manager.open_tab("stock")
    manager.type(tab.search_field, "3.5 g")
    manager.qtbot.keyClick(tab.search_field, Qt.Key.Key_Return)
    assert tab.results.count() >= 1 and tab.row is not None
    assert "3.5 g" in tab.row.name


def test_the_backoffice_mode_opens_the_backoffice_window_and_never_the_register(qtbot, terminal):
    with wired(terminal) as till:
        window = window_for(till, "backoffice")
        qtbot.addWidget(window)
        assert isinstance(window, BackOfficeWindow)
        assert not hasattr(window, "register")
        window.close()
