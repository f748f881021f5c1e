"""The product grid: a model that pages through the kiosk catalog as the customer scrolls, and a delegate that
paints each tile (picture, brand, name, size, strain, THC and CBD, price). Pictures are made when a tile is
first painted and kept in Qt's pixmap cache, so scrolling a long category never builds them all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPixmap, QPixmapCache
from PySide6.QtWidgets import QListView, QScroller, QStyle, QStyledItemDelegate

from pos_app.services.kiosk_catalog import PAGE_SIZE, ProductCard
from pos_app.ui.kiosk.widgets import generated_tile, tile_colour

CARD_ROLE = Qt.ItemDataRole.UserRole
TILE = QSize(300, 440)
PICTURE = 200
Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[int, int, str | None], list[ProductCard]]  # (offset, limit, last SKU shown) -> one page


class ProductListModel(QAbstractListModel):
    """Rows arrive a page at a time: the view asks for more (``fetchMore``) when it scrolls near the end."""

    def __init__(self) -> None:
        super().__init__()
        self._cards: list[ProductCard] = []
        self._load: Loader | None = None
        self._more = False

    def show(self, load: Loader | None, first: list[ProductCard] | None = None) -> None:
        """Start over with ``load``; ``first`` is its first page when the caller already has it."""
        self.beginResetModel()
        self._load = load
        self._cards = list(first if first is not None else (load(0, PAGE_SIZE, None) if load else []))
        self._more = load is not None and len(self._cards) == PAGE_SIZE
        self.endResetModel()

    def card(self, row: int) -> ProductCard:
        return self._cards[row]

    def cards(self) -> list[ProductCard]:
        return list(self._cards)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._cards)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or self._load is None:
            return
        page = self._load(len(self._cards), PAGE_SIZE, self._cards[-1].sku if self._cards else None)
        self._more = len(page) == PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._cards), len(self._cards) + len(page) - 1)
            self._cards += page
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{card.brand} {card.name}, {card.price.format()}"
        return None


def thumbnail(card: ProductCard, size: int) -> QPixmap:
    """The product's picture (a local image file) or its generated tile, made once per size and cached."""
    key = f"kiosk:{card.sku}:{size}"
    cached = QPixmap()
    if QPixmapCache.find(key, cached):
        return cached
    pixmap = None
    if card.image_url:
        path = Path(card.image_url.removeprefix("file://"))
        if path.is_file():
            image = QImage(str(path))
            if not image.isNull():
                pixmap = QPixmap.fromImage(image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation))
    if pixmap is None:  # no picture, or one that is not on this kiosk: never wait on the network here
        pixmap = generated_tile(card.form, card.sku, card.brand, size)
    QPixmapCache.insert(key, pixmap)
    return pixmap


class TileDelegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        view = self.parent()
        return view.gridSize() if isinstance(view, QListView) else TILE

    def paint(self, painter: QPainter, option, index) -> None:
        card: ProductCard = index.data(CARD_ROLE)
        box = option.rect.adjusted(8, 8, -8, -8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#cfd8d3"))
        painter.setBrush(QColor("#dff0e6") if option.state & QStyle.StateFlag.State_Selected else QColor("white"))
        painter.drawRoundedRect(box, 12, 12)
        picture = QRect(box.left() + 12, box.top() + 12, box.width() - 24, PICTURE)
        painter.fillRect(picture, tile_colour(card.form, card.sku))  # a wide tile: the picture sits centred on it
        thumb = thumbnail(card, PICTURE)
        painter.drawPixmap(picture.center().x() - thumb.width() // 2 + 1, picture.top(), thumb)
        y = picture.bottom() + 10
        y = _text(painter, card.brand.upper(), box, y, size=15, colour="#55635d")
        y = _text(painter, card.name, box, y, size=20, bold=True, lines=2)
        facts = " · ".join(x for x in (card.size, card.strain) if x)
        if facts:
            y = _text(painter, facts, box, y, size=16, colour="#3a4a44")
        if card.is_cannabis:
            y = _text(painter, f"THC {card.thc}", box, y, size=16, colour="#3a4a44")
            y = _text(painter, f"CBD {card.cbd}", box, y, size=16, colour="#3a4a44")
        price_row = QRect(box.left() + 12, box.bottom() - 48, box.width() - 24, 40)
        font = QFont()
        font.setPixelSize(26)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1f4d3a"))
        painter.drawText(price_row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, card.price.format())
        if not card.in_stock:
            font.setPixelSize(18)
            painter.setFont(font)
            painter.setPen(QColor("#8a1c12"))
            painter.drawText(price_row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "Sold out")
        painter.restore()


def _text(painter: QPainter, text: str, box: QRect, y: int, *, size: int, bold: bool = False,
          colour: str = "#1d2327", lines: int = 1) -> int:
    """Draw ``text`` at ``y`` in the tile, wrapped to at most ``lines`` lines (elided); the next free ``y``."""
    font = QFont()
    font.setPixelSize(size)
    font.setBold(bold)
    metrics = QFontMetrics(font)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    width = box.width() - 24
    words, current, rows = text.split(), "", []
    for word in words:
        candidate = f"{current} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
        else:
            rows.append(current)
            current = word
    rows.append(current)
    if len(rows) > lines:
        rows = rows[:lines - 1] + [" ".join(rows[lines - 1:])]
    for row in rows[:lines]:
        painter.drawText(box.left() + 12, y + metrics.ascent(), metrics.elidedText(row, Qt.TextElideMode.ElideRight,
                                                                                     width))
        y += metrics.height() + 2
    return y + 2


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
        self.verticalScrollBar().valueChanged.connect(self._fetch_ahead)

    def _fetch_ahead(self, value: int) -> None:
        # The next page comes while two screens of tiles are still below, not when the customer hits the end:
        # its rows are laid out off screen, and no frame both waits for a page and paints its first tiles.
        if (self.verticalScrollBar().maximum() - value < 2 * self.viewport().height()
                and self.products.canFetchMore(QModelIndex())):
            self.products.fetchMore(QModelIndex())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # As many tiles across as fit, widened to fill the row, so no strip of the screen is left empty.
        width = self.viewport().width()
        columns = max(width // TILE.width(), 1)
        self.setGridSize(QSize(width // columns, TILE.height()))
        super().resizeEvent(event)

    def tile_rect(self, row: int) -> QRect:
        return self.visualRect(self.products.index(row))
