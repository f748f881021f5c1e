"""Recalls: the store's recalled lots, what is still on hand and on which shelves, and the quarantine that takes
a lot's units out of stock (an adjustment for the reason "recall quarantine")."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from pos_app.services.recalls import RecalledLot
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.tasks import message_of


def _places(lot: RecalledLot) -> str:
    return ", ".join(code if units is None else f"{code} ({units})" for code, units in lot.places) or "not shelved"


class RecallsTab(BackOfficeTab):
    key = "recalls"
    title = "Recalls"

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.lots: list[RecalledLot] = []
        self.heading = QLabel("Recalled lots", objectName="ScreenTitle")
        self.explain = QLabel("Head office recalls lots; the register refuses them. Quarantine takes what is still "
                              "on hand out of stock, with the reason “recall quarantine”.", wordWrap=True)
        self.table = RowsTable(("Product", "SKU", "Lot", "Recall", "On hand", "Where"), name="RecalledLots",
                               numeric=(4,))
        self.refresh_button = touch_button("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.quarantine_button = touch_button("Quarantine the chosen lot", primary=True)
        self.quarantine_button.clicked.connect(self.quarantine)
        self.table.itemSelectionChanged.connect(self._enable)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh_button)
        actions.addStretch(1)
        actions.addWidget(self.quarantine_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def begin(self, staff) -> None:
        super().begin(staff)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.staff is not None:
            self.refresh()  # a sync may have brought a recall since the tab was last shown

    def refresh(self) -> None:
        self.lots = self.t.backoffice.recalls.recalled_lots()
        self.table.show_rows([(lot.name, lot.sku, lot.batch_lot, lot.recall or "–", lot.on_hand, _places(lot))
                              for lot in self.lots])
        self.heading.setText(f"Recalled lots ({len(self.lots)})" if self.lots else "No recalled lots at this store")
        self._enable()

    def _enable(self) -> None:
        row = self.table.currentRow()
        self.quarantine_button.setEnabled(0 <= row < len(self.lots) and self.lots[row].on_hand > 0)

    def choose(self, batch_lot: str) -> bool:
        row = next((i for i, lot in enumerate(self.lots) if lot.batch_lot == batch_lot), None)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def quarantine(self) -> None:
        row = self.table.currentRow()
        if self.staff is None or not 0 <= row < len(self.lots):
            self.say("Tap a recalled lot first.", "warning")
            return
        lot = self.lots[row]
        try:
            units = self.t.backoffice.recalls.quarantine(lot.sku, lot.batch_lot, self.staff)
        except Exception as error:
            self.say(message_of(error))
            return
        self.say(f"Quarantined {units} unit{'s' if units != 1 else ''} of lot {lot.batch_lot} ({lot.name}): "
                 "they are out of stock now. Set them aside for the producer.", "success")
        self.refresh()
