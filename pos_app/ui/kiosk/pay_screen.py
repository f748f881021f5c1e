"""Paying by card at the kiosk: what to do at the card terminal and a Cancel while it waits, then the thank you
with the order's number and whether the receipt printed. The next customer's attract screen follows by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from pos_app.domain.money import Money
from pos_app.ui.common.language import Retranslating
from pos_app.ui.kiosk.widgets import kiosk_button
from pos_app.ui.kiosk.words import money


class PayScreen(Retranslating, QWidget):
    cancel_requested = Signal()
    done = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="PayScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(24)
        layout.addStretch(1)
        self.title = QLabel(objectName="AttractTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.lead = QLabel(objectName="AttractLead", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.number = QLabel(objectName="OrderNumber", alignment=Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar(minimum=0, maximum=0)  # moves while the terminal works: the screen is alive
        self.busy.setTextVisible(False)
        self.note = QLabel(objectName="AttractLead", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.cancel_button = kiosk_button("", name="StartOver")
        self.cancel_button.clicked.connect(self._cancel)
        self.done_button = kiosk_button("", primary=True)
        self.done_button.clicked.connect(self.done)
        for widget in (self.title, self.lead, self.number, self.busy, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.state = "idle"
        self.amount = Money.zero()
        self.receipt_state: str | None = None  # None while printing; printed, failed, or no printer
        self._seconds = 0
        self._timer = QTimer(self, interval=1000, timeout=self._tick)
        self.retranslate()

    def retranslate(self) -> None:
        """What the screen says in its state (waiting, cancelling, paid), in the language spoken now."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.done_button.setText(self.tr("Done"))
        amount = money(self.amount)
        if self.state in ("waiting", "cancelling"):
            self.title.setText(self.tr("Pay {amount} by card").format(amount=amount))
            self.lead.setText(self.tr("Cancelling at the card terminal…") if self.state == "cancelling" else
                              self.tr("Tap, insert or swipe your card on the card terminal, and follow what it says."))
            self._tick(0)
        elif self.state == "paid":
            self.title.setText(self.tr("Thank you!"))
            self.lead.setText(self.tr("You paid {amount}. Your order number is").format(amount=amount))
            self.note.setText({
                None: self.tr("Printing your receipt…"),
                "none": self.tr("Show this number at the counter to pick up your order."),
                "printed": self.tr("Take your receipt, and show it at the counter to pick up your order."),
                "failed": self.tr("Your receipt did not print. Show this number at the counter to pick up your "
                                  "order: staff can print it there."),
            }[self.receipt_state])

    def wait_for_card(self, amount: Money) -> None:
        self.state = "waiting"
        self.amount = amount
        self.number.hide()
        self.busy.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.done_button.hide()
        self._seconds = 0
        self.retranslate()
        self._timer.start()

    def _tick(self, step: int = 1) -> None:
        self._seconds += step
        if self.state == "waiting":
            self.note.setText(self.tr("Waiting for your card… {seconds} s").format(seconds=self._seconds)
                              if self._seconds else "")

    def _cancel(self) -> None:
        self.state = "cancelling"
        self.cancel_button.setEnabled(False)
        self.retranslate()
        self.cancel_requested.emit()

    def thank(self, order_number: str, amount: Money) -> None:
        self.state = "paid"
        self.amount = amount
        self.receipt_state = None
        self._timer.stop()
        self.number.setText(order_number)  # the receipt's number: the counter finds the order by it
        self.number.show()
        self.busy.hide()
        self.cancel_button.hide()
        self.done_button.show()
        self.retranslate()

    def receipt(self, printed: bool, *, printer: bool) -> None:
        self.receipt_state = "none" if not printer else "printed" if printed else "failed"
        self.retranslate()
