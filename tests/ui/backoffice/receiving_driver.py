"""A manager receiving a delivery on the Receiving tab, tap by tap: for the receiving tests and the manager's
morning journey. Works on any `Manager`-like object with `window`, `click`, `type` and `scan`."""

from __future__ import annotations

from PySide6.QtCore import Qt


class Receiving:
    def __init__(self, manager) -> None:
        self.m = manager
        self.tab = manager.window.tab("receiving")

    def open(self, po_number: str) -> None:
        """Open the Receiving tab, tap the order in the list, then Open."""
        window = self.m.window
        bar = window.tabs.tabBar()
        self.m.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                                pos=bar.tabRect(window.tabs.indexOf(self.tab)).center())
        self.tab.refresh()
        row = next(r for r in range(self.tab.orders_table.rowCount()) if self.tab.orders_table.text(r, 0) == po_number)
        self._tap_row(self.tab.orders_table, row)
        self.m.click(self.tab.open_button)
        assert self.tab.draft is not None and self.tab.draft.po_number == po_number, self.m.notice

    def scan(self, code: str, *, confirm: bool = False) -> None:
        self.m.scan(code)
        if confirm:
            assert self.tab.confirm_bar.isVisible(), self.m.notice
            self.m.click(self.tab.confirm_yes)

    def select(self, sku: str) -> None:
        row = next(i for i, line in enumerate(self.tab.draft.lines) if line.sku == sku)
        self._tap_row(self.tab.lines_table, row)

    def type_quantity(self, sku: str, quantity: int) -> None:
        self.select(sku)
        self.tab.quantity_field.selectAll()
        self.m.type(self.tab.quantity_field, str(quantity))
        self.m.qtbot.keyClick(self.tab.quantity_field, Qt.Key.Key_Return)

    def reason(self, sku: str, label: str) -> None:
        self.select(sku)
        choice = self.tab.reason_choice
        choice.setCurrentIndex(choice.findText(label))
        choice.activated.emit(choice.currentIndex())

    def finish(self) -> str:
        self.m.click(self.tab.finish_button)
        assert self.tab.confirm_bar.isVisible()
        question = self.tab.confirm_text.text()
        self.m.click(self.tab.confirm_yes)
        return question

    def _tap_row(self, table, row: int) -> None:
        table.scrollToItem(table.item(row, 0))
        rect = table.visualItemRect(table.item(row, 0))
        self.m.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert table.currentRow() == row
