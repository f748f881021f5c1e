"""An on-screen keyboard for the kiosk's search: letters, digits, space and delete, typed into one field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from pos_app.ui.kiosk.widgets import kiosk_button

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-&.")


class OnScreenKeyboard(QWidget):
    done = Signal()  # the customer pressed Search

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(objectName="OnScreenKeyboard")
        self.field = field
        grid = QGridLayout(self)
        grid.setSpacing(6)
        self.keys = {}
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                key = kiosk_button(letter, name="KeyboardKey")
                key.clicked.connect(lambda _=False, text=letter: self.type(text))
                grid.addWidget(key, row, column)
                self.keys[letter] = key
        space = kiosk_button("Space", name="KeyboardKey")
        space.clicked.connect(lambda: self.type(" "))
        delete = kiosk_button("⌫ Delete", name="KeyboardKey")
        delete.clicked.connect(self.field.backspace)
        clear = kiosk_button("Clear", name="KeyboardKey")
        clear.clicked.connect(self.field.clear)
        self.search_key = kiosk_button("Search", primary=True)
        self.search_key.clicked.connect(self.done)
        grid.addWidget(clear, len(ROWS), 0, 1, 2)
        grid.addWidget(space, len(ROWS), 2, 1, 4)
        grid.addWidget(delete, len(ROWS), 6, 1, 2)
        grid.addWidget(self.search_key, len(ROWS), 8, 1, 2)
        self.keys.update({" ": space, "⌫": delete})

    def type(self, text: str) -> None:
        self.field.insert(text.lower() if self.field.text() and text.isalpha() else text)
