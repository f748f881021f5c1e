"""EN | FR at sign-in: a staff member chooses the language of the screens for their shift (touch or Ctrl+L)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from pos_app.i18n import LANGUAGES, current_language, set_language
from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.widgets import touch_button


class LanguageSwitch(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__(objectName="LanguageSwitch")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        group = QButtonGroup(self)
        self.buttons = {}
        for language in LANGUAGES:
            button = touch_button(language.upper(), name="LanguageButton")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, lang=language: self.choose(lang))
            group.addButton(button)
            row.addWidget(button)
            self.buttons[language] = button
        # The other language at one keystroke, from anywhere on the sign-in screen.
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.toggle, context=Qt.ShortcutContext.WindowShortcut)
        self.retranslate()

    def choose(self, language: str) -> None:
        set_language(language)
        self.retranslate()  # also when nothing was installed to translate (no .qm yet): the buttons still follow

    def toggle(self) -> None:
        self.choose("fr" if current_language() == "en" else "en")

    def retranslate(self) -> None:
        for language, button in self.buttons.items():
            button.setChecked(language == current_language())
        names = {"en": "English", "fr": "Français"}  # each language in its own words, whatever the screen's
        for language, button in self.buttons.items():
            button.setToolTip(self.tr("{language} (Ctrl+L switches)").format(language=names[language]))
            button.setAccessibleName(names[language])
