"""Small dialogs: parked sales, void a sale, and quantity."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from pos_app.services.clock import StoreClock
from pos_app.services.parked_info import ParkedSaleInfo
from pos_app.ui.common.language import items_text, money
from pos_app.ui.common.widgets import NumPad
from pos_app.ui.register.dialogs import PosDialog


class ParkedSalesDialog(PosDialog):
    """Park the open sale with a label, or bring a parked one back."""

    def __init__(self, parent: QWidget | None, parked: list[ParkedSaleInfo], *, can_park: bool,
                 on_park: Callable[[str], None], on_resume: Callable[[ParkedSaleInfo], None],
                 clock: StoreClock) -> None:
        super().__init__(parent, self.tr("Park or resume a sale"))
        self._on_park = on_park
        self._on_resume = on_resume
        self.label_field = QLineEdit(placeholderText=self.tr("Label, e.g. the customer's name or jacket colour"))
        self.label_field.setEnabled(can_park)
        self.list = QListWidget(objectName="ParkedList")
        for info in parked:
            item = QListWidgetItem(f"{info.label}   ·   {items_text(info.item_count)}   ·   {money(info.total)}   ·   "
                                   f"{clock.time(info.parked_at)}")
            item.setData(256, info)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda item: self._on_resume(item.data(256)))
        self.body.addWidget(QLabel(self.tr("Park the sale on screen:") if can_park else self.tr("The cart is empty.")))
        self.body.addWidget(self.label_field)
        self.body.addWidget(QLabel(self.tr("Parked sales ({count}):").format(count=len(parked))))
        self.body.addWidget(self.list, 1)
        self.add_button(self.tr("Cancel"), self.reject)
        self.resume_button = self.add_button(self.tr("Resume selected"), self.resume_selected)
        self.resume_button.setEnabled(bool(parked))
        self.park_button = self.add_button(self.tr("Park this sale"), lambda: self._on_park(self.label_field.text()),
                                           primary=True)
        self.park_button.setEnabled(can_park)
        if parked:
            self.list.setCurrentRow(0)

    def resume_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._on_resume(item.data(256))


class VoidDialog(PosDialog):
    """Void a completed sale of this shift: type or scan its receipt number."""

    def __init__(self, parent: QWidget | None, *, on_void: Callable[[str], None],
                 last_number: str | None = None) -> None:
        super().__init__(parent, self.tr("Void a sale"))
        self._on_void = on_void
        self.body.addWidget(QLabel(self.tr("Only a sale of this shift can be voided; the money goes back the way "
                                           "it was paid and the stock is put back. Older sales are refunded "
                                           "instead."),
                                   wordWrap=True))
        self.number_field = QLineEdit(last_number or "", placeholderText=self.tr("Receipt number, e.g. ON001-1-000042"),
                                      objectName="ReceiptField")
        self.reason_field = QLineEdit(placeholderText=self.tr("Reason (optional)"))
        self.body.addWidget(self.number_field)
        self.body.addWidget(self.reason_field)
        self.add_button(self.tr("Cancel"), self.reject)
        self.void_button = self.add_button(self.tr("Void sale"), self.confirm, primary=True)

    def confirm(self) -> None:
        self.clear_error()
        if not self.number_field.text().strip():
            self.show_error(self.tr("Type or scan the receipt number of the sale to void."))
            return
        self._on_void(self.number_field.text().strip())

    @property
    def reason(self) -> str | None:
        return self.reason_field.text().strip() or None


class QuantityDialog(PosDialog):
    """Type the quantity (keyboard or number pad); Enter or Set quantity sets it."""

    def __init__(self, parent: QWidget | None, name: str, quantity: int,
                 on_set: Callable[[int], None]) -> None:
        super().__init__(parent, self.tr("Quantity: {product}").format(product=name), width=420)
        self.spin = QSpinBox(minimum=1, maximum=999, objectName="QuantitySpin")
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setValue(quantity)
        self.spin.selectAll()
        self.numpad = NumPad(self.spin)
        self.body.addWidget(self.spin)
        self.body.addWidget(self.numpad)
        self.add_button(self.tr("Cancel"), self.reject)
        self.set_button = self.add_button(self.tr("Set quantity  [Enter]"), lambda: on_set(self.spin.value()),
                                          primary=True)
        self.submit = self.set_button.click
        self.spin.setFocus()
