"""The age check before a cannabis sale is paid for: scan the ID, or attest that you checked it by eye."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from pos_app.ui.register.dialogs import PosDialog


class AgeCheckDialog(PosDialog):
    def __init__(self, parent: QWidget | None, *, min_age: int, province: str, on_attest: Callable[[], None]) -> None:
        super().__init__(parent, "Check the customer's age")
        self._on_attest = on_attest
        self.passed = False
        self.lead = QLabel(f"This sale has cannabis. The customer must be {min_age} or older in {province}.\n"
                           "Scan the back of their driver's licence or ID card now.", wordWrap=True,
                           objectName="DialogLead")
        self.result_label = QLabel(objectName="AgeResult", wordWrap=True)
        self.result_label.hide()
        self.body.addWidget(self.lead)
        self.body.addWidget(self.result_label)
        self.add_button("Cancel", self.reject)
        self.attest_button = self.add_button(f"I checked their ID: {min_age}+", self._attest)

    def _attest(self) -> None:
        self._on_attest()

    def show_outcome(self, passed: bool, message: str) -> None:
        self.passed = passed
        self.result_label.setProperty("passed", "true" if passed else "false")  # strings: QSS matches them
        self.result_label.style().polish(self.result_label)
        self.result_label.setText(message)
        self.result_label.show()
        if passed:
            self.accept()
