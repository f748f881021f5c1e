"""Where a staff window goes on its screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def show_on_screen(window: QWidget, width: int = 1280, height: int = 800) -> None:
    """At ``width`` x ``height`` when the screen has room for that and the window's title bar; otherwise
    maximized to the screen's free area, so the status bar is never below its bottom edge (1280x800 with a
    title bar does not fit a 1280x800 screen)."""
    free = window.screen().availableGeometry()
    if width >= free.width() or height >= free.height():
        window.setGeometry(free)  # an X session with no window manager does not maximize: fill it ourselves
        window.showMaximized()
        return
    window.resize(width, height)
    window.show()
