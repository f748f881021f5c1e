"""While the card terminal works: what the customer should do, a Cancel, and Check payment when unsure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from pos_app.domain.money import Money
from pos_app.ui.common.language import money
from pos_app.ui.register.dialogs import PosDialog


class CardWaitDialog(PosDialog):
    def __init__(self, parent: QWidget | None, amount: Money, *, on_cancel: Callable[[], None],
                 on_check: Callable[[str], None]) -> None:
        super().__init__(parent, self.tr("Card payment of {amount}").format(amount=money(amount)))
        self._on_cancel = on_cancel
        self._on_check = on_check
        self.reference: str | None = None
        self.state = "waiting"
        self.message = QLabel(self.tr("Ask the customer to tap, insert or swipe their card on the terminal."),
                              wordWrap=True, objectName="DialogLead")
        self.spinner = QProgressBar(minimum=0, maximum=0)  # busy: moves while we wait, so the screen is alive
        self.elapsed = QLabel()
        self._seconds = 0
        self._timer = QTimer(self, interval=1000, timeout=self._tick)
        self._timer.start()
        self.body.addWidget(self.message)
        self.body.addWidget(self.spinner)
        self.body.addWidget(self.elapsed)
        self.cancel_button = self.add_button(self.tr("Cancel payment"), self._cancel)
        self.check_button = self.add_button(self.tr("Check payment"), self._check, primary=True)
        self.check_button.hide()
        self.close_button = self.add_button(self.tr("Close"), self.reject)
        self.close_button.hide()

    def _tick(self) -> None:
        self._seconds += 1
        self.elapsed.setText(self.tr("Waiting {seconds} s").format(seconds=self._seconds))

    def _cancel(self) -> None:
        self.message.setText(self.tr("Cancelling at the terminal…"))
        self.cancel_button.setEnabled(False)
        self._on_cancel()

    def _check(self) -> None:
        assert self.reference is not None
        self.state = "checking"
        self.message.setText(self.tr("Asking the terminal about this payment…"))
        self.spinner.show()
        self.check_button.setEnabled(False)
        self._on_check(self.reference)

    def show_refused(self, message: str) -> None:
        self.state = "refused"
        self._stop(message)
        self.close_button.show()

    def show_unknown(self, message: str, reference: str) -> None:
        self.state = "unknown"
        self.reference = reference
        self._stop(message)
        self.check_button.setEnabled(True)
        self.check_button.show()
        self.close_button.show()

    def _stop(self, message: str) -> None:
        self._timer.stop()
        self.spinner.hide()
        self.message.setText(message)
        self.cancel_button.hide()

    def reject(self) -> None:
        if self.state in ("waiting", "checking"):
            self._cancel()  # Escape while waiting asks the terminal to stop; the result closes the dialog
            return
        super().reject()
