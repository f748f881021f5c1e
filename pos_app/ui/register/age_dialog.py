"""The age check before a cannabis sale is paid for: scan the ID, or attest that you checked it by eye.

Once an ID is refused in the sale (expired, under age, unreadable) the attestation is gone from the dialog: only
another ID that scans and passes, or a manager's override with their PIN and a reason, lets the sale go on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from pos_app.ui.register.dialogs import PosDialog


def after_refusal() -> str:
    return QCoreApplication.translate("AgeCheckDialog", "An ID was refused in this sale, so your own check is not "
                                      "enough. Scan another valid ID, or ask a manager to approve with their PIN "
                                      "and a reason.")


class AgeCheckDialog(PosDialog):
    def __init__(self, parent: QWidget | None, *, min_age: int, province: str, on_attest: Callable[[], None],
                 on_override: Callable[[], None], refusal: str | None = None) -> None:
        super().__init__(parent, self.tr("Check the customer's age"))
        self._on_attest = on_attest
        self.passed = False
        self.lead = QLabel(self.tr("This sale has cannabis. The customer must be {age} or older in {province}.\n"
                                   "Scan the back of their driver's licence or ID card now.").format(
                                       age=min_age, province=province), wordWrap=True, objectName="DialogLead")
        self.result_label = QLabel(objectName="AgeResult", wordWrap=True)
        self.result_label.hide()
        self.body.addWidget(self.lead)
        self.body.addWidget(self.result_label)
        self.add_button(self.tr("Cancel"), self.reject)
        self.override_button = self.add_button(self.tr("Manager override"), on_override)
        self.override_button.hide()
        self.attest_button = self.add_button(self.tr("I checked their ID: {age}+").format(age=min_age), self._attest)
        if refusal is not None:
            self._show_refused(self.tr("Refused earlier in this sale. {why}").format(why=refusal))

    def _attest(self) -> None:
        self._on_attest()

    def show_outcome(self, passed: bool, message: str) -> None:
        self.passed = passed
        if passed:
            self._show_result(True, message)
            self.accept()
        else:
            self._show_refused(message)

    def _show_refused(self, message: str) -> None:
        self._show_result(False, message)
        self.lead.setText(after_refusal())
        self.attest_button.hide()
        self.override_button.show()

    def _show_result(self, passed: bool, message: str) -> None:
        self.result_label.setProperty("passed", "true" if passed else "false")  # strings: QSS matches them
        self.result_label.style().polish(self.result_label)
        self.result_label.setText(message)
        self.result_label.show()
        self.adjustSize()  # grow to the new sentences: a window manager does not do it for a dialog on screen
