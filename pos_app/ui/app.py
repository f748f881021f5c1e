"""Starting Qt: one QApplication, the theme, and a window for the chosen mode."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from pos_app.ui.theme import apply_theme


def qt_application(theme: str = "light") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pos-app")
    apply_theme(app, theme)
    return app
