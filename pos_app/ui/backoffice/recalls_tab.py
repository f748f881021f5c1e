"""Recalls: the store's recalled lots, what is still on hand and on which shelves, and the quarantine that takes
a lot's units out of stock (an adjustment for the reason "recall quarantine")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from pos_app.services.recalls import RecalledLot
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.backoffice.words import number
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.tasks import message_of


def _places(lot: RecalledLot) -> str:
    return (", ".join(code if units is None else f"{code} ({number(units)})" for code, units in lot.places)
            or QCoreApplication.translate("RecallsTab", "not shelved"))


class RecallsTab(BackOfficeTab):
    key = "recalls"
    title = QT_TRANSLATE_NOOP("BackOfficeTabs", "Recalls")

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.lots: list[RecalledLot] = []
        self.heading = QLabel(objectName="ScreenTitle")
        self.explain = QLabel(wordWrap=True)
        self.table = RowsTable(("",) * 6, name="RecalledLots", numeric=(4,))
        self.refresh_button = touch_button("")
        self.refresh_button.clicked.connect(self.refresh)
        self.quarantine_button = touch_button("", primary=True)
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
        self.retranslate()

    def retranslate(self) -> None:
        self.explain.setText(self.tr("Head office recalls lots; the register refuses them. Quarantine takes what is "
                                     "still on hand out of stock, with the reason “recall quarantine”."))
        self.table.set_headers((self.tr("Product"), self.tr("SKU"), self.tr("Lot"), self.tr("Recall"),
                                self.tr("On hand"), self.tr("Where")))
        self.refresh_button.setText(self.tr("Refresh"))
        self.quarantine_button.setText(self.tr("Quarantine the chosen lot"))
        self._show()

    def begin(self, staff) -> None:
        super().begin(staff)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.staff is not None:
            self.refresh()  # a sync may have brought a recall since the tab was last shown

    def refresh(self) -> None:
        self.lots = self.t.backoffice.recalls.recalled_lots()
        self._show()

    def _show(self) -> None:
        self.table.show_rows([(lot.name, lot.sku, lot.batch_lot, lot.recall or "–", number(lot.on_hand),
                               _places(lot)) for lot in self.lots])
        self.heading.setText(self.tr("Recalled lots ({count})").format(count=len(self.lots)) if self.lots
                             else self.tr("No recalled lots at this store") if self.staff else self.tr("Recalled lots"))
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
            self.say(self.tr("Tap a recalled lot first."), "warning")
            return
        lot = self.lots[row]
        try:
            units = self.t.backoffice.recalls.quarantine(lot.sku, lot.batch_lot, self.staff)
        except Exception as error:
            self.say(message_of(error))
            return
        self.say((self.tr("Quarantined 1 unit of lot {lot} ({name}): it is out of stock now. Set it aside for the "
                          "producer.") if units == 1 else
                  self.tr("Quarantined {count} units of lot {lot} ({name}): they are out of stock now. Set them "
                          "aside for the producer.")).format(count=number(units), lot=lot.batch_lot, name=lot.name),
                 "success")
        self.refresh()
