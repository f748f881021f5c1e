"""The kiosk's EN/FR toggle: a customer switches the whole kiosk to their language (the cart and the screen they
are on stay), and the next customer starts in the terminal's own language again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from pos_app.i18n import current_language, set_language
from pos_app.ui.kiosk.widgets import LanguageToggle


class KioskLanguage(QObject):
    def __init__(self, window: QWidget, home: str | None = None) -> None:
        """``home``: the terminal's language, which each new customer starts in (by default the one spoken now)."""
        super().__init__(window)
        self.window = window
        self.home = home or current_language()
        self.toggle = LanguageToggle(current_language())
        self.toggle.chosen.connect(self.choose)

    def choose(self, language: str) -> None:
        set_language(language)  # the translator changes, and Qt tells every widget (LanguageChange)
        # Money and figures follow the language even where no translator changed (no catalog for it yet).
        QCoreApplication.postEvent(self.window, QEvent(QEvent.Type.LanguageChange))

    def next_customer(self) -> None:
        if current_language() != self.home:
            self.choose(self.home)

    def retranslate(self) -> None:
        self.toggle.show_language(current_language())
