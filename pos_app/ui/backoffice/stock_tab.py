"""Stock: scan or search a product and see its levels, its lots with expiry, and where it sits on the shelves."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.domain.stock_card import StockRow
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.backoffice.words import day, number
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.tasks import message_of

FIGURES = (("on_hand", QT_TRANSLATE_NOOP("StockTab", "On hand")),
           ("reserved", QT_TRANSLATE_NOOP("StockTab", "Reserved")),
           ("available", QT_TRANSLATE_NOOP("StockTab", "Available")),
           ("reorder_point", QT_TRANSLATE_NOOP("StockTab", "Reorder point")))


class StockTab(BackOfficeTab):
    key = "stock"
    title = QT_TRANSLATE_NOOP("BackOfficeTabs", "Stock")

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.search_field = QLineEdit(objectName="StockSearchField")
        self.search_field.returnPressed.connect(self.search)
        self.search_button = touch_button("", primary=True)
        self.search_button.clicked.connect(self.search)
        self.low_stock_button = touch_button("")
        self.low_stock_button.clicked.connect(self.show_low_stock)
        self.low_stock_dialog = None
        self.results = QListWidget(objectName="StockResults")
        self.results.currentItemChanged.connect(self._chosen)

        self.heading = QLabel(objectName="ScreenTitle", wordWrap=True)
        self.codes = QLabel(wordWrap=True)
        self.figures: dict[str, QLabel] = {}
        self.figure_labels: dict[str, QLabel] = {}
        figures = QGridLayout()
        for column, (key, _label) in enumerate(FIGURES):
            self.figure_labels[key] = QLabel(objectName="FigureLabel")
            figures.addWidget(self.figure_labels[key], 0, column)
            self.figures[key] = QLabel("–", objectName="BigFigure")
            figures.addWidget(self.figures[key], 1, column)
        self.lots = RowsTable(("",) * 5, name="StockLots", numeric=(2,))
        self.locations = RowsTable(("",) * 4, name="StockLocations", numeric=(2,))
        self.lots_title = QLabel(objectName="SectionTitle")
        self.locations_title = QLabel(objectName="SectionTitle")

        search = QHBoxLayout()
        search.addWidget(self.search_field, 1)
        search.addWidget(self.search_button)
        search.addWidget(self.low_stock_button)
        card = QVBoxLayout()
        card.addWidget(self.heading)
        card.addWidget(self.codes)
        card.addLayout(figures)
        card.addWidget(self.lots_title)
        card.addWidget(self.lots, 3)
        card.addWidget(self.locations_title)
        card.addWidget(self.locations, 2)
        body = QHBoxLayout()
        body.addWidget(self.results, 2)
        body.addLayout(card, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addLayout(body, 1)
        self.row: StockRow | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.search_field.setPlaceholderText(self.tr("Scan a product, or type a name, brand or SKU"))
        self.search_button.setText(self.tr("Search"))
        self.low_stock_button.setText(self.tr("Low stock…"))
        for key, label in FIGURES:
            self.figure_labels[key].setText(self.tr(label))
        self.lots.set_headers((self.tr("Lot"), self.tr("Expiry"), self.tr("Remaining"), self.tr("Received"),
                               self.tr("Status")))
        self.locations.set_headers((self.tr("Location"), self.tr("Lot"), self.tr("Quantity"), self.tr("Primary")))
        self.lots_title.setText(self.tr("Lots, soonest expiry first"))
        self.locations_title.setText(self.tr("Shelf locations"))
        if self.row is None:
            self.heading.setText(self.tr("Scan a product or search for one."))
        else:
            self.show_row(self.row)

    def handle_scan(self, result: ScanResult) -> None:
        if result.kind in (ScanKind.GTIN, ScanKind.GS1) and result.gtin:
            self.look_up(result.gtin)
        else:
            super().handle_scan(result)

    def look_up(self, code: str) -> None:
        try:
            row = self.t.backoffice.stock.by_code(code)
        except Exception as error:
            self.say(message_of(error))
            return
        self.results.clear()
        self.show_row(row)

    def search(self) -> None:
        text = self.search_field.text().strip()
        if not text:
            self.say(self.tr("Type part of a name, brand or SKU first, or scan the product."), "warning")
            return
        rows = self.t.backoffice.stock.search(text)
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}\n{row.brand} · {row.sku} · "
                                   + self.tr("{count} on hand").format(count=number(row.on_hand)))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        if not rows:
            self.say(self.tr("No cannabis product matches “{text}”. Check the spelling, or scan the product.")
                     .format(text=text), "warning")
        else:
            self.results.setCurrentRow(0)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_row(item.data(Qt.ItemDataRole.UserRole))

    def show_row(self, row: StockRow) -> None:
        self.row = row
        self.heading.setText(f"{row.name} — {row.brand}")
        case = (self.tr(" · case GTIN {gtin} (× {count})").format(gtin=row.case_gtin, count=row.case_quantity)
                if row.case_gtin else "")
        self.codes.setText(f"SKU {row.sku} · GTIN {row.each_gtin or '–'}{case}")
        for key, _ in FIGURES:
            self.figures[key].setText(number(getattr(row, key)))
        low = row.reorder_point and row.available <= row.reorder_point
        self.figures["available"].setProperty("kind", "warning" if low else "")
        self.lots.show_rows([(lot.batch_lot, day(lot.expiry), number(lot.remaining), day(lot.received),
                              self.tr("Recalled") if lot.recalled else "") for lot in row.lots])
        self.locations.show_rows([(place.code, place.batch_lot or self.tr("any"), number(place.quantity),
                                   self.tr("Primary") if place.primary else "") for place in row.locations])

    def show_low_stock(self):
        """The low-stock list, over the window (open, not exec: the window keeps taking scans)."""
        from pos_app.ui.backoffice.low_stock import LowStockDialog

        dialog = LowStockDialog(self.t, self.staff, self.window())
        dialog.message.connect(self.say)
        dialog.open()
        self.low_stock_dialog = dialog
        return dialog
