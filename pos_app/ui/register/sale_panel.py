"""The register's selling area: scan-or-search field, notices, cart, and the totals with the 30 g meter. The
prices follow the store-local clock: a happy hour that begins or ends re-prices the open sale within seconds,
offline or not."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import DomainError, UnknownCode
from pos_app.domain.money import Money
from pos_app.services.catalog_queries import CatalogQueries
from pos_app.services.errors import ServiceError
from pos_app.services.scanning import ProductScan
from pos_app.services.selling import SaleService
from pos_app.ui.common.cart_columns import CartColumns
from pos_app.ui.common.cart_model import CartModel
from pos_app.ui.common.language import Retranslating, money
from pos_app.ui.common.sale_snapshot import SaleSnapshot
from pos_app.ui.common.totals import TotalsPanel
from pos_app.ui.common.widgets import TOUCH_HEIGHT, NoticeBar
from pos_app.ui.register.search_box import ScanSearchBox

REPRICE_MS = 2000  # how often the open sale's prices are checked against the store-local minute


def figure_samples() -> tuple[str, ...]:
    """The figure columns' usual widest (quantity, price, discount, amount) in the current language: kept tight,
    so the item column keeps its room; a wider figure widens its column when it first appears."""
    return ("99", money(Money.from_cents(9_999)), money(Money.from_cents(999)), money(Money.from_cents(99_999)))


class SalePanel(Retranslating, QWidget):
    sale_changed = Signal()
    sale_shown = Signal(object)  # a SaleSnapshot of what the cart now shows, or None: for screens that only look
    item_added = Signal()  # a scan or a typed code put an item in the cart

    def __init__(self, sales: SaleService, catalog: CatalogQueries, tax_codes: list[str]) -> None:
        super().__init__()
        self._sales = sales
        self.cart_model = CartModel()
        self.can_sell = lambda: None  # returns a sentence when selling is not possible yet (no shift, ...)

        self.search = ScanSearchBox(catalog)
        self.scan_field = self.search.field
        self.search.code_entered.connect(self.add_code)
        self.notice = NoticeBar()

        self._shown_totals = None
        self.price_timer = QTimer(self, interval=REPRICE_MS, timeout=self.reprice)
        self.price_timer.start()

        self.cart_view = QTableView()
        self.cart_view.setModel(self.cart_model)
        self.cart_view.setAlternatingRowColors(True)
        self.cart_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart_view.verticalHeader().hide()
        self.cart_view.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT)
        self.cart_view.clicked.connect(self._line_tapped)  # on a touch screen there is no tooltip to hover
        self.cart_columns = CartColumns(self.cart_view, figure_samples)

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.notice)
        left.addWidget(self.cart_view, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        self.totals = TotalsPanel(tax_codes)
        self.value_labels = self.totals.value_labels
        self.total_label = self.totals.total_label
        self.limit_meter = self.totals.limit_meter
        layout.addWidget(self.totals, 1)
        self.refresh()

    def add_code(self, code: str, *, unreadable: str | None = None) -> None:
        """A typed code, or a scan of no standard shape that may be the store's own SKU label; ``unreadable``
        says why such a scan is not a standard code, for when it is no SKU either."""
        try:
            self._add(lambda: self._sales.scan(code))
        except UnknownCode as unknown:
            self.show_error(self.tr("No product matches code {code}. {why}").format(code=code, why=unreadable)
                            if unreadable else unknown.message)

    def add_scanned(self, scan: ProductScan) -> None:
        """A product barcode; a GS1 label's lot, once checked, decides which lot the sale takes."""
        try:
            self._add(lambda: self._sales.scan_item(scan.gtin, lot=scan.lot, label_expiry=scan.expiry))
        except UnknownCode as unknown:
            self.show_error(unknown.message)

    def _add(self, add) -> None:
        self.show_change(None)  # the last customer's change stays up until the next scan
        fresh = not self._sales.has_open_sale
        refusal = self.can_sell()
        if refusal:
            self.show_error(refusal)
            return
        try:
            line = add()
        except UnknownCode:
            raise
        except (DomainError, ServiceError) as error:
            self.show_error(error.message)
            return
        if fresh or self.notice.property("kind") == "error":  # a notice about an earlier sale goes with it
            self.notice.hide()
        self.refresh()
        self.cart_view.selectRow(self.cart_model.rowCount() - 1)
        self.warn_unsellable(line.line_id)
        self.item_added.emit()

    def warn_unsellable(self, line_id=None) -> bool:
        """Say at once why a line can't be sold (that line, or the first such); else clear an old error."""
        problems = self._sales.sale.stock_problems if self._sales.has_open_sale else {}
        why = problems.get(line_id) if line_id is not None else next(iter(problems.values()), None)
        if why is not None:
            self.show_error(why)
        elif self.notice.property("kind") == "error":
            self.notice.hide()
        return why is not None

    def _line_tapped(self, index) -> None:
        why = self.cart_model.data(index, Qt.ItemDataRole.ToolTipRole)
        if why:
            self.show_error(why)

    def retranslate(self) -> None:
        self.cart_model.retranslate()
        self.cart_columns.refit()  # the headings and amounts read differently now

    def show_error(self, message: str) -> None:
        self.notice.show_message(message, kind="error")

    def show_change(self, change: Money | None) -> None:
        self.totals.show_change(change)

    def selected_line(self):
        rows = self.cart_view.selectionModel().selectedRows()
        if rows:
            return self.cart_model.line_at(rows[0].row())
        return self.cart_model.line_at(self.cart_model.rowCount() - 1) if self.cart_model.rowCount() else None

    def reprice(self) -> None:
        """Show the open sale again if its prices changed with the minute (a scheduled promotion or price change
        began, or a promotion ended)."""
        sale = self._sales.sale if self._sales.has_open_sale else None
        if sale is None:
            return
        repriced = self._sales.reprice_scheduled()
        if repriced or (sale.promotions is not None and sale.totals is not self._shown_totals):
            self.refresh()

    def refresh(self) -> None:
        sale = self._sales.sale if self._sales.has_open_sale else None
        self._shown_totals = sale.totals if sale is not None else None
        self.cart_model.set_lines(sale.lines if sale is not None else (), sale.stock_problems if sale else None,
                                  sale.totals if sale is not None else None)
        self.totals.show_totals(sale.totals if sale is not None else None)
        self.sale_changed.emit()
        self.sale_shown.emit(SaleSnapshot.of(sale))
