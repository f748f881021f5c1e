"""Staff leaving kiosk mode: behind a long press on the logo, a manager's code and PIN. Cancel returns the
customer's screen; a refused PIN says why and stays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.widgets import PinPad
from pos_app.ui.kiosk.widgets import kiosk_button


class StaffExitScreen(Retranslating, QWidget):
    approved = Signal(object)  # the approving StaffMember
    cancelled = Signal()

    def __init__(self, kiosk_exit, terminal_no: int) -> None:
        super().__init__(objectName="StaffExitScreen")
        self._exit = kiosk_exit
        self._terminal_no = terminal_no
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        self.heading = QLabel(objectName="KioskHeading")
        self.lead = QLabel(objectName="AttractLead", wordWrap=True)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        self.error = QLabel(objectName="KioskError", wordWrap=True)
        self.error.hide()
        self.code_field = QLineEdit(objectName="StaffCodeField")
        self.code_field.setMinimumHeight(64)
        self.pad = PinPad()
        self.pad.submitted.connect(self._verify)
        self.cancel_button = kiosk_button("")
        self.cancel_button.clicked.connect(self.cancelled)
        fields = QVBoxLayout()
        fields.addWidget(self.error)
        fields.addWidget(self.code_field)
        fields.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        fields.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(32)
        self.body.addLayout(fields)
        self.body.addWidget(self.pad)
        layout.addLayout(self.body)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff only: leave kiosk mode"))
        self.lead.setText(self.tr("A manager's staff code and PIN close the kiosk. The exit is recorded."))
        self.code_field.setPlaceholderText(self.tr("Manager's staff code"))
        self.cancel_button.setText(self.tr("Cancel"))

    def arrange(self, portrait: bool) -> None:
        """The PIN pad under the code on a tall screen, beside it on a wide one (so it fits 800 px high)."""
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    def reset(self) -> None:
        self.code_field.clear()
        self.pad.field.clear()
        self.error.hide()
        self.code_field.setFocus()

    def approve_with(self, staff_code: str, pin: str) -> None:
        """What typing the code and the PIN does."""
        self.code_field.setText(staff_code)
        self._verify(pin)

    def _verify(self, pin: str) -> None:
        code = self.code_field.text().strip()
        if not code:
            self._say(self.tr("Type the manager's staff code first, then their PIN."))
            return
        try:
            manager = self._exit.approve(code, pin, terminal_no=self._terminal_no)
        except Exception as error:
            message = getattr(error, "message", None)
            if message is None:
                raise
            self._say(message)
            return
        self.approved.emit(manager)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
