"""The cart table's model: one row per sale line, refreshed from the sale after every command."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos_app.domain.sale import SaleLine

COLUMNS = ("Item", "Qty", "Price", "Discount", "Amount")
Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._lines: tuple[SaleLine, ...] = ()

    def set_lines(self, lines: tuple[SaleLine, ...]) -> None:
        self.beginResetModel()
        self._lines = lines
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
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            brand = f"{line.product.brand} · " if line.product.brand else ""
            lot = f"  (lot {line.lot})" if line.lot else ""  # a scanned label chose the lot
            return f"{brand}{line.product.name}{lot}"
        if column == 1:
            return str(line.quantity)
        if column == 2:
            return str(line.product.unit_price)
        if column == 3:
            return str(line.discount) if line.discount else ""
        return str(line.net)
