"""A read-only table of text rows with touch-sized rows, for the back office's lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from pos_app.ui.common.widgets import TOUCH_MINIMUM


class RowsTable(QTableWidget):
    def __init__(self, headers: Sequence[str], *, name: str, numeric: Sequence[int] = ()) -> None:
        super().__init__(0, len(headers), objectName=name)
        self._numeric = set(numeric)  # columns of figures, right-aligned so digits line up
        self.set_headers(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(TOUCH_MINIMUM)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def set_headers(self, headers: Sequence[str]) -> None:
        """The columns' titles (again, in the language spoken now)."""
        self.setHorizontalHeaderLabels(list(headers))

    def show_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.update_row(r, row)

    def update_row(self, r: int, row: Sequence[object]) -> None:
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c in self._numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(r, c, item)

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item else ""
