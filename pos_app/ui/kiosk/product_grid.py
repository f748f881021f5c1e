"""The product grid: a model that pages through the kiosk catalog as the customer scrolls, and a delegate that
paints each tile (picture, brand, name, size, strain, THC and CBD, price; see tiles.py). Nothing is made for a
tile before it is first painted, so scrolling a long category never builds them all at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QScroller, QStyle, QStyledItemDelegate

from pos_app.services.kiosk_catalog import PAGE_SIZE, ProductCard
from pos_app.ui.kiosk.tiles import TILE, TilePainter, tile_height
from pos_app.ui.kiosk.words import money

CARD_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[int, int, str | None], list[ProductCard]]  # (offset, limit, last SKU shown) -> one page


class ProductListModel(QStandardItemModel):
    """Rows arrive a page at a time: the view asks for more (``fetchMore``) when it scrolls near the end.

    A standard item model, so the view's own calls (a row count and an index per item whenever it lays the grid
    out, thousands of them in a long category) stay in Qt; only the paging is Python.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(1)
        self._cards: list[ProductCard] = []
        self._load: Loader | None = None
        self._more = False

    def show(self, load: Loader | None, first: list[ProductCard] | None = None) -> None:
        """Start over with ``load``; ``first`` is its first page when the caller already has it."""
        cards = list(first if first is not None else (load(0, PAGE_SIZE, None) if load else []))
        self._load = load
        self._more = load is not None and len(cards) == PAGE_SIZE
        self.removeRows(0, self.rowCount())
        self._cards = []
        self._append(cards)

    def _append(self, cards: list[ProductCard]) -> None:
        if not cards:
            return
        items = []
        for card in cards:
            item = QStandardItem(_spoken(card))
            item.setData(card, CARD_ROLE)
            item.setEditable(False)
            items.append(item)
        self._cards += cards
        self.invisibleRootItem().appendRows(items)  # one insertion for the page: one layout

    def relabel(self) -> None:
        """Each tile's words again, in the language spoken now (what a screen reader says of it)."""
        for row, card in enumerate(self._cards):
            self.item(row).setText(_spoken(card))

    def card(self, row: int) -> ProductCard:
        return self._cards[row]

    def cards(self) -> list[ProductCard]:
        return list(self._cards)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt's name
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or self._load is None or not self._more:
            return
        page = self._load(len(self._cards), PAGE_SIZE, self._cards[-1].sku if self._cards else None)
        self._more = len(page) == PAGE_SIZE
        self._append(page)


def _spoken(card: ProductCard) -> str:
    return f"{card.brand} {card.name}, {money(card.price)}"


class TileDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.tiles = TilePainter()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        view = self.parent()
        return view.gridSize() if isinstance(view, QListView) else TILE

    def paint(self, painter: QPainter, option, index) -> None:
        self.tiles.paint(painter, index.data(CARD_ROLE), option.rect,
                         selected=bool(option.state & QStyle.StateFlag.State_Selected))


class ProductGrid(QListView):
    """Tiles in rows that fill the width; a finger drags the list, a tap opens the product."""

    def __init__(self) -> None:
        super().__init__(objectName="ProductGrid")
        self.products = ProductListModel()
        self.setModel(self.products)
        self.setItemDelegate(TileDelegate(self))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setGridSize(TILE)
        self.setSpacing(0)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        # Opaque: a scroll moves the pixels already painted and repaints only the strip it uncovers (half the
        # tiles a frame, not all of them); paintEvent paints the background of what it repaints itself.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.verticalScrollBar().valueChanged.connect(self._fetch_ahead)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self.viewport())
        background = self.palette().color(QPalette.ColorRole.Base)
        for rect in event.region():
            painter.fillRect(rect, background)
        painter.end()
        super().paintEvent(event)

    def _fetch_ahead(self, value: int) -> None:
        # The next page comes while two screens of tiles are still below, not when the customer hits the end:
        # its rows are laid out off screen, and no frame both waits for a page and paints its first tiles.
        if (self.verticalScrollBar().maximum() - value < 2 * self.viewport().height()
                and self.products.canFetchMore(QModelIndex())):
            self.products.fetchMore(QModelIndex())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # As many tiles across as fit, widened to fill the row, so no strip of the screen is left empty; on a
        # short screen tiles as tall as the grid, so a whole tile, price and all, is always in view.
        # The width the view lays rows out in: it keeps room for its scroll bar even when none is shown, and a row
        # wider than that wraps its last tile (a category of five showed them two by two).
        width = self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width()
        columns = max(width // TILE.width(), 1)
        self.setGridSize(QSize(width // columns, tile_height(self.viewport().height())))
        super().resizeEvent(event)

    def tile_rect(self, row: int) -> QRect:
        return self.visualRect(self.products.index(row, 0))

    def tile_parts(self, row: int) -> dict[str, list[QRect]]:
        """Where the tile of ``row`` paints its picture and each kind of line, in the viewport's coordinates."""
        rect = self.tile_rect(row)
        layout = self.itemDelegate().tiles.layout(self.products.card(row), rect.size())
        parts: dict[str, list[QRect]] = {"card": [layout.card], "picture": [layout.picture]}
        for line in layout.lines:
            parts.setdefault(line.kind, []).append(line.rect)
        return {kind: [r.translated(rect.topLeft()) for r in rects] for kind, rects in parts.items()}

    def relabel(self) -> None:
        """The language changed: tiles are laid out again with their prices and words in it."""
        self.products.relabel()
        self.viewport().update()

    def forget(self) -> None:
        """Drop the tiles' remembered layouts and missing pictures (a new customer: the catalog may have moved)."""
        self.itemDelegate().tiles.clear()
