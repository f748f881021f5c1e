"""The cart table's model: one row per sale line, refreshed from the sale after every command; a line that
can't be sold is marked."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pos_app.domain.sale import SaleLine

COLUMNS = ("Item", "Qty", "Price", "Discount", "Amount")
# A line the stock cannot cover stands out in red, with its sentence as the tooltip.
UNSELLABLE_LOOK = {
    Qt.ItemDataRole.BackgroundRole: QBrush(QColor("#fde2e1")),
    Qt.ItemDataRole.ForegroundRole: QBrush(QColor("#9b1c1c")),
}
Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._lines: tuple[SaleLine, ...] = ()
        self._unsellable: Mapping[UUID, str] = {}

    def set_lines(self, lines: tuple[SaleLine, ...], unsellable: Mapping[UUID, str] | None = None) -> None:
        """``unsellable``: lines the stock cannot cover, with the sentence saying why; they are marked."""
        self.beginResetModel()
        self._lines = lines
        self._unsellable = unsellable or {}
        self.endResetModel()

    def line_at(self, row: int) -> SaleLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        problem = self._unsellable.get(line.line_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if problem is not None and role in UNSELLABLE_LOOK:
            return UNSELLABLE_LOOK[role]
        if problem is not None and role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            brand = f"{line.product.brand} · " if line.product.brand else ""
            lot = f"  (lot {line.lot})" if line.lot else ""  # a scanned label chose the lot
            mark = "  ⚠ can't be sold" if problem is not None else ""
            return f"{brand}{line.product.name}{lot}{mark}"
        if column == 1:
            return str(line.quantity)
        if column == 2:
            return str(line.product.unit_price)
        if column == 3:
            return str(line.discount) if line.discount else ""
        return str(line.net)
