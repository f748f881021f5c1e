"""A product's tile in the kiosk's grid: where its picture and each line of text go, and painting it quickly.

A tile's text (brand, name, size and strain, THC, CBD, price) is laid out once per product and tile size and kept
as ``QStaticText``, so painting a tile again (a scroll, a new page below, a tap) only draws prepared glyphs. A
product without a picture gets its category's colour with its brand's initials, drawn once per brand and size
(kept in Qt's pixmap cache), not once per product.

The picture takes what height the text leaves: a short screen (1280x800) gets smaller pictures, never a price
below the fold.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPixmap, QPixmapCache, QStaticText

from pos_app.i18n import current_language
from pos_app.services.kiosk_catalog import ProductCard
from pos_app.ui.kiosk.widgets import generated_tile, initials, tile_colour
from pos_app.ui.kiosk.words import figure, money, strain

TILE = QSize(300, 440)  # the narrowest column and the tallest tile
PICTURE = 200  # the tallest picture
MIN_PICTURE = 64
MARGIN = 8  # around the card, inside its grid cell
PADDING = 12  # inside the card
PRICE_ROW = 40
LAYOUTS_KEPT = 600  # tiles' text layouts remembered: a few screens of tiles, both ways
_NOT_HERE: set[str] = set()  # image files a product names that this kiosk does not have

# (pixel size, bold, colour) of each kind of line
STYLES = {"brand": (15, False, "#55635d"), "name": (20, True, "#1d2327"), "facts": (16, False, "#3a4a44"),
          "price": (26, True, "#1f4d3a"), "sold_out": (18, True, "#8a1c12")}
NAME_LINES = 2
INITIALS_COLOUR = QColor(255, 255, 255, 230)


def _font(kind: str) -> QFont:
    size, bold, _colour = STYLES[kind]
    font = QFont()
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def _line_height(kind: str) -> int:
    return QFontMetrics(_font(kind)).height() + 2


PICTURE_GAP = 10  # between the picture and the brand
PRICE_GAP = 4  # at least, between the last line of text and the price row


@lru_cache(maxsize=1)
def below_picture() -> int:
    """Height of everything under the picture, down to the card's bottom edge, when every line is there (a
    cannabis product with a two-line name): the lines as ``layout_tile`` advances through them, and the price row."""
    lines = _line_height("brand") + NAME_LINES * _line_height("name") + 3 * _line_height("facts") + 3 * 2
    return PICTURE_GAP + lines + PRICE_GAP + PRICE_ROW + 8 + 1


def tile_height(available: int) -> int:
    """The tile height for a grid ``available`` px tall: the full tile, or one that fits, picture made smaller."""
    smallest = 2 * MARGIN + PADDING + MIN_PICTURE + below_picture()
    return max(min(TILE.height(), available), smallest)


@dataclass(frozen=True)
class Line:
    kind: str  # brand, name, facts, price, sold_out
    rect: QRect  # within the tile, from its top left
    text: QStaticText


@dataclass(frozen=True)
class TileLayout:
    card: QRect  # the card's rounded box
    picture: QRect
    lines: tuple[Line, ...]


def _static(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return static


def _wrapped(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` px, broken between words, the last one elided."""
    rows, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
        else:
            rows.append(current)
            current = word
    rows.append(current)
    if len(rows) > lines:
        rows = rows[:lines - 1] + [" ".join(rows[lines - 1:])]
    return [metrics.elidedText(row, Qt.TextElideMode.ElideRight, width) for row in rows]


def layout_tile(card: ProductCard, size: QSize) -> TileLayout:
    """Where each part of ``card``'s tile goes in a cell of ``size``: the price row at the card's foot, the
    picture as tall as the text leaves room for."""
    box = QRect(MARGIN, MARGIN, size.width() - 2 * MARGIN, size.height() - 2 * MARGIN)
    width = box.width() - 2 * PADDING
    left = box.left() + PADDING
    picture_height = max(min(PICTURE, box.height() - PADDING - below_picture()), MIN_PICTURE)
    picture = QRect(left, box.top() + PADDING, width, picture_height)
    lines: list[Line] = []
    y = picture.top() + picture.height() + PICTURE_GAP

    def add(kind: str, texts: list[str]) -> None:
        nonlocal y
        font = _font(kind)
        metrics = QFontMetrics(font)
        for text in texts:
            lines.append(Line(kind, QRect(left, y, width, metrics.height()), _static(text, font)))
            y += metrics.height() + 2
        y += 2

    name_font = QFontMetrics(_font("name"))
    add("brand", [QFontMetrics(_font("brand")).elidedText(card.brand.upper(), Qt.TextElideMode.ElideRight, width)])
    add("name", _wrapped(card.name, name_font, width, NAME_LINES))
    facts = " · ".join(x for x in (figure(card.size), strain(card.strain or "")) if x)
    fact_metrics = QFontMetrics(_font("facts"))
    shown = [facts] if facts else []
    if card.is_cannabis:
        shown += [f"THC {figure(card.thc)}", f"CBD {figure(card.cbd)}"]
    add("facts", [fact_metrics.elidedText(text, Qt.TextElideMode.ElideRight, width) for text in shown])
    price_row = QRect(left, box.bottom() - PRICE_ROW - 8, width, PRICE_ROW)
    sold_out = None if card.in_stock else QCoreApplication.translate("ProductTile", "Sold out")
    for kind, text in (("price", money(card.price)), ("sold_out", sold_out)):
        if text is None:
            continue
        font = _font(kind)
        metrics = QFontMetrics(font)
        x = left if kind == "price" else left + width - metrics.horizontalAdvance(text)
        top = price_row.top() + (PRICE_ROW - metrics.height()) // 2
        lines.append(Line(kind, QRect(x, top, metrics.horizontalAdvance(text), metrics.height()),
                          _static(text, font)))
    return TileLayout(box, picture, tuple(lines))


class TilePainter:
    """Paints tiles, keeping each one's layout for the tiles shown lately."""

    def __init__(self) -> None:
        self._layouts: OrderedDict[tuple, TileLayout] = OrderedDict()
        self._fonts = {kind: _font(kind) for kind in STYLES}
        self._pens = {kind: QColor(colour) for kind, (_s, _b, colour) in STYLES.items()}

    def clear(self) -> None:
        self._layouts.clear()
        _NOT_HERE.clear()

    def layout(self, card: ProductCard, size: QSize) -> TileLayout:
        key = (card, size.width(), size.height(), current_language())
        found = self._layouts.get(key)
        if found is None:
            found = self._layouts[key] = layout_tile(card, size)
            if len(self._layouts) > LAYOUTS_KEPT:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(key)
        return found

    def paint(self, painter: QPainter, card: ProductCard, rect: QRect, *, selected: bool) -> None:
        layout = self.layout(card, rect.size())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#cfd8d3"))
        painter.setBrush(QColor("#dff0e6") if selected else QColor("white"))
        painter.drawRoundedRect(layout.card, 12, 12)
        _picture(painter, card, layout.picture)
        kind = None
        for line in layout.lines:
            if line.kind != kind:
                kind = line.kind
                painter.setFont(self._fonts[kind])
                painter.setPen(self._pens[kind])
            painter.drawStaticText(QPointF(line.rect.topLeft()), line.text)
        painter.restore()


def _picture(painter: QPainter, card: ProductCard, area: QRect) -> None:
    """The product's picture centred on its category's colour, or its brand's initials there when it has none."""
    painter.fillRect(area, tile_colour(card.form, card.sku))
    photo = _photo(card, area.height()) if card.image_url else None
    if photo is None:
        photo = initials_pixmap(initials(card.brand), max(area.height() // 3, 12))
        painter.drawPixmap(area.center().x() - photo.width() // 2, area.center().y() - photo.height() // 2, photo)
    else:
        painter.drawPixmap(area.center().x() - photo.width() // 2 + 1, area.top(), photo)


def initials_pixmap(letters: str, pixel_size: int) -> QPixmap:
    """The initials in white on clear pixels, cut to the letters: made once per brand's letters and size.

    Large glyphs are not kept by Qt (they are drawn as paths, about 0.6 ms a tile), and a tile-sized clear
    picture costs a blend of every pixel: a small one is blended in a few microseconds.
    """
    key = f"kiosk-initials:{letters}:{pixel_size}"
    cached = QPixmap()
    if QPixmapCache.find(key, cached):
        return cached
    font = QFont()
    font.setPixelSize(pixel_size)
    font.setBold(True)
    box = QFontMetrics(font).tightBoundingRect(letters).adjusted(-2, -2, 2, 2)
    pixmap = QPixmap(box.size())
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(INITIALS_COLOUR)
    painter.setFont(font)
    painter.drawText(-box.left(), -box.top(), letters)
    painter.end()
    QPixmapCache.insert(key, pixmap)
    return pixmap


def _photo(card: ProductCard, size: int) -> QPixmap | None:
    """The product's own picture (a local image file) scaled to ``size``, cached; None if it is not on this kiosk."""
    key = f"kiosk:{card.sku}:{size}"
    cached = QPixmap()
    if QPixmapCache.find(key, cached):
        return cached
    url = card.image_url or ""
    if url in _NOT_HERE:
        return None
    path = Path(url.removeprefix("file://"))
    image = QImage(str(path)) if path.is_file() else QImage()  # never wait on the network here
    if image.isNull():
        _NOT_HERE.add(url)
        return None
    pixmap = QPixmap.fromImage(image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
    QPixmapCache.insert(key, pixmap)
    return pixmap


def thumbnail(card: ProductCard, size: int) -> QPixmap:
    """The product's picture at ``size`` (its page's): its own image, or its generated tile."""
    return (_photo(card, size) if card.image_url else None) or generated_tile(card.form, card.sku, card.brand, size)
