"""The QSS theme from ``resources/themes``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

THEMES_DIR = Path(__file__).resolve().parents[2] / "resources" / "themes"


def apply_theme(app: QApplication, name: str = "light") -> None:
    path = THEMES_DIR / f"{name}.qss"
    if not path.exists():
        path = THEMES_DIR / "light.qss"
    app.setStyleSheet(path.read_text(encoding="utf-8"))
