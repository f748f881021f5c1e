"""An on-screen keyboard for the kiosk's search and its discount codes: letters, digits, space and delete, typed
into one field."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from pos_app.ui.common.language import Retranslating
from pos_app.ui.kiosk.widgets import kiosk_button

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-&.")


class OnScreenKeyboard(Retranslating, QWidget):
    done = Signal()  # the customer pressed Search (or the key `done_text` names)
    SEARCH = QT_TRANSLATE_NOOP("OnScreenKeyboard", "Search")
    APPLY = QT_TRANSLATE_NOOP("OnScreenKeyboard", "Apply")

    def __init__(self, field: QLineEdit, done_text: str = SEARCH, *, capitals: bool = False) -> None:
        """``capitals``: every letter typed stays upper case (a code); else only a word's first (a search)."""
        super().__init__(objectName="OnScreenKeyboard")
        self.field = field
        self.capitals = capitals
        self.done_text = done_text
        grid = QGridLayout(self)
        grid.setSpacing(6)
        self.keys = {}
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                key = kiosk_button(letter.replace("&", "&&"), name="KeyboardKey")  # "&" alone is a mnemonic
                key.clicked.connect(lambda _=False, text=letter: self.type(text))
                grid.addWidget(key, row, column)
                self.keys[letter] = key
        self.space_key = space = kiosk_button("", name="KeyboardKey")
        space.clicked.connect(lambda: self.type(" "))
        self.delete_key = delete = kiosk_button("", name="KeyboardKey")
        delete.clicked.connect(self.field.backspace)
        self.clear_key = clear = kiosk_button("", name="KeyboardKey")
        clear.clicked.connect(self.field.clear)
        self.done_key = kiosk_button("", primary=True)
        self.done_key.clicked.connect(self.done)
        grid.addWidget(clear, len(ROWS), 0, 1, 2)
        grid.addWidget(space, len(ROWS), 2, 1, 4)
        grid.addWidget(delete, len(ROWS), 6, 1, 2)
        grid.addWidget(self.done_key, len(ROWS), 8, 1, 2)
        self.keys.update({" ": space, "⌫": delete, "Clear": clear})
        self.retranslate()

    def retranslate(self) -> None:
        self.space_key.setText(self.tr("Space"))
        self.delete_key.setText(self.tr("⌫ Delete"))
        self.clear_key.setText(self.tr("Clear"))
        self.done_key.setText(self.tr(self.done_text))

    def type(self, text: str) -> None:
        lower = not self.capitals and self.field.text() and text.isalpha()
        self.field.insert(text.lower() if lower else text)
