"""Small touch-first widgets shared by every screen: touch buttons, the PIN and number pads, drawer count,
notice bar."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer, Signal
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
from pos_app.ui.common.language import Retranslating, money

TOUCH_HEIGHT = 52  # a fingertip, even without the stylesheet
TOUCH_WIDTH = 80
TOUCH_MINIMUM = 48  # nothing a cashier taps is shorter than this (the stylesheet says the same)
# The drawer's bills and coins as the counter names them (pos_app.domain.cash_count's labels, translated).
DENOMINATION_LABELS = (
    QT_TRANSLATE_NOOP("DenominationCounter", "$100"), QT_TRANSLATE_NOOP("DenominationCounter", "$50"),
    QT_TRANSLATE_NOOP("DenominationCounter", "$20"), QT_TRANSLATE_NOOP("DenominationCounter", "$10"),
    QT_TRANSLATE_NOOP("DenominationCounter", "$5"), QT_TRANSLATE_NOOP("DenominationCounter", "Toonie ($2)"),
    QT_TRANSLATE_NOOP("DenominationCounter", "Loonie ($1)"), QT_TRANSLATE_NOOP("DenominationCounter", "25¢"),
    QT_TRANSLATE_NOOP("DenominationCounter", "10¢"), QT_TRANSLATE_NOOP("DenominationCounter", "5¢"),
)
CLEAR_KEY = "Clear"  # the pads' key that empties the field, by this name in code (its face is translated)


def touch_button(text: str, *, primary: bool = False, name: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumSize(TOUCH_WIDTH, TOUCH_HEIGHT)
    if primary:
        button.setObjectName("PrimaryButton")
    elif name:
        button.setObjectName(name)
    return button


def _key_face(key: str, context: str) -> str:
    return QCoreApplication.translate(context, "Clear") if key == CLEAR_KEY else key


class PinPad(Retranslating, QWidget):
    """Digits by touch or keyboard; Enter (or OK) submits. The PIN is never shown or kept after submit."""

    submitted = Signal(str)

    def __init__(self, *, max_digits: int = 8) -> None:
        super().__init__()
        self.field = QLineEdit(objectName="PinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QIntValidator(0, 10**max_digits - 1, self))
        self.field.setMaxLength(max_digits)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(self._submit)
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", CLEAR_KEY, "0", "⌫"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = touch_button(_key_face(key, "PinPad"), name="PadKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing keeps going to the field
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.ok_button = touch_button("", primary=True)
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self._submit)
        grid.addWidget(self.ok_button, 4, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(grid)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("PIN"))
        self.ok_button.setText(self.tr("OK"))
        self.buttons[CLEAR_KEY].setText(self.tr("Clear"))

    def _press(self, key: str) -> None:
        if key == CLEAR_KEY:
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


class NumPad(Retranslating, QWidget):
    """Digits by touch for a dialog's number fields: each key types into the field that last had focus.

    The keys never take the focus, so a keyboard keeps working too. ``decimal`` gives a "." key (amounts of
    money); whole numbers (quantities, counts) get "Clear" there instead.
    """

    def __init__(self, *fields: QLineEdit | QAbstractSpinBox, decimal: bool = False) -> None:
        super().__init__(objectName="NumPad")
        self.target: QLineEdit | QAbstractSpinBox | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "." if decimal else CLEAR_KEY, "0", "⌫"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = touch_button(_key_face(key, "NumPad"), name="PadKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        for field in fields:
            self.attach(field)
        self.retranslate()

    def retranslate(self) -> None:
        if CLEAR_KEY in self.buttons:
            self.buttons[CLEAR_KEY].setText(self.tr("Clear"))
        if "." in self.buttons:  # the decimal key types the separator the cashier reads in amounts
            self.buttons["."].setText(QLocale().decimalPoint())

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
        if key == CLEAR_KEY:
            editor.clear()
        elif key == "⌫":
            editor.backspace()
        else:
            editor.insert(QLocale().decimalPoint() if key == "." else key)
        self.target.setFocus()


class DenominationCounter(Retranslating, QWidget):
    """One row per Canadian bill and coin: how many, and what they come to; a number pad types the counts."""

    changed = Signal()

    def __init__(self, counts: Mapping[str, int] | None = None, *, show_total: bool = True) -> None:
        super().__init__()
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(20)  # keeps a subtotal apart from the next column's label
        self.spins: dict[str, QSpinBox] = {}
        self._subtotals: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for row, denomination in enumerate(DENOMINATIONS):
            spin = QSpinBox(objectName="CountSpin", maximum=10_000)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)  # too small to tap: the numpad types
            spin.setValue((counts or {}).get(denomination.code, 0))
            spin.valueChanged.connect(self._recount)
            subtotal = QLabel(alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._captions[denomination.code] = QLabel()
            grid.addWidget(self._captions[denomination.code], row // 2, (row % 2) * 3)
            grid.addWidget(spin, row // 2, (row % 2) * 3 + 1)
            grid.addWidget(subtotal, row // 2, (row % 2) * 3 + 2)
            self.spins[denomination.code] = spin
            self._subtotals[denomination.code] = subtotal
        self.total_label = QLabel(objectName="CountTotal", alignment=Qt.AlignmentFlag.AlignRight)
        self.counted_caption = QLabel()
        if show_total:  # a dialog that shows its own figures (expected, counted, variance) hides this one
            grid.addWidget(self.counted_caption, len(DENOMINATIONS) // 2 + 1, 0)
            grid.addWidget(self.total_label, len(DENOMINATIONS) // 2 + 1, 1, 1, 5)
        self.numpad = NumPad(*self.spins.values())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(grid, 1)
        row.addSpacing(12)
        row.addWidget(self.numpad, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        for denomination in DENOMINATIONS:
            label = self.tr(denomination.label)
            self._captions[denomination.code].setText(label)
            self.spins[denomination.code].setAccessibleName(self.tr("Number of {denomination}").format(
                denomination=label))
        self.counted_caption.setText(self.tr("Counted"))
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
            self._subtotals[denomination.code].setText(money(value))
        self.total_label.setText(money(self.total()))
        self.changed.emit()


class NoticeBar(Retranslating, QFrame):
    """A message above the cart (error, warning or information) with an optional action, e.g. Reprint."""

    action_clicked = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="NoticeBar")
        self.label = QLabel(wordWrap=True)
        self.action = touch_button("")
        self.action.clicked.connect(self.action_clicked)
        self.close_button = touch_button("✕", name="CloseNotice")
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.action)
        row.addWidget(self.close_button)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))

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

    def __init__(self, labels: Mapping[str, str], *, prompt: str | None = None) -> None:
        super().__init__(objectName="ReasonChoice")
        self.setMinimumHeight(TOUCH_MINIMUM)
        self.addItem(prompt or self.tr("Choose a reason…"), None)
        for code, label in labels.items():
            self.addItem(label, str(code))

    @property
    def code(self) -> str | None:
        return self.currentData()

    def choose(self, code: str) -> None:
        self.setCurrentIndex(self.findData(str(code)))
