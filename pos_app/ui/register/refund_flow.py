"""Giving money back: a refund of some lines of an earlier sale (F9), or a void of a sale of this shift (F10).

Both need a manager. A card refund or a void of a card sale goes through the card terminal in the background.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos_app.domain.tenders import CardTender
from pos_app.ui.common.language import money
from pos_app.ui.register.refund_dialog import RefundDialog
from pos_app.ui.register.simple_dialogs import VoidDialog
from pos_app.ui.tasks import message_of, run_in_background

if TYPE_CHECKING:
    from pos_app.ui.register.register_screen import RegisterScreen


class RefundFlow(QObject):
    refunded = Signal(object)  # pos_app.domain.refund.Refund, saved and queued for the hub
    voided = Signal(object)  # the voided pos_app.domain.order.Order
    failed = Signal(str)  # the sentence a refund or a void was refused with

    def __init__(self, screen: RegisterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.t = screen.t

    def receipt_scanned(self, number: str) -> None:
        """A receipt goes to the refund or void on screen; with the sale in front, it opens that sale's refund."""
        dialog = self.screen.dialog
        if isinstance(dialog, RefundDialog):
            dialog.number_field.setText(number)
            dialog.find()
        elif isinstance(dialog, VoidDialog):
            dialog.number_field.setText(number)
        else:  # any other dialog refuses it first (scan_routing)
            self.refund(number)

    # --- refunds -------------------------------------------------------------------------------------------

    def refund(self, number: str | None = None) -> None:
        screen = self.screen
        if self.t.sales.has_open_sale:
            screen.notify(self.tr("Finish or park the sale on screen before a refund."))
            return
        dialog = RefundDialog(screen, self.t.refunds, card_enabled=self.t.card_payments is not None,
                              on_refund=lambda *args: screen.supervised(
                                  f"refund {args[0]}", self.tr("A refund needs a manager's approval."),
                                  lambda approver: self._refund(dialog, approver, *args)))
        screen.show_dialog(dialog)
        if number:
            dialog.number_field.setText(number)
            dialog.find()

    def _refund(self, dialog: RefundDialog, approver, number: str, quantities, restock, method: str,
                reason: str) -> None:
        screen, refunds = self.screen, self.t.refunds
        refund_id = uuid.uuid4()

        def record(card_approval=None) -> None:
            try:
                refund = refunds.refund(number, quantities, staff=screen.staff, approver=approver, method=method,
                                        restock=restock, reason_code=reason, card_approval=card_approval,
                                        refund_id=refund_id)
            except Exception as error:  # the button stays off: a card refund already paid must not go twice
                dialog.show_error(message_of(error))
                self.failed.emit(message_of(error))
                return
            dialog.accept()
            amount = refund.cash_total() if method == "cash" else refund.total
            text = (self.tr("Refunded {amount} on sale {number} (cash).") if method == "cash"
                    else self.tr("Refunded {amount} on sale {number} (to the card).")).format(
                amount=money(amount), number=number)
            screen.notify(text, kind="success")
            order, staff_name = dialog.order, screen.staff.name
            screen.checkout.print_job(lambda: self.t.printing.print_refund(refund, order, staff_name,
                                                                           open_drawer=method == "cash"), text)
            self.refunded.emit(refund)

        def refused(error: Exception) -> None:
            dialog.refund_button.setEnabled(True)
            dialog.show_error(message_of(error))
            self.failed.emit(message_of(error))

        if method == "cash":
            record()
            return
        try:
            amount = refunds.preview(number, quantities, restock=restock).total
        except Exception as error:
            refused(error)
            return
        cards = self.t.card_payments
        assert cards is not None
        dialog.refund_button.setEnabled(False)
        dialog.show_error(self.tr("Follow the card terminal: the refund is on its way to the customer's card…"))
        run_in_background(lambda: cards.refund_to_card(refund_id, amount), record, refused, owner=self)

    # --- voids ---------------------------------------------------------------------------------------------

    def void_sale(self) -> None:
        screen = self.screen
        if self.t.sales.has_open_sale:
            screen.notify(self.tr("Finish or park the sale on screen before voiding another one."))
            return
        last = screen.last_order.order_number if screen.last_order else None
        dialog = VoidDialog(screen, last_number=last, on_void=lambda number: screen.supervised(
            f"void {number}", self.tr("Voiding a sale needs a manager's approval."),
            lambda approver: self._void(dialog, approver, number)))
        screen.show_dialog(dialog)

    def _void(self, dialog: VoidDialog, approver, number: str) -> None:
        screen = self.screen
        dialog.void_button.setEnabled(False)
        shift_id = screen.shift.id if screen.shift else None
        staff = screen.staff

        def done(order) -> None:
            dialog.accept()
            # What the customer paid, cash rounding included: a $4.46 sale paid $4.45 in cash gets $4.45 back.
            screen.notify(self.tr("Sale {number} is voided: {amount} goes back the way it was paid.").format(
                number=number, amount=money(order.amount_paid)), kind="success")
            if any(not isinstance(t, CardTender) for t in order.tenders):
                screen.checkout.print_job(
                    lambda: self.t.printing.open_drawer(staff, reason="void", approver=approver),
                    self.tr("Sale {number} voided.").format(number=number))
            self.voided.emit(order)

        def failed(error: Exception) -> None:
            dialog.void_button.setEnabled(True)
            dialog.show_error(message_of(error))
            self.failed.emit(message_of(error))

        run_in_background(lambda: self.t.voids.void(number, staff=staff, approver=approver,
                                                    current_shift_id=shift_id, reason=dialog.reason),
                          done, failed, owner=self)
