"""Scans at the kiosk, through the one scan path: an ID card can stand in for the age confirmation (and fails
closed when its date of birth cannot be read, as at the register); a product's barcode opens its page; every
other code gets a sentence. Every ID scanned here is logged as an age check, passed or failed, with no staff member
and only the ID number's salted hash (``AgeCheckService.kiosk_id_check``); nothing else is kept. The check that lets
a sale go ahead is made again at the counter, or, to pay here by card, the ID that passed is logged as the sale's
age check when the customer pays. An ID may also be scanned later, at the cart, by a customer who tapped
"I am 19 or older" and then wants to pay here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from hardware.codes.id_card import IdCard
from hardware.ports import ScanEvent
from pos_app.services.scanning import ProductScan, ScanDispatcher
from pos_app.ui.tasks import message_of

COUNTER_ONLY = QT_TRANSLATE_NOOP("KioskScans", "This code is for the counter. Scan a product's barcode to see it "
                                               "here.")


class KioskScans(QObject):
    def __init__(self, window, terminal) -> None:
        super().__init__(window)
        self.window = window
        self.t = terminal
        self.dispatcher = ScanDispatcher(terminal.scans, self)

    def handle_scan(self, event: ScanEvent) -> None:
        if self.window.current in (self.window.age_gate, self.window.browse, self.window.product_page,
                                   self.window.cart_screen):
            self.dispatcher.dispatch(event)

    # --- ScanTargets ---------------------------------------------------------------------------------

    def sell(self, scan: ProductScan) -> None:
        window = self.window
        if not window.shopping:
            window.age_gate.say(self.tr("Please confirm your age first."))
            return
        try:
            product = self.t.kiosk_catalog.product_info(scan.gtin)
            window.show_product(self.t.kiosk_catalog.product(product.sku))
        except Exception as error:
            window.say(message_of(error))

    def receipt(self, number: str) -> None:
        self.window.say(self.tr(COUNTER_ONLY), kind="info")

    def id_card(self, card: IdCard) -> None:
        window = self.window
        if window.current is window.age_gate:
            self._at_the_gate(card)
        elif window.shopping and window.current in (window.browse, window.product_page, window.cart_screen):
            self._while_shopping(card)
        # elsewhere (paying, a ticket, the attract screen) an ID changes nothing

    def _logged(self, check, *args):
        """The age check, logged; None (and the reason on screen) when the log could not be written."""
        try:
            return check(*args)
        except Exception as error:
            message = message_of(error)
            if self.window.current is self.window.age_gate:
                self.window.age_gate.say(message)
            else:
                self.window.say(message)
            return None

    def _at_the_gate(self, card: IdCard) -> None:
        window = self.window
        outcome = self._logged(self.t.age_checks.kiosk_id_check, card)
        if outcome is None:
            return
        if outcome.passed:
            window.verified_id = card
            window.begin_shopping()
        elif card.expired:
            window.age_gate.say(self.tr("This ID has expired. Please see staff at the counter."))
        else:
            window.turn_away()

    def _while_shopping(self, card: IdCard) -> None:
        """Only paying here asks for it; an under-age ID ends the visit, whatever was tapped at the gate."""
        window = self.window
        outcome = self._logged(self.t.age_checks.kiosk_id_check, card)
        if outcome is None:
            return
        if outcome.passed:
            window.verified_id = card
            if window.payment.offered:
                window.say(self.tr("Thank you, your ID is checked. You can pay here by card now."), kind="success")
        elif card.expired:
            window.verified_id = None
            window.say(self.tr("This ID has expired, so you cannot pay here. Send your cart to the counter: staff "
                               "check your ID there."), kind="info")
        else:
            window.refuse_under_age()

    def id_unreadable(self, message: str) -> None:
        window = self.window
        unread = self.tr("We could not read the date of birth on this ID. Try again, or see staff at the counter.")
        at_gate = window.current is window.age_gate
        if not at_gate and not (window.shopping and window.current in (window.browse, window.product_page,
                                                                        window.cart_screen)):
            return
        if self._logged(self.t.age_checks.kiosk_id_unreadable, message) is None:
            return  # a failed check all the same: the menu stays shut
        if at_gate:
            window.age_gate.say(unread)
        else:
            window.say(unread, kind="info")

    def kiosk_ticket(self, code: str) -> None:
        self.window.say(self.tr(COUNTER_ONLY), kind="info")  # a ticket is rung up at the counter, not loaded here

    def not_used_here(self, message: str) -> None:
        self.window.say(self.tr(COUNTER_ONLY), kind="info")

    def unreadable(self, text: str, message: str) -> None:
        self.window.say(self.tr("We could not read that code. Try again, or search for the product."), kind="info")
