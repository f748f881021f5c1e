"""Sign-in: tap your name (or type your staff code), then your PIN. Quick to switch between cashiers.

After a PIN a manager set (a temporary one), the same pad asks for a new PIN of the cashier's own, twice, before
signing in. The PINs typed are held only until that step ends.

EN | FR at the top right switches the screens' language for the shift of whoever signs in next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.services.errors import NewPinNeeded, NewPinRefused
from pos_app.services.staff import StaffMember
from pos_app.ui.common.language import Retranslating, role_name
from pos_app.ui.common.language_switch import LanguageSwitch
from pos_app.ui.common.widgets import PinPad, touch_button
from pos_app.ui.tasks import message_of

MANAGER_SET = "manager-set"  # the new-PIN step after a refused new PIN: the sentence is the screen's own


def _step_text(sentence: str, step: str) -> str:
    """The new-PIN step's instruction: the service's sentence (or the screen's own), then what to type."""
    if step == "again":
        return QCoreApplication.translate("LoginScreen", "Type your new PIN again, to be sure, then press OK.")
    if sentence == MANAGER_SET:
        sentence = QCoreApplication.translate("LoginScreen", "Your PIN was set by a manager.")
    return sentence + "\n" + QCoreApplication.translate("LoginScreen",
                                                        "Type your new PIN (4 to 8 digits), then press OK.")


class LoginScreen(Retranslating, QWidget):
    signed_in = Signal(object)  # StaffMember

    def __init__(self, login) -> None:
        super().__init__(objectName="LoginScreen")
        self._login = login
        self.title = QLabel(objectName="ScreenTitle")
        self.hint = QLabel(wordWrap=True)
        self.code_field = QLineEdit(objectName="StaffCodeField")
        self.language = LanguageSwitch()
        self.code_field.returnPressed.connect(lambda: self.pad.field.setFocus())
        self.names = QGridLayout()
        self.name_buttons: dict[str, QPushButton] = {}
        self.pad = PinPad()
        self.pad.submitted.connect(self._submit)
        self.error_label = QLabel(objectName="DialogError", wordWrap=True)
        self.error_label.hide()
        self.step_label = QLabel(objectName="PinStep", wordWrap=True)
        self.step_label.hide()
        self.cancel_button = touch_button("", name="CancelNewPin")
        self.cancel_button.clicked.connect(self.reset)
        self.cancel_button.hide()
        self._new_pin: tuple[str, str, str | None] | None = None  # staff code, temporary PIN, first new PIN
        self._step: tuple[str, str] | None = None  # the new-PIN step shown: its source sentence, and the first line

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.hint)
        left.addLayout(self.names)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.language, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.code_field)
        right.addWidget(self.step_label)
        right.addWidget(self.pad)
        right.addWidget(self.error_label)
        right.addWidget(self.cancel_button)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 24, 32, 24)
        row.addLayout(left, 3)
        row.addSpacing(32)
        row.addLayout(right, 2)
        self.reload()
        self.retranslate()

    def retranslate(self) -> None:
        new_pin = self._new_pin is not None
        self.title.setText(self.tr("Choose your new PIN") if new_pin else self.tr("Sign in"))
        self.hint.setText(self.tr("A PIN only you know: not your birthday, and not the one the manager gave you.")
                          if new_pin else self.tr("Tap your name, or type your staff code, then enter your PIN."))
        self.code_field.setPlaceholderText(self.tr("Staff code"))
        self.cancel_button.setText(self.tr("Cancel new PIN"))
        if self._step is not None:
            self.step_label.setText(_step_text(*self._step))
        for member, button in self._members:
            button.setText(f"{member.name}\n{role_name(member.role)}")

    def reload(self) -> None:
        """Refresh the name buttons (staff come from the hub and may change)."""
        while self.names.count():
            item = self.names.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone from the screen now; deleted when the event loop gets to it
                item.widget().deleteLater()
        self.name_buttons.clear()
        self._members = []
        for index, member in enumerate(self._login.sign_in_choices()):
            button = touch_button(f"{member.name}\n{role_name(member.role)}", name="NameButton")
            self._members.append((member, button))
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, m=member: self.choose(m))
            self.names.addWidget(button, index // 3, index % 3)
            self.name_buttons[member.staff_code] = button

    def choose(self, member: StaffMember) -> None:
        for code, button in self.name_buttons.items():
            button.setChecked(code == member.staff_code)
        self.code_field.setText(member.staff_code)
        self.pad.field.setFocus()

    def sign_in(self, staff_code: str, pin: str) -> None:
        """What tapping a name and typing a PIN does."""
        self.code_field.setText(staff_code)
        self._submit(pin)

    def reset(self) -> None:
        self._new_pin = self._step = None
        self.retranslate()
        self.step_label.hide()
        self.cancel_button.hide()
        self.code_field.setEnabled(True)
        self.code_field.clear()
        self.pad.field.clear()
        self.error_label.hide()
        for button in self.name_buttons.values():
            button.setChecked(False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        (self.pad.field if self.code_field.text() else self.code_field).setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def asking_new_pin(self) -> bool:
        return self._new_pin is not None

    def _submit(self, pin: str) -> None:
        if self._new_pin is not None:
            self._submit_new_pin(pin)
            return
        code = self.code_field.text().strip()
        if not code:
            self.show_error(self.tr("Tap your name or type your staff code first, then your PIN."))
            return
        try:
            member = self._login.sign_in(code, pin)
        except NewPinNeeded as needed:
            self._ask_new_pin(code, pin, needed.message)
            return
        except Exception as error:
            self.show_error(message_of(error))
            return
        self.reset()
        self.signed_in.emit(member)

    def _ask_new_pin(self, code: str, temporary: str, sentence: str, error: str = "") -> None:
        self._new_pin = (code, temporary, None)
        self._step = (sentence, "first")
        self.retranslate()
        self.code_field.setEnabled(False)
        self.step_label.show()
        self.cancel_button.show()
        self.pad.field.clear()
        self.pad.field.setFocus()
        if error:
            self.show_error(error)
        else:
            self.error_label.hide()

    def _submit_new_pin(self, pin: str) -> None:
        assert self._new_pin is not None
        code, temporary, first = self._new_pin
        if first is None:
            refusal = self._login.new_pin_refusal(code, pin)
            if refusal:
                self.show_error(refusal)
                self.pad.field.setFocus()
                return
            self._new_pin = (code, temporary, pin)
            self._step = ("", "again")
            self.step_label.setText(_step_text(*self._step))
            self.error_label.hide()
            self.pad.field.setFocus()
            return
        try:
            member = self._login.choose_new_pin(code, temporary, first, pin)
        except NewPinRefused as refused:
            self._ask_new_pin(code, temporary, MANAGER_SET, refused.message)
            return
        except Exception as error:  # the temporary PIN no longer works (reset again, locked): start over
            self.reset()
            self.show_error(message_of(error))
            return
        self.reset()
        self.signed_in.emit(member)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    @property
    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""
