"""Paying by card at the kiosk: what to do at the card terminal and a Cancel while it waits, then the thank you
with the order's number and whether the receipt printed. The next customer's attract screen follows by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from pos_app.domain.money import Money
from pos_app.ui.kiosk.widgets import kiosk_button


class PayScreen(QWidget):
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
        self.cancel_button = kiosk_button("Cancel", name="StartOver")
        self.cancel_button.clicked.connect(self._cancel)
        self.done_button = kiosk_button("Done", primary=True)
        self.done_button.clicked.connect(self.done)
        for widget in (self.title, self.lead, self.number, self.busy, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.state = "idle"
        self._seconds = 0
        self._timer = QTimer(self, interval=1000, timeout=self._tick)

    def wait_for_card(self, amount: Money) -> None:
        self.state = "waiting"
        self.title.setText(f"Pay {amount} by card")
        self.lead.setText("Tap, insert or swipe your card on the card terminal, and follow what it says.")
        self.number.hide()
        self.busy.show()
        self.note.setText("")
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.done_button.hide()
        self._seconds = 0
        self._timer.start()

    def _tick(self) -> None:
        self._seconds += 1
        if self.state == "waiting":
            self.note.setText(f"Waiting for your card… {self._seconds} s")

    def _cancel(self) -> None:
        self.state = "cancelling"
        self.cancel_button.setEnabled(False)
        self.lead.setText("Cancelling at the card terminal…")
        self.cancel_requested.emit()

    def thank(self, order_number: str, amount: Money) -> None:
        self.state = "paid"
        self._timer.stop()
        self.title.setText("Thank you!")
        self.lead.setText(f"You paid {amount}. Your order number is")
        self.number.setText(order_number)  # the receipt's number: the counter finds the order by it
        self.number.show()
        self.busy.hide()
        self.note.setText("Printing your receipt…")
        self.cancel_button.hide()
        self.done_button.show()

    def receipt(self, printed: bool, *, printer: bool) -> None:
        if not printer:
            self.note.setText("Show this number at the counter to pick up your order.")
        elif printed:
            self.note.setText("Take your receipt, and show it at the counter to pick up your order.")
        else:
            self.note.setText("Your receipt did not print. Show this number at the counter to pick up your order: "
                              "staff can print it there.")
