"""Send to counter: the cart becomes a kiosk ticket (``terminal.kiosk_tickets``), shown as a number and a QR
code. The kiosk's prices are an estimate: the register re-prices every line when it loads the ticket."""

from __future__ import annotations

import logging

from pos_app.services.kiosk_tickets import TicketLine
from pos_app.ui.tasks import message_of

log = logging.getLogger(__name__)


class SendFlow:
    def __init__(self, window, terminal) -> None:
        self.window = window
        self.t = terminal

    def send(self) -> None:
        window = self.window
        tickets = self.t.kiosk_tickets
        lines = [TicketLine(sku=line.product.sku, quantity=line.quantity) for line in window.cart.lines]
        try:
            sent = tickets.send(lines)
        except Exception as error:  # refused (a sentence), or the database: the cart stays for another try
            window.say(message_of(error))
            return
        log.info("Kiosk ticket %s sent to the counter", sent.number)
        window.show_ticket(sent.number, sent.qr_text, printed=False)
