"""The register's selling area: scan-or-search field, notices, cart, totals and the 30 g meter."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.equivalency import POSSESSION_LIMIT_GRAMS
from pos_app.domain.errors import DomainError
from pos_app.domain.formatting import format_number
from pos_app.services.catalog_queries import CatalogQueries
from pos_app.services.errors import ServiceError
from pos_app.services.selling import SaleService
from pos_app.ui.register.cart_model import CartModel
from pos_app.ui.register.search_box import ScanSearchBox
from pos_app.ui.widgets import NoticeBar


class SalePanel(QWidget):
    sale_changed = Signal()

    def __init__(self, sales: SaleService, catalog: CatalogQueries, tax_codes: list[str]) -> None:
        super().__init__()
        self._sales = sales
        self.cart_model = CartModel()
        self.can_sell = lambda: None  # returns a sentence when selling is not possible yet (no shift, ...)

        self.search = ScanSearchBox(catalog)
        self.scan_field = self.search.field
        self.search.code_entered.connect(self.handle_scan)
        self.notice = NoticeBar()

        self.cart_view = QTableView()
        self.cart_view.setModel(self.cart_model)
        self.cart_view.setAlternatingRowColors(True)
        self.cart_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart_view.verticalHeader().hide()
        self.cart_view.verticalHeader().setDefaultSectionSize(44)
        header = self.cart_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.notice)
        left.addWidget(self.cart_view, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self._totals_panel(tax_codes), 1)
        self.refresh()

    def _totals_panel(self, tax_codes: list[str]) -> QFrame:
        panel = QFrame(objectName="TotalsPanel")
        grid = QGridLayout(panel)
        self.value_labels: dict[str, QLabel] = {}
        rows = ["Subtotal", "Discounts", *tax_codes]
        for row, name in enumerate(rows):
            grid.addWidget(QLabel(name), row, 0)
            value = QLabel("$0.00", alignment=Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, 1)
            self.value_labels[name] = value
        self.total_label = QLabel("$0.00", objectName="TotalLabel", alignment=Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLabel("Total"), len(rows), 0)
        grid.addWidget(self.total_label, len(rows), 1)
        grid.addWidget(QLabel("Dried-cannabis equivalent (limit 30 g)"), len(rows) + 1, 0, 1, 2)
        self.limit_meter = QProgressBar(maximum=int(POSSESSION_LIMIT_GRAMS * 100))
        self.limit_meter.setFormat("0 g of 30 g")
        grid.addWidget(self.limit_meter, len(rows) + 2, 0, 1, 2)
        grid.setRowStretch(len(rows) + 3, 1)
        return panel

    def handle_scan(self, code: str) -> None:
        refusal = self.can_sell()
        if refusal:
            self.show_error(refusal)
            return
        try:
            self._sales.scan(code)
        except (DomainError, ServiceError) as error:
            self.show_error(error.message)
            return
        if self.notice.property("kind") == "error":
            self.notice.hide()
        self.refresh()
        self.cart_view.selectRow(self.cart_model.rowCount() - 1)

    def show_error(self, message: str) -> None:
        self.notice.show_message(message, kind="error")

    def selected_line(self):
        rows = self.cart_view.selectionModel().selectedRows()
        if rows:
            return self.cart_model.line_at(rows[0].row())
        return self.cart_model.line_at(self.cart_model.rowCount() - 1) if self.cart_model.rowCount() else None

    def refresh(self) -> None:
        if self._sales.has_open_sale:
            sale = self._sales.sale
            totals = sale.totals
            self.cart_model.set_lines(sale.lines)
            self.value_labels["Subtotal"].setText(str(totals.subtotal))
            self.value_labels["Discounts"].setText(str(-totals.discounts) if totals.discounts else "$0.00")
            for code, label in self.value_labels.items():
                if code in totals.taxes.components:
                    label.setText(str(totals.taxes.components[code]))
            self.total_label.setText(str(totals.total))
            grams = totals.dried_equivalent_grams
        else:
            self.cart_model.set_lines(())
            for label in self.value_labels.values():
                label.setText("$0.00")
            self.total_label.setText("$0.00")
            grams = Decimal(0)
        self.limit_meter.setValue(int(min(grams, POSSESSION_LIMIT_GRAMS) * 100))
        self.limit_meter.setFormat(f"{format_number(grams)} g of 30 g")
        self.sale_changed.emit()
