"""An on-screen keyboard for the kiosk's search and its discount codes: letters, digits, space and delete, typed
into one field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from pos_app.ui.kiosk.widgets import kiosk_button

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-&.")


class OnScreenKeyboard(QWidget):
    done = Signal()  # the customer pressed Search (or the key `done_text` names)

    def __init__(self, field: QLineEdit, done_text: str = "Search", *, capitals: bool = False) -> None:
        """``capitals``: every letter typed stays upper case (a code); else only a word's first (a search)."""
        super().__init__(objectName="OnScreenKeyboard")
        self.field = field
        self.capitals = capitals
        grid = QGridLayout(self)
        grid.setSpacing(6)
        self.keys = {}
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                key = kiosk_button(letter.replace("&", "&&"), name="KeyboardKey")  # "&" alone is a mnemonic
                key.clicked.connect(lambda _=False, text=letter: self.type(text))
                grid.addWidget(key, row, column)
                self.keys[letter] = key
        space = kiosk_button("Space", name="KeyboardKey")
        space.clicked.connect(lambda: self.type(" "))
        delete = kiosk_button("⌫ Delete", name="KeyboardKey")
        delete.clicked.connect(self.field.backspace)
        clear = kiosk_button("Clear", name="KeyboardKey")
        clear.clicked.connect(self.field.clear)
        self.done_key = kiosk_button(done_text, primary=True)
        self.done_key.clicked.connect(self.done)
        grid.addWidget(clear, len(ROWS), 0, 1, 2)
        grid.addWidget(space, len(ROWS), 2, 1, 4)
        grid.addWidget(delete, len(ROWS), 6, 1, 2)
        grid.addWidget(self.done_key, len(ROWS), 8, 1, 2)
        self.keys.update({" ": space, "⌫": delete, "Clear": clear})

    def type(self, text: str) -> None:
        lower = not self.capitals and self.field.text() and text.isalpha()
        self.field.insert(text.lower() if lower else text)
