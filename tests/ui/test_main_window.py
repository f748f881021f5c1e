"""The first window, driven as a cashier would: type or scan into the field, see the cart and totals."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos_app.ui.main_window import MainWindow
from tests.integration.helpers import product_codes, staff


def _window(qtbot, terminal):
    window = MainWindow(terminal.context, terminal.sales, terminal.status, staff=staff(terminal, "1001"))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window


def _enter_code(qtbot, window, code):
    qtbot.keyClicks(window.sale_panel.scan_field, code)
    qtbot.keyClick(window.sale_panel.scan_field, Qt.Key.Key_Return)


def test_shell_shows_store_mode_staff_and_sync_state(qtbot, terminal):
    window = _window(qtbot, terminal)
    assert "Register" in window.windowTitle()
    assert window.staff_label.text().endswith("(cashier)")
    assert window.sync_label.text() == "Sync: not paired"


def test_entering_a_gtin_adds_a_line_and_updates_totals_and_the_meter(qtbot, terminal):
    window = _window(qtbot, terminal)
    flower = product_codes(terminal, "dried_flower")[0]
    _enter_code(qtbot, window, flower.each_gtin)

    panel = window.sale_panel
    assert panel.cart_model.rowCount() == 1
    assert flower.product_name in panel.cart_model.index(0, 0).data()
    totals = terminal.sales.sale.totals
    assert panel.total_label.text() == str(totals.total)
    assert panel.limit_meter.format().endswith("g of 30 g")
    assert panel.limit_meter.value() > 0
    assert window.sync_label.text() == "Sync: not paired"


def test_an_unknown_code_shows_a_plain_message_and_leaves_the_cart_alone(qtbot, terminal):
    window = _window(qtbot, terminal)
    _enter_code(qtbot, window, "12345")
    panel = window.sale_panel
    assert panel.error_banner.isVisible()
    assert "No product matches code 12345" in panel.error_banner.text()
    assert panel.cart_model.rowCount() == 0


def test_a_wedge_scan_reaches_the_sale_even_when_focus_is_elsewhere(qtbot, terminal):
    window = _window(qtbot, terminal)
    flower = product_codes(terminal, "dried_flower")[0]
    window.staff_label.setFocus()  # not the scan field
    qtbot.keyClicks(window.staff_label, flower.each_gtin, delay=2)
    qtbot.keyClick(window.staff_label, Qt.Key.Key_Return, delay=2)
    qtbot.waitUntil(lambda: window.sale_panel.cart_model.rowCount() == 1, timeout=1000)
    assert window.sale_panel.scan_field.text() == ""
