"""Where each scan goes at the register, and what happens to one that arrives while a dialog is up.

No scan is lost. With the sale in front, a product goes into it, a receipt opens its refund, an ID opens
the age check and a kiosk ticket's QR code loads the ticket. With a dialog up, a scan is:

- handled by the dialog when it is that dialog's business: a receipt in the refund or the void, an ID in the
  age check, a kiosk ticket in the kiosk tickets list;
- kept, and put into the sale the moment the sale is in front again, when the dialog only changes the cart
  (quantity, discounts): the item goes in after the change, as if it had been scanned a second later;
- or refused, with a sentence in the dialog and a sound, when putting it in the sale would be wrong. During
  payment (and while the card terminal works) it would change what the customer owes. The age check leads
  straight to payment, so a kept item would land under it. Parking or resuming changes which sale is in
  front, so it is not clear which sale it belongs to. A refund, a void, a manager's approval, the drawer and
  the shift are not about the sale in front at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.refund_dialog import RefundDialog
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog, QuantityDialog, VoidDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.register.tickets_dialog import KioskTicketsDialog

if TYPE_CHECKING:
    from hardware.codes.id_card import IdCard
    from pos_app.services.scanning import ProductScan
    from pos_app.ui.register.register_screen import RegisterScreen

# Products scanned while one of these is up wait for it to close (see above); every other dialog refuses them.
PRODUCTS_WAIT = (QuantityDialog, DiscountDialog)

NOT_ADDED = {
    TenderDialog: QT_TRANSLATE_NOOP(
        "RegisterScans", "An item was scanned during payment and was not added: it would change what the customer "
        "owes. Go back to the sale (Esc) to add it, then pay."),
    CardWaitDialog: QT_TRANSLATE_NOOP(
        "RegisterScans", "An item was scanned while the card terminal is taking the payment and was not added. When "
        "the payment is done or cancelled, scan it again."),
    AgeCheckDialog: QT_TRANSLATE_NOOP(
        "RegisterScans", "An item was scanned during the age check and was not added. Finish the age check (or "
        "cancel it), then scan the item again."),
    ParkedSalesDialog: QT_TRANSLATE_NOOP(
        "RegisterScans", "An item was scanned while parking or resuming a sale and was not added: close this "
        "window, then scan it into the sale in front."),
}
NOT_ADDED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "RegisterScans", "An item was scanned and was not added: close this window first, then scan it again.")
RECEIPT_NOT_HERE = QT_TRANSLATE_NOOP(
    "RegisterScans", "A receipt was scanned. To refund or void that sale, close this window first, then scan the "
    "receipt again.")
ID_NOT_HERE = QT_TRANSLATE_NOOP(
    "RegisterScans", "An ID was scanned. To check the customer's age, close this window first, then scan the ID "
    "again (or press F7).")
TICKET_NOT_HERE = QT_TRANSLATE_NOOP(
    "RegisterScans", "A kiosk ticket was scanned. To ring it up, close this window first, then scan the ticket "
    "again (or press Shift+F8).")
SIGN_IN_FIRST = QT_TRANSLATE_NOOP(
    "RegisterScans", "A scan came in before anyone signed in. Sign in first, then scan it again.")


class RegisterScans(QObject):
    """The register's ``pos_app.services.scanning.ScanTargets``."""

    refused = Signal(str)  # a scan was not used: the sentence shown for it (and a sound was played)
    kept = Signal(int)  # a product waits for the dialog on screen to close: how many wait now
    applied = Signal(int)  # the sale is in front again and the waiting products went in: how many

    def __init__(self, screen: RegisterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self._waiting: list[Callable[[], None]] = []

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    # --- by kind ------------------------------------------------------------------------------------------

    def sell(self, scan: ProductScan) -> None:
        self._product(lambda: self.screen.panel.add_scanned(scan))

    def unreadable(self, text: str, message: str) -> None:
        if not text:
            self._tell(message)
        else:  # it may still be the store's own code for an item
            self._product(lambda: self.screen.panel.add_code(text, unreadable=message))

    def receipt(self, number: str) -> None:
        dialog = self.screen.dialog
        if dialog is None or isinstance(dialog, (RefundDialog, VoidDialog)):
            self.screen.refunds.receipt_scanned(number)
        else:
            self.refuse(RECEIPT_NOT_HERE)

    def id_card(self, card: IdCard) -> None:
        dialog = self.screen.dialog
        if dialog is None or isinstance(dialog, AgeCheckDialog):
            self.screen.checkout.id_read(card)
        else:
            self.refuse(ID_NOT_HERE)

    def kiosk_ticket(self, code: str) -> None:
        dialog = self.screen.dialog
        if dialog is None or isinstance(dialog, KioskTicketsDialog):  # a sale on screen is refused by the flow
            self.screen.tickets.scanned(code)
        else:
            self.refuse(TICKET_NOT_HERE)

    def id_unreadable(self, message: str) -> None:
        if isinstance(self.screen.dialog, AgeCheckDialog):
            self.screen.checkout.id_unreadable(message)
        else:
            self._tell(message)

    def not_used_here(self, message: str) -> None:
        self._tell(message, kind="info")

    # --- kept, refused ------------------------------------------------------------------------------------

    def _product(self, add: Callable[[], None]) -> None:
        dialog = self.screen.dialog
        if dialog is None:
            add()
        elif isinstance(dialog, PRODUCTS_WAIT):
            self._waiting.append(add)
            count = len(self._waiting)
            dialog.show_note(self.tr("Scanned: the item goes into the sale when this window closes.") if count == 1
                             else self.tr("Scanned: {count} items go into the sale when this window closes.").format(
                                 count=count))
            self.kept.emit(count)
        else:
            self.refuse(NOT_ADDED.get(type(dialog), NOT_ADDED_ELSEWHERE))

    def _tell(self, message: str, *, kind: str = "error") -> None:
        """A sentence about a scan: on the sale's notice bar, or in the dialog on screen (with the sound)."""
        if self.screen.dialog is None and self.screen.staff is not None:
            self.screen.notify(message, kind=kind)
        else:
            self.refuse(message)

    def refuse(self, message: str) -> None:
        """Say why a scan was not used where the cashier is looking, with a sound: they may be looking away."""
        # One of this module's sentences in the screen's language (a service's sentence comes translated already).
        message = QCoreApplication.translate("RegisterScans", message)
        dialog = self.screen.dialog
        if dialog is not None:
            dialog.show_error(message)
        elif self.screen.staff is not None:
            self.screen.notify(message)
        QApplication.beep()
        self.refused.emit(message)

    def sale_in_front(self) -> None:
        """Every dialog has closed: the products kept meanwhile go into the sale, in the order scanned."""
        waiting, self._waiting = self._waiting, []
        for add in waiting:
            add()
        if waiting:
            self.applied.emit(len(waiting))
