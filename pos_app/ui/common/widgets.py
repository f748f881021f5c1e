"""Small touch-first widgets shared by every screen: touch buttons, the PIN and number pads, drawer count,
notice bar."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.cash_count import DENOMINATIONS, count_total
from pos_app.domain.money import Money

TOUCH_HEIGHT = 52  # a fingertip, even without the stylesheet
TOUCH_WIDTH = 80
TOUCH_MINIMUM = 48  # nothing a cashier taps is shorter than this (the stylesheet says the same)


def touch_button(text: str, *, primary: bool = False, name: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumSize(TOUCH_WIDTH, TOUCH_HEIGHT)
    if primary:
        button.setObjectName("PrimaryButton")
    elif name:
        button.setObjectName(name)
    return button


class PinPad(QWidget):
    """Digits by touch or keyboard; Enter (or OK) submits. The PIN is never shown or kept after submit."""

    submitted = Signal(str)

    def __init__(self, *, max_digits: int = 8) -> None:
        super().__init__()
        self.field = QLineEdit(objectName="PinField", placeholderText="PIN")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QIntValidator(0, 10**max_digits - 1, self))
        self.field.setMaxLength(max_digits)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(self._submit)
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "⌫"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = touch_button(key, name="PadKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing keeps going to the field
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.ok_button = touch_button("OK", primary=True)
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self._submit)
        grid.addWidget(self.ok_button, 4, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(grid)

    def _press(self, key: str) -> None:
        if key == "Clear":
            self.field.clear()
        elif key == "⌫":
            self.field.backspace()
        elif len(self.field.text()) < self.field.maxLength():
            self.field.insert(key)
        self.field.setFocus()

    def _submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if pin:
            self.submitted.emit(pin)


class NumPad(QWidget):
    """Digits by touch for a dialog's number fields: each key types into the field that last had focus.

    The keys never take the focus, so a keyboard keeps working too. ``decimal`` gives a "." key (amounts of
    money); whole numbers (quantities, counts) get "Clear" there instead.
    """

    def __init__(self, *fields: QLineEdit | QAbstractSpinBox, decimal: bool = False) -> None:
        super().__init__(objectName="NumPad")
        self.target: QLineEdit | QAbstractSpinBox | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "." if decimal else "Clear", "0", "⌫"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = touch_button(key, name="PadKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        for field in fields:
            self.attach(field)

    def attach(self, field: QLineEdit | QAbstractSpinBox) -> None:
        if self.target is None:
            self.target = field
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn:
            self.target = watched
            # The first digit replaces what the field holds: typing 2 into a count of 0 means 2, not 20. Later,
            # since Qt places the cursor after the focus event when a click brought it.
            editor = watched if isinstance(watched, QLineEdit) else watched.findChild(QLineEdit)
            if editor is not None:
                QTimer.singleShot(0, editor, editor.selectAll)
        return False

    def press(self, key: str) -> None:
        if self.target is None:
            return
        editor = self.target if isinstance(self.target, QLineEdit) else self.target.findChild(QLineEdit)
        if key == "Clear":
            editor.clear()
        elif key == "⌫":
            editor.backspace()
        else:
            editor.insert(key)
        self.target.setFocus()


class DenominationCounter(QWidget):
    """One row per Canadian bill and coin: how many, and what they come to; a number pad types the counts."""

    changed = Signal()

    def __init__(self, counts: Mapping[str, int] | None = None, *, show_total: bool = True) -> None:
        super().__init__()
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(20)  # keeps a subtotal apart from the next column's label
        self.spins: dict[str, QSpinBox] = {}
        self._subtotals: dict[str, QLabel] = {}
        for row, denomination in enumerate(DENOMINATIONS):
            spin = QSpinBox(objectName="CountSpin", maximum=10_000)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)  # too small to tap: the numpad types
            spin.setValue((counts or {}).get(denomination.code, 0))
            spin.setAccessibleName(f"Number of {denomination.label}")
            spin.valueChanged.connect(self._recount)
            subtotal = QLabel(alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(denomination.label), row // 2, (row % 2) * 3)
            grid.addWidget(spin, row // 2, (row % 2) * 3 + 1)
            grid.addWidget(subtotal, row // 2, (row % 2) * 3 + 2)
            self.spins[denomination.code] = spin
            self._subtotals[denomination.code] = subtotal
        self.total_label = QLabel(objectName="CountTotal", alignment=Qt.AlignmentFlag.AlignRight)
        if show_total:  # a dialog that shows its own figures (expected, counted, variance) hides this one
            grid.addWidget(QLabel("Counted"), len(DENOMINATIONS) // 2 + 1, 0)
            grid.addWidget(self.total_label, len(DENOMINATIONS) // 2 + 1, 1, 1, 5)
        self.numpad = NumPad(*self.spins.values())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(grid, 1)
        row.addSpacing(12)
        row.addWidget(self.numpad, 0, Qt.AlignmentFlag.AlignTop)
        self._recount()

    def counts(self) -> dict[str, int]:
        return {code: spin.value() for code, spin in self.spins.items() if spin.value()}

    def set_counts(self, counts: Mapping[str, int]) -> None:
        for code, spin in self.spins.items():
            spin.setValue(counts.get(code, 0))

    def total(self) -> Money:
        return count_total(self.counts())

    def _recount(self) -> None:
        for denomination in DENOMINATIONS:
            value = Money.from_cents(denomination.cents * self.spins[denomination.code].value())
            self._subtotals[denomination.code].setText(str(value))
        self.total_label.setText(str(self.total()))
        self.changed.emit()


class NoticeBar(QFrame):
    """A message above the cart (error, warning or information) with an optional action, e.g. Reprint."""

    action_clicked = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="NoticeBar")
        self.label = QLabel(wordWrap=True)
        self.action = touch_button("")
        self.action.clicked.connect(self.action_clicked)
        self.close_button = touch_button("✕", name="CloseNotice")
        self.close_button.setToolTip("Dismiss")
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.action)
        row.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, *, kind: str = "error", action: str | None = None) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.action.setVisible(action is not None)
        self.action.setText(action or "")
        self.show()

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class ReasonChoice(QComboBox):
    """One reason from a fixed list (pos_app.domain.reason_codes), none chosen until the cashier picks one."""

    def __init__(self, labels: Mapping[str, str], *, prompt: str = "Choose a reason…") -> None:
        super().__init__(objectName="ReasonChoice")
        self.setMinimumHeight(TOUCH_MINIMUM)
        self.addItem(prompt, None)
        for code, label in labels.items():
            self.addItem(label, str(code))

    @property
    def code(self) -> str | None:
        return self.currentData()

    def choose(self, code: str) -> None:
        self.setCurrentIndex(self.findData(str(code)))
