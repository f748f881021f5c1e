"""Kiosk tickets at the register (Shift+F8): the count waiting on its button, the list, and loading one into the
sale, from the list, by its number or by scanning its QR code (which works with the hub away).

The count comes from the replica, which the sync puller fills by long-polling the hub: it is read again as soon
as a pull brings changes (``on_sync_progress``) and, for whatever else moves it (this till's own claims, a
second puller, tickets passing 24 hours), every second.

Loading re-prices every line at this register (``SaleService.load_ticket``), lets the usual stock check mark the
lines it can't cover, and claims the ticket in the same step. The age check and payment then go as for any sale;
completing the sale completes the ticket with its order, and emptying the cart abandons it (see selling.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from pos_app.domain.errors import DomainError
from pos_app.services.errors import ServiceError
from pos_app.services.kiosk_tickets import LoadedTicket
from pos_app.ui.common.badge import CountBadge
from pos_app.ui.common.language import items_text, money
from pos_app.ui.register.tickets_dialog import KioskTicketsDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from pos_app.ui.register.register_screen import RegisterScreen

REFRESH_MS = 1_000


class TicketsFlow(QObject):
    count_changed = Signal(int)  # tickets waiting at the counter now
    loaded = Signal(object)  # the LoadedTicket now in the sale, claimed
    refused = Signal(str)  # the sentence a ticket was refused with; nothing was loaded

    def __init__(self, screen: RegisterScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.t = screen.t
        self.badge: CountBadge | None = None
        self.count = 0
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)

    def attach(self, button: QPushButton) -> None:
        """Show the count on ``button`` and keep it up to date."""
        self.badge = CountBadge(button)
        self.refresh()
        self._timer.start()

    @Slot(str, int, int)
    def on_sync_progress(self, phase: str, _done: int, _total: int) -> None:
        """The sync worker pulled changes into the replica (queued to this thread): a ticket may have come."""
        if phase == "pull":
            self.refresh()

    def refresh(self) -> None:
        tickets = self.t.kiosk_tickets
        try:
            count = tickets.open_count()
            dialog = self.screen.dialog
            if isinstance(dialog, KioskTicketsDialog):
                dialog.set_tickets(tickets.open_tickets())
        except Exception:  # the replica is busy (a large pull): the next tick reads it again
            return
        if self.badge is not None:
            self.badge.set_count(count)
        if count != self.count:
            self.count = count
            self.count_changed.emit(count)

    # --- the list ------------------------------------------------------------------------------------------

    def show_list(self) -> None:
        dialog = KioskTicketsDialog(self.screen, self.t.kiosk_tickets.open_tickets(), clock=self.t.store_clock,
                                    on_load=self.load)
        self.screen.show_dialog(dialog)

    # --- loading -------------------------------------------------------------------------------------------

    def scanned(self, code: str) -> None:
        """A ticket's QR code, from the scan path (with the sale in front, or the list on screen)."""
        self.load(code, scanned=True)

    def load(self, number_or_code: str, *, scanned: bool = False) -> None:
        screen, sales, tickets = self.screen, self.t.sales, self.t.kiosk_tickets
        refusal = screen.panel.can_sell()
        if refusal is None and sales.has_open_sale:
            refusal = "A sale is on screen. Finish it, or park it (F8), then load the kiosk ticket."
        if refusal is None:
            try:
                ticket = tickets.load(number_or_code)
                codes_refused = sales.load_ticket(ticket, tickets)
            except (DomainError, ServiceError) as error:  # another store's, altered, too old, taken, over 30 g
                refusal = error.message
        if refusal is not None:
            self._refuse(refusal, scanned=scanned)
            return
        dialog = screen.dialog
        if isinstance(dialog, KioskTicketsDialog):
            dialog.accept()
        screen.panel.show_change(None)
        screen.panel.refresh()
        self._tell_loaded(ticket, codes_refused)
        self.refresh()
        screen.status_changed.emit()
        self.loaded.emit(ticket)

    def _tell_loaded(self, ticket: LoadedTicket, codes_refused: list[str]) -> None:
        sale = self.t.sales.sale
        totals = sale.totals
        text = self.tr("Ticket {number} is in the sale at this register's prices: {items}, {total}.").format(
            number=ticket.number, items=items_text(totals.item_count), total=money(totals.total))
        taken = [code for code in ticket.codes if code in (sale.promotions.codes if sale.promotions else ())]
        if taken:
            text += " " + self.tr("The customer's code {codes} is applied.").format(codes=", ".join(taken))
        text = " ".join([text, *(line.problem for line in ticket.lines if line.product is None and line.problem),
                         *codes_refused])
        marked = next(iter(sale.stock_problems.values()), None)  # out of stock or recalled: marked in the cart
        if marked is not None:
            self.screen.notify(f"{text} {marked}")
        else:
            self.screen.notify(text + " " + self.tr("Check the customer's ID, then pay (F12)."), kind="info")

    def _refuse(self, message: str, *, scanned: bool) -> None:
        dialog = self.screen.dialog
        if scanned:
            self.screen.routing.refuse(message)  # in the dialog or on the sale, with the sound
        elif dialog is not None:
            dialog.show_error(message)
        else:
            self.screen.notify(message)
        self.refused.emit(message)
