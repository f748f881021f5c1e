"""A manager's approval on the cashier's screen: code and PIN (and a reason, when asked) for one action, audited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from pos_app.domain.staff import override_reason
from pos_app.services.staff import StaffMember
from pos_app.ui.common.widgets import PinPad
from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.tasks import message_of


class OverrideDialog(PosDialog):
    def __init__(self, parent: QWidget | None, login, *, action: str, reason: str,
                 on_approved: Callable[[StaffMember], None], ask_why: str | None = None) -> None:
        """``ask_why``: the prompt of a reason the manager must type, kept with the audit entry."""
        super().__init__(parent, self.tr("Manager approval"))
        self._login = login
        self._action = action
        self._on_approved = on_approved
        self.body.addWidget(QLabel(reason, wordWrap=True, objectName="DialogLead"))
        self.reason_field = QLineEdit(placeholderText=ask_why or "", objectName="OverrideReasonField", maxLength=200)
        self._needs_reason = ask_why is not None
        self.reason_field.setVisible(self._needs_reason)
        self.reason_field.returnPressed.connect(lambda: self.code_field.setFocus())
        self.body.addWidget(self.reason_field)
        self.code_field = QLineEdit(placeholderText=self.tr("Manager's staff code"), objectName="StaffCodeField")
        self.code_field.returnPressed.connect(lambda: self.pad.field.setFocus())
        self.pad = PinPad()
        self.pad.submitted.connect(self._verify)
        self.body.addWidget(self.code_field)
        self.body.addWidget(self.pad)
        self.add_button(self.tr("Cancel"), self.reject)
        (self.reason_field if ask_why is not None else self.code_field).setFocus()

    @property
    def reason(self) -> str:
        return override_reason(self.reason_field.text()) or ""

    def approve_with(self, staff_code: str, pin: str) -> None:
        """What typing the code and PIN does; also how tests and scripted demos drive it."""
        self.code_field.setText(staff_code)
        self._verify(pin)

    def _verify(self, pin: str) -> None:
        code = self.code_field.text().strip()
        if self._needs_reason and not self.reason:
            self.show_error(self.tr("Type the reason for this override first, then the manager's code and PIN."))
            self.reason_field.setFocus()
            return
        if not code:
            self.show_error(self.tr("Type the manager's staff code first, then their PIN."))
            return
        try:
            approver = self._login.verify_override(code, pin, action=self._action)
        except Exception as error:  # a refused PIN or a cashier's code: say so and let them try again
            self.show_error(message_of(error))
            return
        self.accept()
        self._on_approved(approver)
