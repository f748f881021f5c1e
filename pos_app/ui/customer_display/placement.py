"""Where the customer display opens: full screen on a screen other than the register's when there is one;
otherwise as a normal window beside the register (over its edge when the screen has no room beside it)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

WINDOW_SIZE = (800, 600)  # on the register's own screen: a window the cashier can drag where the customer sees it


def other_screen(register: QWidget) -> QScreen | None:
    home = register.screen()
    return next((screen for screen in QGuiApplication.screens() if screen != home), None)


def place_customer_display(display: QWidget, register: QWidget) -> QScreen:
    """Show ``display`` on the screen it belongs on; returns that screen."""
    screen = other_screen(register)
    if screen is not None:
        display.setScreen(screen)
        display.setGeometry(screen.geometry())
        display.setCursor(Qt.CursorShape.BlankCursor)  # the customer's screen shows no pointer; nothing to click
        # As showFullScreen() does, but without asking for the keyboard: that stays with the register.
        display.setWindowState(Qt.WindowState.WindowFullScreen)
        display.show()
        return screen
    home = register.screen()
    place = beside(register.frameGeometry(), home.availableGeometry(), *WINDOW_SIZE)
    display.resize(place.size())
    display.move(place.topLeft())  # where the window's frame goes, title bar and all
    display.show()
    return home


def beside(register: QRect, free: QRect, width: int, height: int) -> QRect:
    """A ``width`` x ``height`` rectangle right of ``register``, else left of it, else at the free area's right
    edge; never outside ``free``."""
    width, height = min(width, free.width()), min(height, free.height())
    if free.right() - register.right() >= width:
        x = register.right() + 1
    elif register.left() - free.left() >= width:
        x = register.left() - width
    else:
        x = free.right() - width + 1
    y = min(max(register.top(), free.top()), free.bottom() - height + 1)
    return QRect(x, y, width, height)
