"""After Send to counter: the ticket's number, large, and its QR code, which the cashier scans when the
customer gets there. The screen goes back to the attract screen by itself after a while (or on Done)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.ui.common.language import Retranslating
from pos_app.ui.kiosk.widgets import kiosk_button, qr_pixmap, set_compact

QR_SIZE = 420
COMPACT_QR_SIZE = 280  # on a short screen (1280x800); still scanned easily from a phone or the counter


class TicketScreen(Retranslating, QWidget):
    done = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="TicketScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(16)
        layout.addStretch(1)
        self.lead = QLabel(objectName="AttractLead",
                           alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.number = QLabel(objectName="TicketNumber", alignment=Qt.AlignmentFlag.AlignCenter)
        self.qr = QLabel(objectName="TicketQr", alignment=Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(objectName="AttractLead", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.qr_text = ""  # what the QR code carries: the cart itself, signed, for a register with no hub
        self.done_button = kiosk_button("", primary=True)
        self.done_button.clicked.connect(self.done)
        for widget in (self.lead, self.number, self.qr, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._qr_size = QR_SIZE
        self._printed = (False, False)
        self.retranslate()

    def retranslate(self) -> None:
        self.lead.setText(self.tr("Your order is at the counter. Your number is"))
        self.done_button.setText(self.tr("Done"))
        self._say(*self._printed)

    def arrange(self, compact: bool) -> None:
        self._qr_size = COMPACT_QR_SIZE if compact else QR_SIZE
        set_compact([self.number], compact)
        if self.qr_text:
            self.qr.setPixmap(qr_pixmap(self.qr_text, self._qr_size))

    def show_ticket(self, number: str, qr_text: str, *, printed: bool) -> None:
        self.number.setText(number)
        self.qr_text = qr_text
        self.qr.setPixmap(qr_pixmap(qr_text, self._qr_size))
        self._say(printed)

    def slip_printed(self, ok: bool) -> None:
        """The kiosk's printer answered: the slip came out, or it did not (the code on screen still works)."""
        self._say(ok, not ok)

    def _say(self, printed: bool, failed: bool = False) -> None:
        self._printed = (printed, failed)
        self.note.setText(
            self.tr("Take your printed ticket, or show this code at the counter. Staff check your ID there, and you "
                    "pay there.") if printed else
            self.tr("Your ticket did not print. Show this number or a photo of this code at the counter. Staff check "
                    "your ID there, and you pay there.") if failed else
            self.tr("Show this number or a photo of this code at the counter. Staff check your ID there, and you pay "
                    "there."))
