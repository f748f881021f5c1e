"""The scan-or-search field: a scan or a code + Enter adds the item; typing a name lists matches as you type,
each with its stock, and those that can't be sold marked."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from pos_app.services.catalog_queries import CatalogQueries, ProductHit
from pos_app.ui.common.language import Retranslating, money
from pos_app.ui.tasks import run_in_background

HIT_COLUMNS = (QT_TRANSLATE_NOOP("HitsModel", "Product"), QT_TRANSLATE_NOOP("HitsModel", "Brand"),
               QT_TRANSLATE_NOOP("HitsModel", "Price"), QT_TRANSLATE_NOOP("HitsModel", "In stock"))
DISPLAY = Qt.ItemDataRole.DisplayRole
GREYED, OUT_OF_STOCK = QBrush(QColor("#6b7280")), QBrush(QColor("#9b1c1c"))  # a brush: a bare colour is ignored
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
            return self.tr(HIT_COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if hit.sellable > 0:
            return (hit.name, hit.brand, money(hit.price), str(hit.on_hand))[column] if role == DISPLAY else None
        # Nothing of it may be sold: say so on the row, so a cashier does not promise it to the customer.
        if role == Qt.ItemDataRole.ForegroundRole:
            return OUT_OF_STOCK if column == 3 else GREYED
        if role == Qt.ItemDataRole.ToolTipRole:
            return unsellable_sentence(hit)
        if role == DISPLAY:
            stock = self.tr("Out of stock") if hit.on_hand <= 0 else self.tr("{count}, none sellable").format(
                count=hit.on_hand)
            return (hit.name, hit.brand, money(hit.price), stock)[column]
        return None


def unsellable_sentence(hit: ProductHit) -> str:
    if hit.on_hand <= 0:
        sentence = QCoreApplication.translate("HitsModel", "{product} can't be sold: nothing is in stock. If it is "
                                              "picked, the cart marks it and payment waits until it is removed.")
    else:
        sentence = QCoreApplication.translate("HitsModel", "{product} can't be sold: what is in stock is expired or "
                                              "recalled. If it is picked, the cart marks it and payment waits until "
                                              "it is removed.")
    return sentence.format(product=hit.name)


class ScanSearchBox(Retranslating, QWidget):
    code_entered = Signal(str)  # a code to add to the sale (typed, or a picked search hit's SKU)
    hits_shown = Signal(int)  # a search answered for the text in the field: how many matches are listed

    def __init__(self, catalog: CatalogQueries) -> None:
        super().__init__()
        self._catalog = catalog
        self.field = QLineEdit(objectName="ScanField")
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
        self._asked = 0  # the latest search sent; older answers are dropped when they arrive
        self._answered = 0
        self._pick_when_found = False  # Enter pressed on a name before its matches came back
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.hits_view)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Scan a barcode, or type a name, brand, SKU or GTIN  [F2]"))
        self.hits_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HIT_COLUMNS) - 1)

    def _typed(self, text: str) -> None:
        if len(text.strip()) >= 2:
            self._timer.start()
        else:
            self.close_hits()

    def search_now(self) -> None:
        """Searching a large catalog takes tens of milliseconds, so it runs off the GUI thread."""
        text = self.field.text().strip()
        self._asked += 1
        asked = self._asked
        if len(text) < 2:
            self._show_hits(asked, [])
            return
        run_in_background(lambda: self._catalog.search(text, 30), lambda hits: self._show_hits(asked, hits),
                          lambda _error: self._show_hits(asked, []), owner=self)

    @property
    def searching(self) -> bool:
        return self._timer.isActive() or self._asked != self._answered

    def _show_hits(self, asked: int, hits: list[ProductHit]) -> None:
        self._answered = max(self._answered, asked)
        if asked != self._asked:
            return  # the cashier has typed on since; a newer answer is on its way
        self.hits_model.set_hits(hits)
        self.hits_view.setVisible(bool(hits))
        if hits:
            self.hits_view.selectRow(0)
            self.hits_view.setMaximumHeight(min(6, len(hits)) * 40 + 36)
        self.hits_shown.emit(len(hits))
        if self._pick_when_found:
            self._pick_when_found = False
            if hits:
                self.pick(0)
            else:  # nothing matches: treat it as a code, which gets the usual plain sentence
                self._enter_as_code(self.field.text().strip())

    def pick(self, row: int) -> None:
        hit = self.hits_model.hits[row]
        self.field.clear()
        self.close_hits()
        self.code_entered.emit(hit.sku)

    def close_hits(self) -> None:
        self._timer.stop()
        self._asked += 1  # answers still on their way are for text that is gone
        self._answered = self._asked
        self._pick_when_found = False
        self.hits_model.set_hits([])
        self.hits_view.hide()

    def _enter(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        if not text.isdigit() and self.hits_view.isVisible() and not self.searching:
            self.pick(max(self.hits_view.currentIndex().row(), 0))
            return
        if not text.isdigit() and self.searching:
            self._pick_when_found = True  # add the first match as soon as the search answers
            return
        self._enter_as_code(text)

    def _enter_as_code(self, text: str) -> None:
        self.field.clear()
        self.close_hits()
        if text:
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
