"""The QSS theme from ``resources/themes``."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from pos_app.config import THEMES_DIR


def apply_theme(app: QApplication, name: str = "light") -> None:
    path = THEMES_DIR / f"{name}.qss"
    if not path.exists():
        path = THEMES_DIR / "light.qss"
    app.setStyleSheet(path.read_text(encoding="utf-8"))
