"""Send to counter: the cart becomes a kiosk ticket (``terminal.kiosk_tickets``), shown as a number and a QR
code, and printed as a slip on the kiosk's printer when it has one. The kiosk's prices are an estimate: the
register re-prices every line when it loads the ticket. A slip that does not print never holds the ticket up:
the screen says so, and its QR code is there to photograph."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from pos_app.services.kiosk_tickets import TicketLine
from pos_app.services.printing import NOT_SET_UP
from pos_app.ui.tasks import message_of, run_in_background

log = logging.getLogger(__name__)


class SendFlow(QObject):
    slip_done = Signal(bool)  # the ticket slip printed, or not (no printer, or it failed)

    def __init__(self, window, terminal) -> None:
        super().__init__(window)
        self.window = window
        self.t = terminal

    def send(self) -> None:
        window = self.window
        tickets = self.t.kiosk_tickets
        cart_lines = tuple(window.cart.lines)
        estimate = window.cart.totals.total
        lines = [TicketLine(sku=line.product.sku, quantity=line.quantity) for line in cart_lines]
        try:
            sent = tickets.send(lines, window.cart.codes)  # the codes go to the counter with the cart
        except Exception as error:  # refused (a sentence), or the database: the cart stays for another try
            window.say(message_of(error))
            return
        log.info("Kiosk ticket %s sent to the counter", sent.number)
        window.show_ticket(sent.number, sent.qr_text, printed=False)
        self.print_slip(sent.number, sent.qr_text, cart_lines, estimate)

    def print_slip(self, number: str, qr_text: str, lines, estimate) -> None:
        def printed(outcome) -> None:
            has_printer = outcome.message != NOT_SET_UP
            if has_printer:
                self.window.ticket.slip_printed(outcome.ok)
            if not outcome.ok and has_printer:
                log.warning("The slip for kiosk ticket %s did not print: %s", number, outcome.message)
            self.slip_done.emit(outcome.ok)

        def crashed(error: Exception) -> None:
            log.warning("The slip for kiosk ticket %s did not print: %s", number, message_of(error))
            self.window.ticket.slip_printed(False)
            self.slip_done.emit(False)

        run_in_background(lambda: self.t.printing.print_ticket_slip(number, qr_text, lines, estimate), printed,
                          crashed, owner=self)
