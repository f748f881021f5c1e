"""The kiosk tickets waiting at the counter: pick one (or type its number, or scan its QR code) to ring it up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from pos_app.services.clock import StoreClock
from pos_app.services.kiosk_tickets import TicketSummary
from pos_app.ui.common.language import items_text, money
from pos_app.ui.common.widgets import TOUCH_HEIGHT
from pos_app.ui.register.dialogs import PosDialog

EMPTY = QT_TRANSLATE_NOOP("KioskTicketsDialog",
                          "No kiosk tickets are waiting. A ticket shows here as soon as a customer sends it from a "
                          "kiosk.")


class KioskTicketsDialog(PosDialog):
    def __init__(self, parent: QWidget | None, tickets: list[TicketSummary], *, clock: StoreClock,
                 on_load: Callable[[str], None]) -> None:
        super().__init__(parent, self.tr("Kiosk tickets"), width=640)
        self._clock = clock
        self._on_load = on_load
        self._shown: list | None = None
        self.lead = QLabel(objectName="DialogLead", wordWrap=True)
        self.list = QListWidget(objectName="TicketList")
        # A double tap loads; Enter reaches the dialog's submit (the list lets it through), so it is not hooked here.
        self.list.itemDoubleClicked.connect(lambda item: self._on_load(item.data(256).number))
        self.number_field = QLineEdit(placeholderText=self.tr("Ticket number, e.g. K-3001, or scan the ticket's "
                                                              "QR code"),
                                      objectName="TicketNumberField")
        self.body.addWidget(self.lead)
        self.body.addWidget(self.list, 1)
        self.body.addWidget(self.number_field)
        self.add_button(self.tr("Close"), self.reject, key="Esc")
        self.load_button = self.add_button(self.tr("Load ticket"), self.load_chosen, primary=True, key="Enter")
        self.submit = self.load_chosen
        self.number_field.textChanged.connect(self._enable_load)
        self.set_tickets(tickets)

    @property
    def tickets(self) -> list[TicketSummary]:
        return [self.list.item(row).data(256) for row in range(self.list.count())]

    def set_tickets(self, tickets: list[TicketSummary]) -> None:
        """Show these (oldest first: the customer who has waited longest), keeping the one chosen if it is there."""
        shown = [t.ticket_id for t in tickets]
        if shown == self._shown:
            return  # the list refreshes every second: leave it alone, and the cashier's choice with it
        self._shown = shown
        chosen = self.list.currentItem().data(256).ticket_id if self.list.currentItem() else None
        self.list.clear()
        for ticket in tickets:
            item = QListWidgetItem(self.tr("{number}   ·   {items}   ·   {total}   ·   sent at {time}").format(
                number=ticket.number, items=items_text(ticket.items), total=money(ticket.total),
                time=self._clock.time(ticket.created_at)))
            item.setData(256, ticket)
            item.setSizeHint(QSize(0, TOUCH_HEIGHT))  # a fingertip, with or without the stylesheet
            self.list.addItem(item)
            if ticket.ticket_id == chosen or (chosen is None and self.list.count() == 1):
                self.list.setCurrentItem(item)
        waiting = len(tickets)
        self.lead.setText(self.tr(EMPTY) if not waiting else
                          self.tr("{count} waiting, oldest first. Prices are this register's, taxes included; the "
                                  "kiosk's were an estimate.").format(count=waiting))
        self._enable_load()

    def _enable_load(self) -> None:
        self.load_button.setEnabled(self.list.count() > 0 or bool(self.number_field.text().strip()))

    def load_chosen(self) -> None:
        """The typed number if there is one, otherwise the ticket chosen in the list."""
        self.clear_error()
        typed = self.number_field.text().strip()
        if typed:
            self._on_load(typed)
        elif self.list.currentItem() is not None:
            self._on_load(self.list.currentItem().data(256).number)
        else:
            self.show_error(self.tr("Choose a ticket in the list, or type its number."))
