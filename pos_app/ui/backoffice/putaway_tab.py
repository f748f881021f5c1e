"""Put-away: scan a shelf label, then the items or lots that go on it; scan another label for the next shelf.
"Save put-away" sends the whole batch at once. Stock already on a shelf can be moved to another."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
from pos_app.ui.backoffice.words import number
from pos_app.ui.common.widgets import TOUCH_MINIMUM, touch_button
from pos_app.ui.tasks import message_of

START = QT_TRANSLATE_NOOP("PutawayTab", "Scan a shelf label (LOC:…) to start, then scan the items that go on that "
                                       "shelf.")


def _spin() -> QSpinBox:
    spin = QSpinBox(minimum=1, maximum=MAX_UNITS)
    spin.setMinimumHeight(TOUCH_MINIMUM)
    return spin


class PutawayTab(BackOfficeTab):
    key = "putaway"
    title = QT_TRANSLATE_NOOP("BackOfficeTabs", "Put-away")

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.location: Location | None = None
        self.lines: list[PutawayLine] = []
        self.heading = QLabel(objectName="ScreenTitle", wordWrap=True)
        self.location_field = QLineEdit(objectName="PutawayLocationField")
        self.location_field.returnPressed.connect(self._typed_location)
        self.location_button = touch_button("")
        self.location_button.clicked.connect(self._typed_location)
        self.primary = QCheckBox()
        self.primary.setMinimumHeight(TOUCH_MINIMUM)
        self.table = RowsTable(("",) * 6, name="PutawayLines", numeric=(4,))
        self.quantity = _spin()
        self.set_quantity_button = touch_button("")
        self.set_quantity_button.clicked.connect(self.set_quantity)
        self.remove_button = touch_button("")
        self.remove_button.clicked.connect(self.remove_line)
        self.save_button = touch_button("", primary=True)
        self.save_button.clicked.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(self.location_field, 1)
        top.addWidget(self.location_button)
        top.addWidget(self.primary)
        edit = QHBoxLayout()
        self.quantity_label = QLabel()
        edit.addWidget(self.quantity_label)
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
        self.retranslate()

    def retranslate(self) -> None:
        self._name_shelf()
        self.location_field.setPlaceholderText(self.tr("Or type a location, e.g. VAULT-01-03-B"))
        self.location_button.setText(self.tr("Use location"))
        self.primary.setText(self.tr("Make this their main shelf (primary)"))
        self.table.set_headers((self.tr("Product"), self.tr("SKU"), self.tr("Lot"), self.tr("Location"),
                                self.tr("Quantity"), self.tr("Primary")))
        self.set_quantity_button.setText(self.tr("Set quantity"))
        self.remove_button.setText(self.tr("Remove line"))
        self.save_button.setText(self.tr("Save put-away"))
        self.quantity_label.setText(self.tr("Quantity of the chosen line"))
        self.move_box.setTitle(self.tr("Move stock between shelves"))
        self.move_from.setPlaceholderText(self.tr("From, e.g. BACK-01-02-A"))
        self.move_to.setPlaceholderText(self.tr("To, e.g. VAULT-01-03-B"))
        self.move_item.setPlaceholderText(self.tr("Product GTIN or SKU"))
        self.move_lot.setPlaceholderText(self.tr("Lot (if the shelf keeps lots apart)"))
        self.move_button.setText(self.tr("Move"))
        for label, text in zip(self.move_labels, (self.tr("From"), self.tr("To"), self.tr("Product"), self.tr("Lot"),
                                                  self.tr("Units")), strict=True):
            label.setText(text)
        self._show()

    def _name_shelf(self) -> None:
        if self.location is None:
            self.heading.setText(self.tr(START))
            return
        notes = f" ({self.location.notes})" if self.location.notes else ""
        self.heading.setText(self.tr("Putting away on {shelf}{notes}. Scan the items or lots for this shelf.")
                             .format(shelf=self.location.code, notes=notes))

    def _move_box(self) -> QGroupBox:
        box = self.move_box = QGroupBox(objectName="MoveBox")
        self.move_from = QLineEdit(objectName="MoveFrom")
        self.move_to = QLineEdit(objectName="MoveTo")
        self.move_item = QLineEdit(objectName="MoveItem")
        self.move_lot = QLineEdit(objectName="MoveLot")
        self.move_quantity = _spin()
        self.move_button = touch_button("", primary=True)
        self.move_button.clicked.connect(self.move)
        for field in (self.move_from, self.move_to, self.move_item, self.move_lot):
            field.setMinimumHeight(TOUCH_MINIMUM)
            field.returnPressed.connect(self.move)
        grid = QGridLayout(box)
        self.move_labels = [QLabel() for _ in range(5)]
        for row, widget in enumerate((self.move_from, self.move_to, self.move_item, self.move_lot,
                                      self.move_quantity)):
            grid.addWidget(self.move_labels[row], row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.move_button, 5, 0, 1, 2)
        grid.setRowStretch(6, 1)
        return box

    def begin(self, staff) -> None:
        super().begin(staff)
        self.location, self.lines = None, []
        self._name_shelf()
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
        self._name_shelf()
        self.say(self.tr("Shelf {shelf}: now scan what goes on it.").format(shelf=self.location.code), "info")
        return True

    def scan_item(self, code: str, *, lot: str | None = None, quantity: int | None = None) -> bool:
        """The item on the chosen shelf: `quantity` units, else what one scan of the code is (a case's worth)."""
        if self.location is None:
            self.say(self.tr("Scan a shelf label first (LOC:…), then the items that go on that shelf."), "warning")
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
        units = f"{number(quantity)} × " if quantity > 1 else ""
        what = self.tr("{name} (lot {lot})").format(name=item.name, lot=lot) if lot else item.name
        self.say(f"{units}{what} → {self.location.code}.", "info")
        return True

    def _typed_location(self) -> None:
        text = self.location_field.text().strip()
        if not text:
            self.say(self.tr("Type a location like VAULT-01-03-B, or scan its shelf label."), "warning")
        elif self.scan_location(text):
            self.location_field.clear()

    # --- the lines --------------------------------------------------------------------------------------------

    def _chosen(self) -> int | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            return row
        self.say(self.tr("Tap a line first."), "warning")
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
        self.table.show_rows([(line.name, line.sku, line.batch_lot or self.tr("any"), line.location.code,
                               number(line.quantity), self.tr("Primary") if line.primary else "")
                              for line in self.lines])
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
        units_text = self.tr("1 unit") if units == 1 else self.tr("{count} units").format(count=number(units))
        shelves_text = (self.tr("1 shelf location") if shelves == 1 else
                        self.tr("{count} shelf locations").format(count=number(shelves)))
        self.say(self.tr("Put away {units} on {shelves}. It goes to head office with the next sync.").format(
            units=units_text, shelves=shelves_text), "success")
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
        self.say(self.tr("Moved {count} of {name} from {source} to {target}.").format(
            count=number(units), name=item.name, source=source.code, target=target.code), "success")
        for field in (self.move_from, self.move_to, self.move_item, self.move_lot):
            field.clear()
        return True
