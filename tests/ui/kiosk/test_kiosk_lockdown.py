"""The kiosk is for customers only: no key and no close reaches a register screen; staff leave with a manager's
PIN behind a long press on the logo, and the exit is audited; a quiet kiosk clears itself for the next customer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from pos_app.persistence.models import AuditLog
from pos_app.services.kiosk_exit import EXIT_ACTION
from pos_app.ui.main_window import MainWindow
from tests.ui.kiosk.customer_driver import Customer

F_KEYS = [getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)]


def _register_widgets() -> tuple[set[int], set[int]]:
    """The register windows, and the widgets of register screens, this process holds now."""
    windows = {id(widget) for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)}
    screens = {id(widget) for widget in QApplication.allWidgets()
               if type(widget).__module__.startswith("pos_app.ui.register")}
    return windows, screens


def _none_in_the_kiosk(kiosk) -> tuple[set[int], set[int]]:
    """What register widgets there are before the customer starts: an earlier test's may linger until Qt deletes
    them, but none is shown, and none is part of the kiosk."""
    for widget in QApplication.topLevelWidgets():
        assert not (isinstance(widget, MainWindow) and widget.isVisible()), "a register window is open"
    for widget in QApplication.allWidgets():
        if type(widget).__module__.startswith("pos_app.ui.register"):
            assert not kiosk.isAncestorOf(widget), "the kiosk holds a register screen"
    return _register_widgets()


def _no_register_opened(before: tuple[set[int], set[int]]) -> None:
    windows, screens = _register_widgets()
    assert not windows - before[0], "a register window opened"
    assert not screens - before[1], "a register screen was built"


def test_no_key_and_no_close_leaves_the_kiosk_or_reaches_a_register_screen(customer):
    window = customer.window
    before = _none_in_the_kiosk(window)
    customer.start()
    customer.open_category("flower")
    for key in [*F_KEYS, Qt.Key.Key_Escape]:
        customer.qtbot.keyClick(window, key)
        customer.qtbot.keyClick(window.browse.grid, key)
    customer.qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.close() is False, "closing the window is refused"
    assert window.isVisible() and window.current is window.browse
    _no_register_opened(before)
    forbidden = ("refund", "void", "drawer", "sign in", "no sale", "shift")
    for button in window.findChildren(QPushButton):
        assert not any(word in button.text().lower() for word in forbidden), button.text()


def test_staff_leave_with_a_manager_pin_behind_a_long_press_and_the_exit_is_audited(customer, terminal):
    window = customer.window
    customer.tap_logo_briefly = lambda: customer.qtbot.mouseClick(window.logo, Qt.MouseButton.LeftButton)
    customer.tap_logo_briefly()
    assert window.current is window.attract, "a tap on the logo is not a long press"

    customer.long_press_logo()
    assert window.current is window.staff_exit
    customer.staff_exit_with("1001", customer.pins["1001"])  # a cashier may not close the kiosk
    assert window.isVisible() and "a manager or admin must approve" in window.staff_exit.error.text()
    customer.staff_exit_with("2001", "0000")
    assert window.isVisible() and "PIN is not right" in window.staff_exit.error.text()
    customer.tap(window.staff_exit.cancel_button)
    assert window.current is window.attract

    customer.long_press_logo()
    window.staff_exit.reset()
    customer.staff_exit_with("2001", customer.pins["2001"])
    assert not window.isVisible(), "the manager's PIN closes the kiosk"
    with terminal.session_factory() as session:
        exits = session.scalars(select(AuditLog).where(AuditLog.action == EXIT_ACTION)).all()
        manager = session.scalar(select(AuditLog.staff_id).where(AuditLog.action == "override.approved"))
    assert len(exits) == 1 and exits[0].staff_id == manager and exits[0].details == {"mode": "kiosk"}


def test_still_there_after_the_warning_time_and_a_fresh_start_after_the_reset_time(qtbot, terminal):
    customer = Customer(qtbot, terminal, idle=(1, 2))
    try:
        window = customer.window
        customer.start()
        customer.open_category("edibles")
        customer.tap_tile(0)
        customer.add_from_page()
        with qtbot.waitSignal(window.idle.warn, timeout=3000):
            pass
        assert window.still_there.isVisible()
        customer.tap(window.still_there.carry_on_button)
        assert not window.still_there.isVisible() and not window.cart.is_empty, "a touch keeps the cart"
        with qtbot.waitSignal(window.idle.reset, timeout=4000):
            pass
        assert window.current is window.attract and window.cart.is_empty
        assert not window.still_there.isVisible()
    finally:
        customer.leave()


def _targets_are_big_enough(window) -> int:
    visible = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    small = [(b.text(), b.height()) for b in visible if b.height() < 60]
    assert not small, f"too small to touch: {small}"
    return len(visible)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080), (1280, 800)])
def test_every_target_a_customer_taps_is_at_least_60_px(customer, size):
    window = customer.window
    window.resize(*size)
    checked = _targets_are_big_enough(window)
    customer.start()
    checked += _targets_are_big_enough(window)
    customer.open_category("flower")
    checked += _targets_are_big_enough(window)
    customer.filters()
    checked += _targets_are_big_enough(window)
    customer.show_products()
    customer.tap_tile(0)
    checked += _targets_are_big_enough(window)
    customer.add_from_page()
    customer.open_cart()
    checked += _targets_are_big_enough(window)
    assert checked > 40
