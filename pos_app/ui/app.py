"""Starting Qt: one QApplication, the theme, and a window for the chosen mode."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from pos_app.modes import resolve_mode
from pos_app.ui.theme import apply_theme
from pos_app.ui.translation import install_translations


def qt_application(theme: str = "light") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pos-app")
    apply_theme(app, theme)
    install_translations(app)  # the screens follow pos_app.i18n's language from here on
    return app


def theme_for(mode: str, theme: str) -> str:
    """The kiosk has its own look (big type, big targets, for customers); the other modes use the setting."""
    return "kiosk" if mode == "kiosk" else theme


def window_for(terminal, mode: str, *, idle_warning_s: int = 60, idle_reset_s: int = 90) -> QMainWindow:
    """The window of ``mode``. A kiosk gets the kiosk window and nothing of the register, ever; the back office
    (and `receiving`, its Receiving tab) gets its own window, behind a manager's PIN."""
    window, start_tab = resolve_mode(mode)
    if window == "backoffice":
        from pos_app.ui.backoffice.window import BackOfficeWindow

        return BackOfficeWindow(terminal, start_tab=start_tab)
    if mode == "kiosk":
        from pos_app.ui.kiosk.window import KioskWindow

        return KioskWindow(terminal, idle_warning_s=idle_warning_s, idle_reset_s=idle_reset_s)
    from pos_app.ui.main_window import MainWindow

    return MainWindow(terminal, mode=mode)
