"""The cart's column widths: the item column takes the room left, and each figure column (quantity, price,
discount, amount) is as wide as its heading or a typical figure, worked out once.

Qt's ResizeToContents measured every row of every figure column again at each layout: after each scan, and once
more when the vertical scrollbar appeared at about the tenth line (30–40 ms with promotions on a 50-line cart).
Here the figures are measured only as rows are added or change, and a column widens, once, only when a figure
wider than it appears, so no amount is ever cut short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionViewItem, QTableView

SLACK = 4  # px beyond the text and the style's margins, so a figure never touches the next column
MEASURED_KEPT = 4096  # figures whose width is remembered


class CartColumns(QObject):
    """Fixes `view`'s column widths: column 0 stretches; the others fit `samples()` (one text per figure column, in
    the current language) and their headings, and grow when the model shows a wider figure. `refit()` works them
    out again, after a switch of language."""

    def __init__(self, view: QTableView, samples: Callable[[], Sequence[str]]) -> None:
        super().__init__(view)
        self._view = view
        self._samples = samples
        model = view.model()
        self._columns = range(1, model.columnCount())
        view.ensurePolished()  # the theme's font, before measuring with it
        header = view.horizontalHeader()
        header.ensurePolished()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in self._columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._widths: dict[int, int] = {}
        self._measured: dict[str, int] = {}
        self.refit()
        model.rowsInserted.connect(lambda _parent, first, last: self._fit(model, first, last))
        model.dataChanged.connect(lambda top, bottom, _roles=(): self._fit(model, top.row(), bottom.row()))
        model.modelReset.connect(lambda: self._fit(model, 0, model.rowCount() - 1))

    def refit(self) -> None:
        """The widths from the headings, the samples and every row, as they read now."""
        header = self._view.horizontalHeader()
        for column, sample in zip(self._columns, self._samples(), strict=True):
            self._widths[column] = max(header.sectionSizeHint(column), self._needed(sample))
            header.resizeSection(column, self._widths[column])
        model = self._view.model()
        self._fit(model, 0, model.rowCount() - 1)

    def width(self, column: int) -> int:
        return self._widths[column]

    def _needed(self, text: str) -> int:
        """The width the view's style gives a cell showing `text` (the theme's padding included), as Qt's own
        sizing to contents would; remembered, as a till shows the same few figures again and again."""
        needed = self._measured.get(text)
        if needed is None:
            if len(self._measured) >= MEASURED_KEPT:
                self._measured.clear()
            needed = self._measured[text] = self._measure(text)
        return needed

    def _measure(self, text: str) -> int:
        view = self._view
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.widget = view
        option.font = view.font()
        option.fontMetrics = view.fontMetrics()
        option.text = text
        option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        size = view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view)
        return size.width() + SLACK

    def _fit(self, model: QAbstractItemModel, first: int, last: int) -> None:
        header = self._view.horizontalHeader()
        shown_texts = getattr(model, "shown_texts", None)  # the cart model's own way, quicker than data()
        for column in self._columns:
            texts = (shown_texts(column, first, last) if shown_texts is not None else
                     (str(model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.DisplayRole) or "")
                      for row in range(first, last + 1)))
            widest = max(texts, key=len, default="")
            needed = self._needed(widest) if widest else 0
            if needed > self._widths[column]:
                self._widths[column] = needed
                header.resizeSection(column, needed)
