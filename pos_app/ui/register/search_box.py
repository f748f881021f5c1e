"""The scan-or-search field: a scan or a code + Enter adds the item; typing a name lists matches as you type."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from pos_app.services.catalog_queries import CatalogQueries, ProductHit

HIT_COLUMNS = ("Product", "Brand", "Price", "In stock")
SEARCH_DELAY_MS = 120  # wait for a pause in typing, so a fast typist is not slowed by searches


class HitsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[ProductHit] = []

    def set_hits(self, hits: list[ProductHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HIT_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HIT_COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3 and hit.on_hand <= 0:
            return Qt.GlobalColor.darkRed
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (hit.name, hit.brand, str(hit.price), str(hit.on_hand))[index.column()]


class ScanSearchBox(QWidget):
    code_entered = Signal(str)  # a code to add to the sale (scanned, typed, or a picked search hit's SKU)

    def __init__(self, catalog: CatalogQueries) -> None:
        super().__init__()
        self._catalog = catalog
        self.field = QLineEdit(objectName="ScanField",
                               placeholderText="Scan a barcode, or type a name, brand, SKU or GTIN  [F2]")
        self.field.returnPressed.connect(self._enter)
        self.field.textEdited.connect(self._typed)
        self.field.installEventFilter(self)
        self.hits_model = HitsModel()
        self.hits_view = QTableView(objectName="SearchHits")
        self.hits_view.setModel(self.hits_model)
        self.hits_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hits_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hits_view.verticalHeader().hide()
        self.hits_view.verticalHeader().setDefaultSectionSize(40)
        self.hits_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hits_view.activated.connect(lambda index: self.pick(index.row()))
        self.hits_view.clicked.connect(lambda index: self.pick(index.row()))
        self.hits_view.hide()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.search_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.hits_view)

    def _typed(self, text: str) -> None:
        if len(text.strip()) >= 2:
            self._timer.start()
        else:
            self.close_hits()

    def search_now(self) -> None:
        text = self.field.text().strip()
        hits = self._catalog.search(text, 30) if len(text) >= 2 else []
        self.hits_model.set_hits(hits)
        self.hits_view.setVisible(bool(hits))
        if hits:
            self.hits_view.selectRow(0)
            self.hits_view.setMaximumHeight(min(6, len(hits)) * 40 + 36)

    def pick(self, row: int) -> None:
        hit = self.hits_model.hits[row]
        self.field.clear()
        self.close_hits()
        self.code_entered.emit(hit.sku)

    def close_hits(self) -> None:
        self._timer.stop()
        self.hits_model.set_hits([])
        self.hits_view.hide()

    def _enter(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        if self.hits_view.isVisible() and not text.isdigit():
            self.pick(max(self.hits_view.currentIndex().row(), 0))
            return
        self.field.clear()
        self.close_hits()
        self.code_entered.emit(text)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # Up and Down move through the matches while the cursor stays in the field.
        if watched is self.field and event.type() == event.Type.KeyPress and self.hits_view.isVisible():
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step:
                row = max(0, min(self.hits_view.currentIndex().row() + step, len(self.hits_model.hits) - 1))
                self.hits_view.selectRow(row)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_hits()
                return True
        return super().eventFilter(watched, event)
