"""Put-away: scan a shelf label, then the items or lots that go on it; scan another label for the next shelf.
"Save put-away" sends the whole batch at once. Stock already on a shelf can be moved to another."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.services.putaway import MAX_UNITS, Location, PutawayLine
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.common.widgets import TOUCH_MINIMUM, touch_button
from pos_app.ui.tasks import message_of

START = "Scan a shelf label (LOC:…) to start, then scan the items that go on that shelf."


def _spin() -> QSpinBox:
    spin = QSpinBox(minimum=1, maximum=MAX_UNITS)
    spin.setMinimumHeight(TOUCH_MINIMUM)
    return spin


class PutawayTab(BackOfficeTab):
    key = "putaway"
    title = "Put-away"

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.location: Location | None = None
        self.lines: list[PutawayLine] = []
        self.heading = QLabel(START, objectName="ScreenTitle", wordWrap=True)
        self.location_field = QLineEdit(placeholderText="Or type a location, e.g. VAULT-01-03-B",
                                        objectName="PutawayLocationField")
        self.location_field.returnPressed.connect(self._typed_location)
        self.location_button = touch_button("Use location")
        self.location_button.clicked.connect(self._typed_location)
        self.primary = QCheckBox("Make this their main shelf (primary)")
        self.primary.setMinimumHeight(TOUCH_MINIMUM)
        self.table = RowsTable(("Product", "SKU", "Lot", "Location", "Quantity", "Primary"), name="PutawayLines",
                               numeric=(4,))
        self.quantity = _spin()
        self.set_quantity_button = touch_button("Set quantity")
        self.set_quantity_button.clicked.connect(self.set_quantity)
        self.remove_button = touch_button("Remove line")
        self.remove_button.clicked.connect(self.remove_line)
        self.save_button = touch_button("Save put-away", primary=True)
        self.save_button.clicked.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(self.location_field, 1)
        top.addWidget(self.location_button)
        top.addWidget(self.primary)
        edit = QHBoxLayout()
        edit.addWidget(QLabel("Quantity of the chosen line"))
        edit.addWidget(self.quantity)
        edit.addWidget(self.set_quantity_button)
        edit.addWidget(self.remove_button)
        edit.addStretch(1)
        edit.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addLayout(edit)
        body = QHBoxLayout(self)
        body.addLayout(left, 3)
        body.addWidget(self._move_box(), 1)

    def _move_box(self) -> QGroupBox:
        box = QGroupBox("Move stock between shelves", objectName="MoveBox")
        self.move_from = QLineEdit(placeholderText="From, e.g. BACK-01-02-A", objectName="MoveFrom")
        self.move_to = QLineEdit(placeholderText="To, e.g. VAULT-01-03-B", objectName="MoveTo")
        self.move_item = QLineEdit(placeholderText="Product GTIN or SKU", objectName="MoveItem")
        self.move_lot = QLineEdit(placeholderText="Lot (if the shelf keeps lots apart)", objectName="MoveLot")
        self.move_quantity = _spin()
        self.move_button = touch_button("Move", primary=True)
        self.move_button.clicked.connect(self.move)
        for field in (self.move_from, self.move_to, self.move_item, self.move_lot):
            field.setMinimumHeight(TOUCH_MINIMUM)
            field.returnPressed.connect(self.move)
        grid = QGridLayout(box)
        for row, (label, widget) in enumerate((("From", self.move_from), ("To", self.move_to),
                                               ("Product", self.move_item), ("Lot", self.move_lot),
                                               ("Units", self.move_quantity))):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.move_button, 5, 0, 1, 2)
        grid.setRowStretch(6, 1)
        return box

    def begin(self, staff) -> None:
        super().begin(staff)
        self.location, self.lines = None, []
        self.heading.setText(START)
        self._show()

    # --- scans: a shelf label chooses the shelf, a product or lot goes on it ----------------------------------

    def handle_scan(self, result: ScanResult) -> None:
        into = next((field for field in (self.move_from, self.move_to, self.move_item) if field.hasFocus()), None)
        if into is not None and (result.location or result.gtin):  # a scan into the move form fills its field
            into.setText(result.location.location_code if result.location else result.gtin)
            if result.lot and into is self.move_item:
                self.move_lot.setText(result.lot)
            into.focusNextChild()
        elif result.kind is ScanKind.LOCATION and result.location is not None:
            self.scan_location(result.location.location_code)
        elif result.kind in (ScanKind.GTIN, ScanKind.GS1) and result.gtin:
            self.scan_item(result.gtin, lot=result.lot, quantity=result.count)  # a case label's (30)/(37)
        else:
            super().handle_scan(result)

    def scan_location(self, code: str) -> bool:
        try:
            self.location = self.t.backoffice.putaway.location(code)
        except Exception as error:
            self.say(message_of(error))
            return False
        notes = f" ({self.location.notes})" if self.location.notes else ""
        self.heading.setText(f"Putting away on {self.location.code}{notes}. Scan the items or lots for this shelf.")
        self.say(f"Shelf {self.location.code}: now scan what goes on it.", "info")
        return True

    def scan_item(self, code: str, *, lot: str | None = None, quantity: int | None = None) -> bool:
        """The item on the chosen shelf: `quantity` units, else what one scan of the code is (a case's worth)."""
        if self.location is None:
            self.say("Scan a shelf label first (LOC:…), then the items that go on that shelf.", "warning")
            return False
        try:
            item = self.t.backoffice.putaway.item(code)
        except Exception as error:
            self.say(message_of(error))
            return False
        primary = self.primary.isChecked()
        quantity = quantity or item.units
        for index, line in enumerate(self.lines):
            if (line.location.id, line.sku, line.batch_lot) == (self.location.id, item.sku, lot):
                self.lines[index] = PutawayLine(line.location, line.sku, line.name, lot, line.quantity + quantity,
                                                line.primary or primary)
                break
        else:
            self.lines.append(PutawayLine(self.location, item.sku, item.name, lot, quantity, primary))
        self._show()
        units = f"{quantity} × " if quantity > 1 else ""
        self.say(f"{units}{item.name}{f' (lot {lot})' if lot else ''} → {self.location.code}.", "info")
        return True

    def _typed_location(self) -> None:
        text = self.location_field.text().strip()
        if not text:
            self.say("Type a location like VAULT-01-03-B, or scan its shelf label.", "warning")
        elif self.scan_location(text):
            self.location_field.clear()

    # --- the lines --------------------------------------------------------------------------------------------

    def _chosen(self) -> int | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            return row
        self.say("Tap a line first.", "warning")
        return None

    def set_quantity(self) -> None:
        row = self._chosen()
        if row is not None:
            line = self.lines[row]
            self.lines[row] = PutawayLine(line.location, line.sku, line.name, line.batch_lot, self.quantity.value(),
                                          line.primary)
            self._show(row)

    def remove_line(self) -> None:
        row = self._chosen()
        if row is not None:
            del self.lines[row]
            self._show()

    def _show(self, select: int | None = None) -> None:
        self.table.show_rows([(line.name, line.sku, line.batch_lot or "any", line.location.code, line.quantity,
                               "Primary" if line.primary else "") for line in self.lines])
        if select is not None:
            self.table.selectRow(select)
        self.save_button.setEnabled(bool(self.lines))

    def save(self) -> bool:
        if self.staff is None:
            return False
        try:
            self.t.backoffice.putaway.put_away(self.lines, self.staff)
        except Exception as error:
            self.say(message_of(error))
            return False
        units, shelves = sum(line.quantity for line in self.lines), len({line.location.id for line in self.lines})
        self.say(f"Put away {units} unit{'s' if units != 1 else ''} on {shelves} shelf location"
                 f"{'s' if shelves != 1 else ''}. It goes to head office with the next sync.", "success")
        self.lines = []
        self._show()
        return True

    def move(self) -> bool:
        if self.staff is None:
            return False
        service = self.t.backoffice.putaway
        try:
            source, target = service.location(self.move_from.text()), service.location(self.move_to.text())
            item = service.item(self.move_item.text().strip())
            units = self.move_quantity.value()
            service.move(item.sku, self.move_lot.text().strip() or None, source, target, units, self.staff)
        except Exception as error:
            self.say(message_of(error))
            return False
        self.say(f"Moved {units} of {item.name} from {source.code} to {target.code}.", "success")
        for field in (self.move_from, self.move_to, self.move_item, self.move_lot):
            field.clear()
        return True
