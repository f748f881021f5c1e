"""The window shell, driven as a cashier would: sign in, scan or type into the field, see cart and totals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.helpers import product_codes
from tests.ui.register_driver import Cashier, wired


def test_the_window_opens_on_sign_in_and_a_wrong_pin_says_so(qtbot, terminal):
    with wired(terminal) as till:
        person = Cashier(qtbot, till)
        assert "Register" in person.window.windowTitle()
        assert person.window.stack.currentWidget() is person.window.login
        assert person.window.staff_label.text() == "No one signed in"
        login = person.window.login
        person.click(login.name_buttons["1001"])
        person.type(login.pad.field, "0000")
        qtbot.keyClick(login.pad.field, Qt.Key.Key_Return)
        assert "PIN is not right" in login.error_text and "4 tries left" in login.error_text
        assert login.pad.field.text() == "", "a refused PIN is not left on screen"


def test_shell_shows_store_mode_staff_shift_and_sync_state(cashier):
    window = cashier.window
    assert window.staff_label.text().endswith("(cashier)")
    assert window.shift_label.text().startswith("Shift: open since")
    assert window.sync_label.text().startswith("Sync: not paired")


def test_entering_a_gtin_adds_a_line_and_updates_totals_and_the_meter(cashier, terminal):
    flower = product_codes(terminal, "dried_flower")[0]
    cashier.type(cashier.register.panel.scan_field, flower.each_gtin)
    qtbot = cashier.qtbot
    qtbot.keyClick(cashier.register.panel.scan_field, Qt.Key.Key_Return)

    panel = cashier.register.panel
    assert panel.cart_model.rowCount() == 1
    assert flower.product_name in panel.cart_model.index(0, 0).data()
    assert panel.total_label.text() == str(cashier.till.sales.sale.totals.total)
    assert panel.limit_meter.format().endswith("g of 30 g") and panel.limit_meter.value() > 0


def test_an_unknown_code_shows_a_plain_message_and_leaves_the_cart_alone(cashier):
    cashier.scan("12345678")
    assert "No product matches code 12345678" in cashier.notice
    assert cashier.register.panel.cart_model.rowCount() == 0


def test_search_as_you_type_lists_matches_with_stock_and_enter_adds_the_first(cashier, terminal):
    flower = product_codes(terminal, "dried_flower")[0]
    word = flower.product_name.split()[0]
    search = cashier.register.panel.search
    with cashier.qtbot.waitSignal(search.hits_shown, timeout=2000, check_params_cb=lambda count: count > 0):
        cashier.type(search.field, word[:4])
    assert search.hits_view.isVisible()
    first = search.hits_model.hits[0]
    assert word[:4].lower() in (first.name + first.brand).lower()
    assert search.hits_model.index(0, 3).data() == str(first.on_hand)
    with cashier.qtbot.waitSignal(cashier.register.panel.item_added, timeout=2000):
        cashier.qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert cashier.register.panel.cart_model.rowCount() == 1
    assert cashier.till.sales.sale.lines[0].product.sku == first.sku
    assert not search.hits_view.isVisible()


def test_enter_straight_after_typing_a_name_adds_the_first_match_once_it_arrives(cashier, terminal):
    flower = product_codes(terminal, "dried_flower")[0]
    search = cashier.register.panel.search
    cashier.type(search.field, flower.product_name)
    with cashier.qtbot.waitSignal(cashier.register.panel.item_added, timeout=2000):
        cashier.qtbot.keyClick(search.field, Qt.Key.Key_Return)  # before the search has answered
    assert cashier.register.panel.cart_model.rowCount() == 1
    assert cashier.till.sales.sale.lines[0].product.name == flower.product_name
    assert search.field.text() == ""


def test_a_wedge_scan_reaches_the_sale_even_when_focus_is_elsewhere(cashier, terminal):
    flower = product_codes(terminal, "dried_flower")[0]
    window = cashier.window
    window.staff_label.setFocus()  # not the scan field
    with cashier.qtbot.waitSignal(cashier.register.panel.item_added, timeout=1000):
        cashier.qtbot.keyClicks(window.staff_label, flower.each_gtin, delay=2)
        cashier.qtbot.keyClick(window.staff_label, Qt.Key.Key_Return, delay=2)
    assert cashier.register.panel.cart_model.rowCount() == 1
    assert cashier.register.panel.scan_field.text() == ""


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_every_action_button_is_touch_sized_and_on_screen(qtbot, terminal, size):
    with wired(terminal) as till:
        person = Cashier(qtbot, till, size=size)
        person.window.show_register(person.window.login._login.sign_in_choices()[0])
        qtbot.wait(50)
        window = person.window
        for key, button in person.register.action_buttons.items():
            assert button.isVisible(), key
            assert button.height() >= 48 and button.width() >= 80, f"{key} is too small to tap: {button.size()}"
            corner = button.mapTo(window, button.rect().bottomRight())
            assert corner.x() <= size[0] and corner.y() <= size[1], f"{key} is off the screen at {size}"
