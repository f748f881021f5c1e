"""Enter a code, on the kiosk's cart: the code typed on the on-screen keyboard (no system keyboard at a kiosk),
applied as the register applies it, or a sentence saying why not, under the field, with the keys still there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from pos_app.ui.common.language import Retranslating
from pos_app.ui.kiosk.keyboard import OnScreenKeyboard
from pos_app.ui.kiosk.widgets import kiosk_button


class CodePanel(Retranslating, QFrame):
    entered = Signal(str)  # the customer tapped Apply
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="CodePanel")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(objectName="KioskSubheading")
        column.addWidget(self.heading)
        row = QHBoxLayout()
        self.field = QLineEdit(objectName="CodeField", readOnly=True, maxLength=32)
        self.field.setMinimumHeight(64)
        self.cancel_button = kiosk_button("")
        self.cancel_button.clicked.connect(self.cancelled)
        row.addWidget(self.field, 1)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        self.problem = QLabel(objectName="CodeProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.problem.hide()
        column.addWidget(self.problem)
        self.keyboard = OnScreenKeyboard(self.field, OnScreenKeyboard.APPLY, capitals=True)
        self.keyboard.done.connect(lambda: self.entered.emit(self.field.text()))
        self.field.textChanged.connect(lambda _text: self.problem.hide())
        column.addWidget(self.keyboard)
        column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Enter your discount code"))
        self.field.setPlaceholderText(self.tr("Your code"))
        self.cancel_button.setText(self.tr("Cancel"))

    def start(self) -> None:
        self.field.clear()
        self.problem.hide()

    def refuse(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()
