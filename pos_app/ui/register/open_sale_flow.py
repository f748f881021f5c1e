"""The sale in progress across closes and crashes: the register opens on the sale its till left unfinished,
the window does not close on card money without asking, and card payments with no sale are raised with the
manager, who can void them from here."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos_app.domain.money import sum_money
from pos_app.services.staff import StaffMember
from pos_app.ui.common.language import items_text, money
from pos_app.ui.register.card_money_dialog import CardMoneyDialog
from pos_app.ui.tasks import message_of, run_in_background

if TYPE_CHECKING:
    from pos_app.domain.open_sale import RestoredSale
    from pos_app.services.card_recovery import UnsettledCard
    from pos_app.ui.register.register_screen import RegisterScreen

log = logging.getLogger(__name__)


class OpenSaleFlow(QObject):
    cards_voided = Signal(object)  # the list of CardApproval reversed at the terminal and taken off the sale
    void_failed = Signal(str)  # the sentence the reversal was refused with
    unsettled_found = Signal(object)  # the list of UnsettledCard the manager is alerted about
    unsettled_voided = Signal(object)  # the UnsettledCard a manager voided

    def __init__(self, screen: RegisterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.t = screen.t

    def resume(self, staff: StaffMember) -> RestoredSale | None:
        """The till's unfinished sale, brought back, or a new one. A card request a crash left unanswered is
        settled first (the terminal is only asked when there is one), so its approval comes back on the sale."""
        try:
            self.t.card_recovery.settle_pending()
        except Exception:  # the terminal is asked again at the next start; the sale comes back regardless
            log.exception("Card requests left unanswered could not be settled")
        return self.t.sales.recover(staff)

    def restored_notice(self, restored: RestoredSale) -> str:
        sale = restored.sale
        text = self.tr("The sale left open at this till is back: {items}, {total}.").format(
            items=items_text(sale.totals.item_count), total=money(sale.totals.total))
        if sale.tenders:
            text += " " + self.tr("Payments already taken: {amount}.").format(
                amount=money(sale.payment_status().paid))
        if restored.missing:
            text += " " + self.tr("These items can no longer be sold and were left out: {items}.").format(
                items=", ".join(restored.missing))
        if restored.refused:
            text += " " + self.tr("{amount} taken earlier does not fit the sale any more; a manager will see it "
                                  "among the card payments with no sale.").format(
                amount=money(sum_money(t.amount for t in restored.refused)))
        return text

    # --- card money on the open sale ----------------------------------------------------------------------

    def ask_about_cards(self, *, reason: str, then_close=None) -> bool:
        """Show the choice when card money is on the sale; False when there is none."""
        cards = self.t.sales.card_approvals
        if not cards:
            return False
        screen, payments = self.screen, self.t.card_payments
        if isinstance(screen.dialog, CardMoneyDialog):
            screen.dialog.raise_()
            return True
        if screen.dialog is not None:
            screen.dialog.reject()

        def finish() -> None:
            dialog.accept()
            screen.checkout.pay()

        def void() -> None:
            dialog.show_busy(self.tr("Asking the card terminal to reverse the card payments…"))
            run_in_background(lambda: payments.void_card_tenders(self.t.sales), voided, failed, owner=self)

        def voided(approvals) -> None:
            dialog.accept()
            screen.notify(self.tr("The card payments of {amount} were reversed: the money goes back to the "
                                  "customer's card. The items are still in the cart.").format(
                amount=money(sum_money(a.amount for a in approvals))), kind="info")
            self.cards_voided.emit(approvals)
            if then_close is not None:
                then_close()

        def failed(error: Exception) -> None:
            dialog.show_error(message_of(error))
            self.void_failed.emit(message_of(error))

        dialog = CardMoneyDialog(screen, cards, reason=reason, on_finish=finish, on_void=void,
                                 can_void=payments is not None)
        screen.show_dialog(dialog)
        return True

    # --- card payments with no sale -----------------------------------------------------------------------

    def check_unsettled(self) -> None:
        found = self.t.card_recovery.unsettled()
        if not found:
            return
        first = found[0]
        more = " " + self.tr("{count} more after this one.").format(count=len(found) - 1) if len(found) > 1 else ""
        self.screen.notify(first.sentence + more, kind="warning", action=self.tr("Void it (manager)"),
                           handler=lambda: self.void_unsettled(first))
        self.unsettled_found.emit(found)

    def void_unsettled(self, card: UnsettledCard) -> None:
        screen, recovery = self.screen, self.t.card_recovery
        staff = screen.staff

        def done(_none) -> None:
            screen.notify(self.tr("The card payment of {amount} was voided: the money goes back to the "
                                  "customer's card.").format(amount=money(card.amount)), kind="success")
            self.unsettled_voided.emit(card)
            self.check_unsettled()

        def failed(error: Exception) -> None:
            screen.notify(message_of(error), kind="warning", action=self.tr("Void it (manager)"),
                          handler=lambda: self.void_unsettled(card))
            self.void_failed.emit(message_of(error))

        screen.supervised(f"void the card payment of {card.amount}", self.tr("Voiding a card payment needs a manager."),
                          lambda approver: run_in_background(
                              lambda: recovery.void(card, staff=staff, approver=approver), done, failed, owner=self))
