"""Pay here by card (``terminal.kiosk_checkout``): only after an ID scanned at this kiosk passed the age check.

The cart becomes the kiosk's own sale on the GUI thread (local SQLite, short), the card terminal is talked to in
the background, and the customer sees a waiting screen with Cancel (the terminal's cancel). Approved: the order
is complete, the receipt prints on the kiosk's printer, a thank you, then the next customer's attract screen.
Declined, cancelled or refused: back to the cart, with the sentence.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from pos_app.domain.kiosk_ticket import TicketLine
from pos_app.services.kiosk_checkout import KioskPaymentUnknown
from pos_app.services.printing import NOT_SET_UP
from pos_app.ui.tasks import message_of, run_in_background

log = logging.getLogger(__name__)
THANKS_SHOWN_MS = 20_000  # then the next customer's attract screen
SETTLE_AGAIN_MS = 30_000  # after a payment with no answer, ask the terminal again this much later


class PayFlow(QObject):
    completed = Signal(object)  # the Order, saved and queued for the hub
    refused = Signal(str)  # declined, cancelled, or not allowed: the sentence shown over the cart
    receipt_done = Signal(bool)  # printed, or not

    def __init__(self, window, terminal) -> None:
        super().__init__(window)
        self.window = window
        self.t = terminal
        self.checkout = terminal.kiosk_checkout
        self.ready = False  # until a payment a stop left half-done is settled
        self.paying = False
        self._thanks_timer = QTimer(self, singleShot=True, interval=THANKS_SHOWN_MS, timeout=self._finished)
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_AGAIN_MS, timeout=self.start)
        window.pay_screen.cancel_requested.connect(self.cancel)
        window.pay_screen.done.connect(self._finished)

    @property
    def offered(self) -> bool:
        return self.checkout is not None and self.ready

    def start(self) -> None:
        """Settle what a stop in the middle of a payment left, then offer "Pay here by card"."""
        if self.checkout is None:
            return
        run_in_background(self.checkout.recover, self._recovered, self._not_recovered, owner=self)

    def _recovered(self, order) -> None:
        if order is not None:
            self.print_receipt(order)
        self.ready = self.checkout.staff() is not None  # without it, only "Send to counter" (logged)
        self.window.cart_screen.offer_payment(self.ready)
        if self.ready:
            self.window.age_gate.offer_payment()

    def _not_recovered(self, error: Exception) -> None:
        if isinstance(error, KioskPaymentUnknown):
            log.warning("Paying at the kiosk waits for the card terminal: %s", message_of(error))
            self._settle_timer.start()  # ask again later; "Send to counter" meanwhile
            return
        log.warning("Paying at the kiosk is off until the next start: %s", message_of(error))

    def pay(self) -> None:
        window, checkout = self.window, self.checkout
        if not self.offered or self.paying:
            return
        refusal = checkout.id_needed(window.verified_id)
        if refusal is not None:
            window.say(refusal, kind="info")
            return
        lines = [TicketLine(sku=line.product.sku, quantity=line.quantity) for line in window.cart.lines]
        try:
            sales = checkout.prepare(lines, window.verified_id, window.cart.codes)
        except Exception as error:  # the stock, a product gone, the ID: nothing was charged or kept open
            window.say(message_of(error))
            return
        amount = sales.payment_status().remaining
        self.paying = True
        window.idle.stop()  # nobody is idle while the card terminal waits for them
        window.pay_screen.wait_for_card(amount)
        window.show_paying()
        run_in_background(lambda: checkout.pay(sales), self._approved, self._failed, owner=self)

    def cancel(self) -> None:
        if self.paying:
            run_in_background(self.checkout.cancel, _ignore, _ignore, owner=self)

    def _approved(self, order) -> None:
        self.paying = False
        log.info("Kiosk sale %s paid by card", order.order_number)
        self.window.cart.clear()
        self.window.pay_screen.thank(order.order_number, order.card_paid)
        self._thanks_timer.start()
        self.print_receipt(order)
        self.completed.emit(order)

    def _failed(self, error: Exception) -> None:
        self.paying = False
        sentence = message_of(error)
        window = self.window
        if isinstance(error, KioskPaymentUnknown):
            # Its sale stays open on this till until the terminal answers: no other payment here until then,
            # or a second charge could start while the first is unsettled.
            self.ready = False
            window.cart_screen.offer_payment(False)
            self._settle_timer.start()
        window.show_cart()
        window.say(sentence)
        window.idle.start()
        self.refused.emit(sentence)

    def print_receipt(self, order) -> None:
        def printed(outcome) -> None:
            self.window.pay_screen.receipt(outcome.ok, printer=outcome.message != NOT_SET_UP)
            if not outcome.ok and outcome.message != NOT_SET_UP:
                log.warning("The receipt for kiosk sale %s did not print: %s", order.order_number, outcome.message)
            self.receipt_done.emit(outcome.ok)

        def crashed(error: Exception) -> None:
            log.warning("The receipt for kiosk sale %s did not print: %s", order.order_number, message_of(error))
            self.window.pay_screen.receipt(False, printer=True)
            self.receipt_done.emit(False)

        served_by = self.checkout.served_by
        run_in_background(lambda: self.t.printing.print_sale(order, served_by, open_drawer=False), printed, crashed,
                          owner=self)

    def _finished(self) -> None:
        self._thanks_timer.stop()
        if self.window.current is self.window.pay_screen and not self.paying:
            self.window.start_over()


def _ignore(_value) -> None:
    return None
