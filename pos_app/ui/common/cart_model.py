"""The cart table's model: one row per sale line, refreshed from the sale after every command; a line that
can't be sold is marked, and a line a promotion priced names it, its saving in the Discount column."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from uuid import UUID

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from pos_app.domain.money import Money
from pos_app.domain.sale import SaleLine, SaleTotals
from pos_app.ui.common.language import money

COLUMNS = ("Item", "Qty", "Price", "Discount", "Amount")  # the columns' names in code; their headers are translated
HEADERS = (QT_TRANSLATE_NOOP("CartModel", "Item"), QT_TRANSLATE_NOOP("CartModel", "Qty"),
           QT_TRANSLATE_NOOP("CartModel", "Price"), QT_TRANSLATE_NOOP("CartModel", "Discount"),
           QT_TRANSLATE_NOOP("CartModel", "Amount"))
# A line the stock cannot cover stands out in red, with its sentence as the tooltip.
UNSELLABLE_LOOK = {
    Qt.ItemDataRole.BackgroundRole: QBrush(QColor("#fde2e1")),
    Qt.ItemDataRole.ForegroundRole: QBrush(QColor("#9b1c1c")),
}
Index = QModelIndex | QPersistentModelIndex
PROMOTION_COLOUR = QBrush(QColor("#1b5e20"))  # the name of the deal, in the till's green
# The roles data() answers; a view asks for a dozen more per cell each paint, answered at once with None.
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # the figures
_NOT_YET = object()
ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
                   *UNSELLABLE_LOOK})


_line_id = lru_cache(maxsize=4096)(UUID)  # the engine names lines by text; the same lines come back every scan


def promotions_by_line(totals: SaleTotals | None) -> dict[UUID, tuple[str, Money]]:
    """Each line a promotion or code priced: the names customers see, and what they took off the line."""
    if totals is None or totals.pricing is None:
        return {}
    found = {}
    for priced, amount in zip(totals.pricing.lines, totals.promotion_per_line, strict=False):
        if amount and priced.allocations:
            names = " + ".join(dict.fromkeys(a.name for a in priced.allocations))
            found[_line_id(priced.line.line_id)] = (names, amount)
    return found


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending rows as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class CartModel(QAbstractTableModel):
    """Only the rows that changed are announced (a scan adds one row and re-prices a few), so a view measures
    and repaints those rather than every row after a full reset."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: tuple[SaleLine, ...] = ()
        self._unsellable: Mapping[UUID, str] = {}
        self._promotions: Mapping[UUID, tuple[str, Money]] = {}
        self._answers: dict[int, dict[tuple[int, int], object]] = {}  # row -> (column, role) -> what data() said

    def set_lines(self, lines: tuple[SaleLine, ...], unsellable: Mapping[UUID, str] | None = None,
                  totals: SaleTotals | None = None) -> None:
        """``unsellable``: lines the stock cannot cover, with the sentence saying why; they are marked.
        ``totals``: the sale's, so each line shows the promotions that priced it."""
        unsellable = unsellable or {}
        promotions = promotions_by_line(totals)
        old = self._lines
        kept = len(old)
        if len(lines) < kept or any(a.line_id != b.line_id for a, b in zip(old, lines, strict=False)):
            self.beginResetModel()  # lines went or moved: nothing to keep
            self._lines, self._unsellable, self._promotions = lines, unsellable, promotions
            self._answers.clear()
            self.endResetModel()
            return
        changed = [row for row, (was, now) in enumerate(zip(old, lines, strict=False))
                   if was is not now and was != now
                   or self._unsellable.get(now.line_id) != unsellable.get(now.line_id)
                   or self._promotions.get(now.line_id) != promotions.get(now.line_id)]
        self._lines, self._unsellable, self._promotions = lines[:kept], unsellable, promotions
        for row in changed:
            self._answers.pop(row, None)
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        if len(lines) > kept:
            self.beginInsertRows(QModelIndex(), kept, len(lines) - 1)
            self._lines = lines
            self.endInsertRows()

    def promotion_text(self, row: int) -> str:
        """The promotions on the row's line as the cart shows them ("" when none)."""
        found = self._promotions.get(self._lines[row].line_id)
        return f"★ {found[0]}" if found else ""  # what they took off is in the Discount column

    def retranslate(self) -> None:
        """The headers and the amounts again, in the language just chosen; the rows and the selection stay."""
        self._answers.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(COLUMNS) - 1))

    def line_at(self, row: int) -> SaleLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("CartModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Each row's answers are kept until it changes: a scan repaints every visible row, seven roles a cell, and
        only the rows set_lines announced need working out again."""
        if role not in ROLES or not index.isValid():
            return None
        return self._cell(self._row(index.row()), index.row(), index.column(), role)

    def multiData(self, index: Index, roles) -> None:  # noqa: N802 - Qt's name
        """A delegate's seven questions about a cell as it paints (font, alignment, colours, text...), answered in
        one call: asked one by one through data(), each is a crossing from Qt into Python, and a scan repaints
        every visible cell of a cart that may be fifty lines long."""
        if not index.isValid():
            for slot in roles:
                slot.clearData()
            return
        row, column = index.row(), index.column()
        answers = self._row(row)
        for slot in roles:
            answer = self._cell(answers, row, column, slot.role())
            if answer is None:
                slot.clearData()
            else:
                slot.setData(answer)

    def shown_texts(self, column: int, first: int, last: int) -> list[str]:
        """What rows `first` to `last` show in `column`, read without a QModelIndex each (CartColumns measures the
        rows a scan changed: a dozen when a promotion moves across a big cart)."""
        display = Qt.ItemDataRole.DisplayRole
        return [self._row(row)[(column, display)] for row in range(first, last + 1)]

    def _cell(self, answers: dict, row: int, column: int, role: int):
        key = (column, role)
        answer = answers.get(key, _NOT_YET)
        if answer is _NOT_YET:  # a tooltip, or a role this model leaves to the view: asked rarely, kept once asked
            answer = answers[key] = self._tooltip(row) if role == Qt.ItemDataRole.ToolTipRole else None
        return answer

    def _row(self, row: int) -> dict[tuple[int, int], object]:
        answers = self._answers.get(row)
        if answers is None:
            answers = self._answers[row] = self._shown(row)
        return answers

    def _shown(self, row: int) -> dict[tuple[int, int], object]:
        """What the row's cells show and how they look, worked out together: the Discount and Amount columns come
        from the same sums. A line that can't be sold is red; a promotion's name is green, unless the line is red."""
        line = self._lines[row]
        problem = self._unsellable.get(line.line_id)
        promotion = self._promotions.get(line.line_id)
        brand = f"{line.product.brand} · " if line.product.brand else ""
        lot = "  " + self.tr("(lot {lot})").format(lot=line.lot) if line.lot else ""  # a scanned label chose the lot
        mark = "  ⚠ " + self.tr("can't be sold") if problem is not None else ""
        deal = f"\n{self.promotion_text(row)}" if promotion is not None else ""
        gross = line.gross
        off = promotion[1] if promotion is not None else Money.zero()
        manual = min(line.discount, gross - off)  # a manual discount comes off what the promotions left
        texts = (f"{brand}{line.product.name}{lot}{mark}{deal}", str(line.quantity), money(line.product.unit_price),
                 money(off + manual) if off or manual else "", money(gross - off - manual))
        answers: dict[tuple[int, int], object] = {}
        for column, text in enumerate(texts):
            answers[(column, Qt.ItemDataRole.DisplayRole)] = text
            answers[(column, Qt.ItemDataRole.TextAlignmentRole)] = RIGHT if column else None
            for role in UNSELLABLE_LOOK:
                answers[(column, role)] = UNSELLABLE_LOOK[role] if problem is not None else None
        if problem is None and promotion is not None:
            answers[(0, Qt.ItemDataRole.ForegroundRole)] = PROMOTION_COLOUR
        return answers

    def _tooltip(self, row: int) -> str | None:
        """Why the line can't be sold, else the promotion that priced it and what it took off."""
        line = self._lines[row]
        problem = self._unsellable.get(line.line_id)
        if problem is not None:
            return problem
        promotion = self._promotions.get(line.line_id)
        if promotion is not None:
            return self.tr("{promotion}: {amount} off this line").format(promotion=promotion[0],
                                                                          amount=money(promotion[1]))
        return None
