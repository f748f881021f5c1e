"""Low stock, opened from the Stock tab: products at or below their reorder point with a suggested order, ticked
by default; "Request draft order" asks head office for a draft purchase order of the ticked lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos_app.services.low_stock import LowStockRow
from pos_app.ui.backoffice.words import number
from pos_app.ui.common.widgets import TOUCH_MINIMUM, touch_button
from pos_app.ui.tasks import message_of

COLUMNS = 6
QUANTITY = 5


class LowStockDialog(QDialog):
    message = Signal(str, str)

    def __init__(self, terminal, staff, parent=None) -> None:
        super().__init__(parent, objectName="LowStockDialog")
        self.setWindowTitle(self.tr("Low stock"))
        self.t, self.staff = terminal, staff
        self.rows: list[LowStockRow] = terminal.backoffice.low_stock.rows()
        self.heading = QLabel(self.tr("{count} products at or below their reorder point").format(
            count=number(len(self.rows))) if self.rows else self.tr("Nothing is below its reorder point."),
            objectName="ScreenTitle")
        self.table = QTableWidget(len(self.rows), COLUMNS, objectName="LowStockTable")
        self.table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Product"), self.tr("SKU"),
                                              self.tr("Available"), self.tr("Reorder point"),
                                              self.tr("Units to order")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_MINIMUM)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(self.rows):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(r, 0, tick)
            for c, value in ((1, row.name), (2, row.sku), (3, number(row.available)), (4, number(row.reorder_point))):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if c >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            units = QTableWidgetItem(str(row.suggested))
            units.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, QUANTITY, units)
        self.request_button = touch_button(self.tr("Request draft order"), primary=True)
        self.request_button.setEnabled(bool(self.rows))
        self.request_button.clicked.connect(self.request)
        self.close_button = touch_button(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.request_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(QLabel(self.tr("Untick what you do not want, or change the units; head office gets a draft "
                                        "purchase order to review and send."), wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 600)

    def chosen(self) -> list[tuple[str, int]] | None:
        """(SKU, units) of the ticked lines; None (and a sentence) when a quantity is not a whole number."""
        lines = []
        for r, row in enumerate(self.rows):
            if self.table.item(r, 0).checkState() != Qt.CheckState.Checked:
                continue
            text = self.table.item(r, QUANTITY).text().strip()
            if not text.isdigit():
                self.message.emit(self.tr("“{text}” is not a number of units for {name}. Type a whole number.").format(
                    text=text, name=row.name), "error")
                return None
            lines.append((row.sku, int(text)))
        return lines

    def request(self) -> None:
        lines = self.chosen()
        if lines is None:
            return
        try:
            self.t.backoffice.low_stock.request_draft(lines, self.staff)
        except Exception as error:
            self.message.emit(message_of(error), "error")
            return
        units = sum(quantity for _sku, quantity in lines)
        self.message.emit(self.tr("Asked head office for a draft purchase order: {products} products, {units} units. "
                                  "It goes with the next sync.").format(products=number(len(lines)),
                                                                         units=number(units)), "success")
        self.accept()
