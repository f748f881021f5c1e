"""Receiving: the store's purchase orders and shipping notices; open one, scan what came (items, cases, GS1-128
case labels), type quantities, settle the discrepancies, and finish: the stock is on hand here at once and goes to
the hub through the outbox.

Confirmations (more than ordered, receiving an item that was not ordered, finishing) are asked in a bar above the
lines, not in a modal dialog, so a scan that comes meanwhile is never lost: it is refused with a sentence until the
question is answered.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.domain.receiving import REASON_LABELS, OverReceipt, ReceivingDraft, ReceivingLine
from pos_app.ui.backoffice.receiving_lines import headers as line_headers
from pos_app.ui.backoffice.receiving_lines import line_row as _row
from pos_app.ui.backoffice.receiving_lines import lines_table, relabel_reasons, show_all
from pos_app.ui.backoffice.receiving_orders import OrdersPage
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.words import number
from pos_app.ui.common.widgets import ReasonChoice, touch_button
from pos_app.ui.tasks import message_of
from sync.mutations.reasons import DiscrepancyReason


class ReceivingTab(BackOfficeTab):
    key = "receiving"
    title = QT_TRANSLATE_NOOP("BackOfficeTabs", "Receiving")

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._order_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._pending: Callable[[], None] | None = None
        self.order_ids: list[uuid.UUID] = []
        self.retranslate()

    def retranslate(self) -> None:
        texts = (self.tr("No, go back"), self.tr("Set quantity"), self.tr("Receive item"), self.tr("Reject item"),
                 self.tr("Selected line:"), self.tr("Back to the list"), self.tr("Print summary"),
                 self.tr("Print shelf labels"), self.tr("Finish receiving"))
        for widget, text in zip((self.confirm_no, self.quantity_button, self.receive_button, self.reject_button,
                                 self.selected_label, self.back_button, self.summary_button, self.labels_button,
                                 self.finish_button), texts, strict=True):
            widget.setText(text)
        self.quantity_field.setPlaceholderText(self.tr("Quantity"))
        relabel_reasons(self.reason_choice, self.tr("No reason"))
        self.lines_table.set_headers(line_headers())
        if self.draft is not None and self.pages.currentIndex() == 1:
            self.show_lines()

    # --- pages ------------------------------------------------------------------------------------------------

    def _list_page(self) -> QWidget:
        self.orders_page = page = OrdersPage()
        self.orders_table, self.open_button = page.table, page.open_button
        self.orders_table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        page.refresh_button.clicked.connect(self.refresh)
        return page

    def _order_page(self) -> QWidget:
        page = QWidget()
        self.heading = QLabel(objectName="ScreenTitle", wordWrap=True)
        self.totals = QLabel(wordWrap=True)
        self.lines_table = lines_table()
        self.lines_table.itemSelectionChanged.connect(self._line_chosen)
        self.confirm_text = QLabel(objectName="ConfirmText", wordWrap=True)
        self.confirm_yes = touch_button("", primary=True)
        self.confirm_yes.clicked.connect(self.confirm)
        self.confirm_no = touch_button("")
        self.confirm_no.clicked.connect(self.cancel_confirmation)
        self.confirm_bar = QWidget(objectName="ConfirmBar")
        bar = QHBoxLayout(self.confirm_bar)
        bar.addWidget(self.confirm_text, 1)
        bar.addWidget(self.confirm_no)
        bar.addWidget(self.confirm_yes)
        self.confirm_bar.hide()

        self.quantity_field = QLineEdit(objectName="ReceivingQuantity")
        self.quantity_field.setMaximumWidth(140)
        self.quantity_field.returnPressed.connect(self.set_quantity)
        self.quantity_button = touch_button("")
        self.quantity_button.clicked.connect(self.set_quantity)
        self.reason_choice = ReasonChoice(REASON_LABELS, prompt="No reason")
        self.reason_choice.activated.connect(lambda _index: self.set_reason())
        self.receive_button = touch_button("")
        self.receive_button.clicked.connect(lambda: self.decide(receive=True))
        self.reject_button = touch_button("")
        self.reject_button.clicked.connect(lambda: self.decide(receive=False))
        line_row = QHBoxLayout()
        self.selected_label = QLabel()
        for widget in (self.selected_label, self.quantity_field, self.quantity_button, self.reason_choice,
                       self.receive_button, self.reject_button):
            line_row.addWidget(widget)
        line_row.addStretch(1)

        self.back_button = touch_button("")
        self.back_button.clicked.connect(self.back_to_list)
        self.summary_button = touch_button("")
        self.summary_button.clicked.connect(self.print_summary)
        self.labels_button = touch_button("")
        self.labels_button.clicked.connect(self.print_labels)
        self.finish_button = touch_button("", primary=True)
        self.finish_button.clicked.connect(self.finish)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addStretch(1)
        for widget in (self.summary_button, self.labels_button, self.finish_button):
            actions.addWidget(widget)

        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addWidget(self.totals)
        layout.addWidget(self.confirm_bar)
        layout.addWidget(self.lines_table, 1)
        layout.addLayout(line_row)
        layout.addLayout(actions)
        self.setTabOrder(self.quantity_field, self.quantity_button)
        self.setTabOrder(self.quantity_button, self.reason_choice)
        self.setTabOrder(self.reason_choice, self.finish_button)
        return page

    @property
    def service(self):
        return self.t.backoffice.receiving

    @property
    def draft(self) -> ReceivingDraft | None:
        return self.service.draft

    # --- the list ---------------------------------------------------------------------------------------------

    def begin(self, staff) -> None:
        super().begin(staff)
        self.back_to_list()

    def refresh(self) -> None:
        orders = self.service.orders()
        self.order_ids = [order.id for order in orders]
        self.orders_page.show_orders(orders)
        if orders:
            self.orders_table.selectRow(0)

    def open_selected(self) -> None:
        row = self.orders_table.currentRow()
        if row < 0 or row >= len(self.order_ids):
            self.say(self.tr("Tap a purchase order in the list first, then Open."), "warning")
            return
        self.open_order(self.order_ids[row])

    def open_order(self, order_id: uuid.UUID) -> None:
        try:
            self.service.open(order_id, self.staff)
        except Exception as error:
            self.say(message_of(error))
            return
        self.pages.setCurrentIndex(1)
        self.show_lines()
        self.say(self.tr("Receiving {order}. Scan items, cases or case labels.").format(order=self.draft.po_number),
                 "info")

    def back_to_list(self) -> None:
        self.cancel_confirmation()
        self.service.close()
        self.pages.setCurrentIndex(0)
        self.refresh()

    # --- scans and line changes -------------------------------------------------------------------------------

    def handle_scan(self, result: ScanResult, *, confirm_over: bool = False) -> None:
        if result.kind not in (ScanKind.GTIN, ScanKind.GS1, ScanKind.SSCC):
            self.say(self.not_a_product(result), "warning")
            return
        if self.draft is None:
            self.say(self.tr("Open a purchase order first: tap it in the list, then Open. Then scan."), "warning")
            return
        if self._pending is not None:
            self.say(self.tr("Answer the question above first (Yes or No), then scan again."), "warning")
            return
        try:
            outcome = self.service.scan(result, confirm_over=confirm_over)
        except OverReceipt as over:
            self._ask(over.message, self._extra(over), lambda: self.handle_scan(result, confirm_over=True))
            return
        except Exception as error:
            self.say(message_of(error))
            return
        line = outcome.line
        self.show_lines(select=line)
        if line.not_on_order and line.decision is None:
            self.say(self.tr("{name} is not on this order. Receive it or reject it (buttons below).").format(
                name=line.name), "warning")
        elif outcome.lot_flagged:
            self.say(self.tr("{name}: lot {lot} is not the lot on the shipping notice ({expected}). It is received "
                             "and flagged.").format(name=line.name, lot=line.lots[-1].batch_lot,
                                                    expected=line.asn_lot), "warning")
        else:
            self.say(self.tr("{name}: +{added}, {received} of {expected}.").format(
                name=line.name, added=number(outcome.added), received=number(line.quantity),
                expected=number(line.expected)), "success")

    def _extra(self, over: OverReceipt) -> str:
        return self.tr("Yes, receive {count} extra").format(count=number(over.units - over.line.expected))

    def set_quantity(self, *, confirm_over: bool = False) -> None:
        line = self.selected_line()
        text = self.quantity_field.text().strip()
        if line is None:
            return
        if not text.isdigit():
            self.say(self.tr("Type the quantity received as a whole number, like 12, then Set quantity."), "warning")
            return
        try:
            self.service.type_quantity(line.line_id, int(text), confirm_over=confirm_over)
        except OverReceipt as over:
            self._ask(over.message, self._extra(over), lambda: self.set_quantity(confirm_over=True))
            return
        except Exception as error:
            self.say(message_of(error))
            return
        self.show_lines(select=line)

    def set_reason(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        code = self.reason_choice.code
        self.service.set_reason(line.line_id, DiscrepancyReason(code) if code else None)
        self.show_lines(select=line)

    def decide(self, *, receive: bool) -> None:
        line = self.selected_line()
        if line is None:
            return
        if not line.not_on_order:
            self.say(self.tr("{name} is on the order; type its quantity instead.").format(name=line.name), "warning")
            return
        if receive:
            self._ask(self.tr("Receive {count} × {name}, which was not ordered? It goes into stock and the hub records "
                              "it as not ordered.").format(count=number(line.quantity), name=line.name),
                      self.tr("Yes, receive it"), lambda: self._decide(line, True))
        else:
            self._decide(line, False)

    def _decide(self, line: ReceivingLine, receive: bool) -> None:
        self.service.decide(line.line_id, receive=receive)
        self.show_lines(select=line)

    # --- finishing and printing -------------------------------------------------------------------------------

    def finish(self) -> None:
        draft = self.draft
        if draft is None:
            return
        issues = draft.discrepancies()
        summary = (self.tr("Finish receiving {order}: {units} units, {count} line(s) with a discrepancy.") if issues
                   else self.tr("Finish receiving {order}: {units} units, all as ordered.")).format(
            order=draft.po_number, units=number(draft.units), count=number(len(issues)))
        self._ask(summary + " " + self.tr("This cannot be undone here."), self.tr("Yes, finish"), self._finish)

    def _finish(self) -> None:
        try:
            finished = self.service.finish(self.staff)
        except Exception as error:
            self.say(message_of(error))
            return
        self.pages.setCurrentIndex(0)
        self.refresh()
        self.say(self.tr("Received {units} units. The stock is on hand now; the hub gets it with the next sync.")
                 .format(units=number(finished.units)), "success")

    def print_summary(self) -> None:
        self._printed(self.service.print_summary())

    def print_labels(self) -> None:
        self._printed(self.service.print_labels())

    def _printed(self, outcome) -> None:
        self.say(outcome.message or self.tr("Printed."), "success" if outcome.ok else "warning")

    # --- confirmations ----------------------------------------------------------------------------------------

    def _ask(self, question: str, yes: str, then: Callable[[], None]) -> None:
        self._pending = then
        self.confirm_text.setText(question)
        self.confirm_yes.setText(yes)
        self.confirm_bar.show()
        self.confirm_yes.setFocus()

    def confirm(self) -> None:
        then, self._pending = self._pending, None
        self.confirm_bar.hide()
        if then is not None:
            then()

    def cancel_confirmation(self) -> None:
        self._pending = None
        self.confirm_bar.hide()

    # --- showing ----------------------------------------------------------------------------------------------

    def show_lines(self, select: ReceivingLine | None = None) -> None:
        draft = self.draft
        if draft is None:
            return
        self.heading.setText(self.tr("Receiving {order}").format(order=draft.po_number))
        expected = sum(line.expected for line in draft.lines)
        self.totals.setText(self.tr("{received} of {expected} units received · {lines} lines · {issues} with a "
                                    "discrepancy").format(received=number(draft.units), expected=number(expected),
                                                          lines=number(len(draft.lines)),
                                                          issues=number(len(draft.discrepancies()))))
        if select is not None and self.lines_table.rowCount() == len(draft.lines):
            self.lines_table.update_row(select.position, _row(select))  # one scan, one row: fast on 500 lines
        else:
            show_all(self.lines_table, draft)
        if select is not None:
            row = select.position
            self.lines_table.selectRow(row)
            self.lines_table.scrollTo(self.lines_table.model().index(row, 0))

    def selected_line(self) -> ReceivingLine | None:
        row = self.lines_table.currentRow()
        if self.draft is None or row < 0 or row >= len(self.draft.lines):
            self.say(self.tr("Tap a line first, then change it."), "warning")
            return None
        return self.draft.lines[row]

    def _line_chosen(self) -> None:
        row = self.lines_table.currentRow()
        if self.draft is None or not 0 <= row < len(self.draft.lines):
            return
        line = self.draft.lines[row]
        self.quantity_field.setText(str(line.quantity))
        if line.reason:
            self.reason_choice.choose(line.reason.value)
        else:
            self.reason_choice.setCurrentIndex(0)
        self.receive_button.setEnabled(line.not_on_order)
        self.reject_button.setEnabled(line.not_on_order)
