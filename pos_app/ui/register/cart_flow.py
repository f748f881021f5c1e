"""Changing the cart: quantity (F3), remove (F4), item and cart discounts (F5, F6), a discount code (Shift+F6),
park and resume (F8)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pos_app.domain.errors import DiscountOverCap
from pos_app.domain.money import Money
from pos_app.services.staff import StaffMember
from pos_app.ui.register.code_dialog import CodeDialog
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog, QuantityDialog
from pos_app.ui.tasks import message_of

if TYPE_CHECKING:
    from pos_app.ui.register.register_screen import RegisterScreen


class CartFlow(QObject):
    def __init__(self, screen: RegisterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.t = screen.t

    def _line_or_notice(self):
        line = self.screen.panel.selected_line() if self.t.sales.has_open_sale else None
        if line is None:
            self.screen.notify(self.tr("Scan an item first, then choose it in the cart."), kind="info")
        return line

    def change_quantity(self) -> None:
        line = self._line_or_notice()
        if line is None:
            return

        def set_quantity(quantity: int) -> None:
            try:
                self.t.sales.set_quantity(line.line_id, quantity)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            self.screen.panel.warn_unsellable(line.line_id)  # more than the stock holds: said at once

        dialog = QuantityDialog(self.screen, line.product.name, line.quantity, set_quantity)
        self.screen.show_dialog(dialog)

    def remove_line(self) -> None:
        line = self._line_or_notice()
        if line is None:
            return
        ticket = self.t.sales.sale.kiosk_ticket
        try:
            self.t.sales.remove_line(line.line_id)
        except Exception as error:
            self.screen.notify(message_of(error))
            return
        self.screen.panel.refresh()
        if ticket is not None and not self.t.sales.has_open_sale:  # the last line of a kiosk ticket's sale went
            self.screen.notify(self.tr("Ticket {number} is cancelled: the customer takes none of it, and its items "
                                       "are free for other customers again.").format(number=ticket.number),
                               kind="info")
            self.screen.tickets.refresh()
            return
        self.screen.panel.warn_unsellable()  # the next line that can't be sold, if any; else the old error goes

    def discount_line(self) -> None:
        line = self._line_or_notice()
        if line is not None:
            self._discount(f"{line.product.name}", lambda approver, percent, amount, reason: self.t.sales.discount_line(
                line.line_id, percent=percent, amount=amount, approver=approver, reason=reason))

    def discount_cart(self) -> None:
        if not self.t.sales.has_open_sale:
            self.screen.notify(self.tr("Scan items before giving a cart discount."), kind="info")
            return
        self._discount("whole cart", shown=self.tr("whole cart"),
                       apply=lambda approver, percent, amount, reason: self.t.sales.discount_cart(
                           percent=percent, amount=amount, approver=approver, reason=reason))

    def enter_code(self) -> None:
        """The customer's discount code: the promotions re-price the sale with it, or the dialog says why not."""
        if not self.t.sales.has_open_sale:
            self.screen.notify(self.tr("Scan items before entering a discount code."), kind="info")
            return
        sale = self.t.sales.sale

        def apply(code: str) -> str | None:
            refusal = self.t.sales.enter_code(code)
            if refusal is None:
                self.screen.panel.refresh()
                self.screen.notify(self.tr("Code {code} applied.").format(code=code.strip().upper()), kind="info")
            return refusal

        codes = sale.promotions.codes if sale.promotions is not None else ()
        self.screen.show_dialog(CodeDialog(self.screen, codes_on_sale=codes, on_apply=apply))

    def _discount(self, target: str, apply, shown: str | None = None) -> None:
        """``target``: what the discount is on, as the audit records it; ``shown``: as the dialog says it."""
        screen = self.screen

        def attempt(percent: Decimal | None, amount: Money | None, reason: str | None) -> None:
            try:
                apply(None, percent, amount, reason)
            except DiscountOverCap as over:
                what = f"{percent}%" if percent is not None else str(amount)

                def approved(approver: StaffMember) -> None:
                    try:
                        apply(approver, percent, amount, reason)
                    except Exception as error:  # over even the manager's cap
                        screen.notify(message_of(error))
                    screen.panel.refresh()

                dialog.accept()
                screen.show_dialog(OverrideDialog(screen, self.t.login, action=f"discount {what} on {target}",
                                                  reason=over.message, on_approved=approved))
                return
            dialog.accept()

        dialog = DiscountDialog(screen, target=shown or target, on_apply=attempt)
        screen.show_dialog(dialog)

    def park_or_resume(self) -> None:
        screen, sales = self.screen, self.t.sales

        def park(label: str) -> None:
            try:
                info = sales.park(label)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            screen.notify(self.tr("Parked: {label}. Resume it with F8.").format(label=info.label), kind="info")

        def resume(info) -> None:
            try:
                missing = sales.resume(info.id)
            except Exception as error:
                dialog.show_error(message_of(error))
                return
            dialog.accept()
            if missing:
                screen.notify(self.tr("These items can no longer be sold and were left out: {items}.").format(
                    items=", ".join(missing)))
            else:
                screen.panel.warn_unsellable()  # stock may have gone while it was parked

        dialog = ParkedSalesDialog(screen, sales.parked(), can_park=sales.has_open_sale, on_park=park,
                                   on_resume=resume, clock=self.t.store_clock)
        screen.show_dialog(dialog)
