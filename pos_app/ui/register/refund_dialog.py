"""Refunds: find the sale by its receipt (scan or type), pick lines and quantities and why, cash or back to the
card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hardware.codes.receipt_code import is_receipt_code, parse_receipt_code
from pos_app.domain.reason_codes import REFUND_REASON_LABELS
from pos_app.domain.refund import plan_refund
from pos_app.domain.tenders import CardTender
from pos_app.services.refunds import RefundService
from pos_app.ui.common.language import money
from pos_app.ui.common.widgets import TOUCH_HEIGHT, ReasonChoice, touch_button
from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.tasks import message_of

COLUMNS = ("Item", "Sold", "Refunded", "Refund", "Damaged")  # headers: RefundDialog._headers


class RefundDialog(PosDialog):
    def __init__(self, parent: QWidget | None, refunds: RefundService, *, card_enabled: bool,
                 on_refund: Callable[[str, dict, dict, str, str], None]) -> None:
        """``on_refund(number, quantities, restock, method, reason_code)``."""
        super().__init__(parent, self.tr("Refund"), width=900)
        self._refunds = refunds
        self._card_enabled = card_enabled
        self._on_refund = on_refund
        self.order = None
        self._done: dict = {}
        self.number_field = QLineEdit(placeholderText=self.tr("Scan the receipt's code, or type its number"),
                                      objectName="ReceiptField")
        self.number_field.returnPressed.connect(self.find)
        find = touch_button(self.tr("Find sale"))
        find.clicked.connect(self.find)
        top = QHBoxLayout()
        top.addWidget(self.number_field, 1)
        top.addWidget(find)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(self._headers())
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Tick Damaged for items that must not go back on the shelf."))
        self.cash_choice = QRadioButton(self.tr("Cash"))
        self.card_choice = QRadioButton(self.tr("Back to the original card"))
        self.cash_choice.setChecked(True)
        self.card_choice.setEnabled(False)
        methods = QHBoxLayout()
        methods.addWidget(QLabel(self.tr("Pay back by:")))
        methods.addWidget(self.cash_choice)
        methods.addWidget(self.card_choice)
        methods.addStretch(1)
        self.total_label = QLabel(objectName="DueValue", alignment=Qt.AlignmentFlag.AlignRight)
        methods.addWidget(self.total_label)
        self.reason = ReasonChoice(REFUND_REASON_LABELS, prompt=self.tr("Why is it coming back? Choose a reason…"))
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.reason)
        self.body.addLayout(methods)
        self.add_button(self.tr("Cancel"), self.reject)
        self.refund_button = self.add_button(self.tr("Refund", "button"), self.confirm, primary=True)
        self.refund_button.setEnabled(False)
        self.cash_choice.toggled.connect(self._preview)
        self.number_field.setFocus()

    def find(self) -> None:
        self.clear_error()
        number = self.number_field.text().strip()
        if is_receipt_code(number):
            number = parse_receipt_code(number).text
            self.number_field.setText(number)
        if not number:
            return
        try:
            self.order, done = self._refunds.find_order(number)
            self._done = done
        except Exception as error:
            self.order = None
            self.table.setRowCount(0)
            self.refund_button.setEnabled(False)
            self.show_error(message_of(error))
            return
        self.table.setRowCount(len(self.order.lines))
        self.spins: list[QSpinBox] = []
        self.damaged: list[QCheckBox] = []
        for row, line in enumerate(self.order.lines):
            left = line.quantity - done.get(line.line_id, 0)
            self.table.setItem(row, 0, QTableWidgetItem(f"{line.name}  ({money(line.unit_price)})"))
            self.table.setItem(row, 1, QTableWidgetItem(str(line.quantity)))
            self.table.setItem(row, 2, QTableWidgetItem(str(done.get(line.line_id, 0))))
            spin = QSpinBox(maximum=left)
            spin.setMinimumWidth(90)
            spin.setEnabled(left > 0)
            spin.valueChanged.connect(self._preview)
            damaged = QCheckBox()
            self.table.setCellWidget(row, 3, spin)
            self.table.setCellWidget(row, 4, damaged)
            self.spins.append(spin)
            self.damaged.append(damaged)
        paid_by_card = any(isinstance(t, CardTender) for t in self.order.tenders)
        self.card_choice.setEnabled(self._card_enabled and paid_by_card)
        (self.card_choice if self.card_choice.isEnabled() else self.cash_choice).setChecked(True)
        self._preview()

    def _headers(self) -> list[str]:
        return [self.tr("Item"), self.tr("Sold"), self.tr("Refunded"), self.tr("Refund", "column: how many to refund"),
                self.tr("Damaged")]

    def set_quantity(self, row: int, quantity: int, *, damaged: bool = False) -> None:
        self.spins[row].setValue(quantity)
        self.damaged[row].setChecked(damaged)

    def selection(self) -> tuple[dict, dict]:
        assert self.order is not None
        quantities, restock = {}, {}
        for line, spin, damaged in zip(self.order.lines, self.spins, self.damaged, strict=True):
            if spin.value():
                quantities[line.line_id] = spin.value()
                restock[line.line_id] = not damaged.isChecked()
        return quantities, restock

    def _preview(self) -> None:
        if self.order is None:
            return
        quantities, restock = self.selection()
        self.refund_button.setEnabled(bool(quantities))
        if not quantities:
            self.total_label.setText("")
            return
        self.clear_error()
        try:  # the same rules as the refund itself, on the order already loaded: no reading per click
            refund = plan_refund(self.order, quantities, self._done, restock=restock)
        except Exception as error:
            self.show_error(message_of(error))
            return
        amount = refund.cash_total() if self.cash_choice.isChecked() else refund.total
        self.total_label.setText(self.tr("To pay back: {amount}").format(amount=money(amount)))

    def confirm(self) -> None:
        if self.reason.code is None:
            self.show_error(self.tr("Choose why the items are coming back, then tap Refund."))
            return
        quantities, restock = self.selection()
        method = "cash" if self.cash_choice.isChecked() else "card"
        self._on_refund(self.order.order_number, quantities, restock, method, self.reason.code)
