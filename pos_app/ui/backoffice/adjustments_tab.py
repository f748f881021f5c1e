"""Adjustments: a product (scanned or typed), its lot, a signed quantity, one of the fixed reasons and a note.
Manager only and audited; each one goes to the hub as `inventory.adjusted.v1`."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QButtonGroup, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.domain.counts import parse_quantity
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.backoffice.words import adjustment_reason, number, signed
from pos_app.ui.common.widgets import TOUCH_MINIMUM, touch_button
from pos_app.ui.tasks import message_of
from sync.mutations.reasons import ADJUSTMENT_REASON_LABELS

NO_LOT = QT_TRANSLATE_NOOP("AdjustmentsTab", "No lot")


class AdjustmentsTab(BackOfficeTab):
    key = "adjustments"
    title = QT_TRANSLATE_NOOP("BackOfficeTabs", "Adjustments")

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.product_field = QLineEdit(objectName="AdjustProduct")
        self.product_field.returnPressed.connect(self.find_product)
        self.find_button = touch_button("")
        self.find_button.clicked.connect(self.find_product)
        self.product_label = QLabel(objectName="SectionTitle", wordWrap=True)
        self.lot_choice = QComboBox(objectName="AdjustLot")
        self.lot_choice.setMinimumHeight(TOUCH_MINIMUM)
        self.quantity_field = QLineEdit(objectName="AdjustQuantity")
        self.quantity_field.returnPressed.connect(self.record)
        self.note_field = QLineEdit(objectName="AdjustNote")
        self.note_field.setMaxLength(300)
        self.note_field.returnPressed.connect(self.record)
        self.reasons = QButtonGroup(self)
        self.reason_buttons = {}
        reasons = QGridLayout()
        for index, reason in enumerate(ADJUSTMENT_REASON_LABELS):
            button = touch_button("", name="ReasonButton")
            button.setCheckable(True)
            self.reasons.addButton(button)
            self.reason_buttons[reason] = button
            reasons.addWidget(button, index // 5, index % 5)
        self.record_button = touch_button("", primary=True)
        self.record_button.clicked.connect(self.record)
        self.recent = RowsTable(("",) * 6, name="RecentAdjustments", numeric=(2, 5))
        self.recent.setMinimumHeight(2 * TOUCH_MINIMUM)

        find = QHBoxLayout()
        find.addWidget(self.product_field, 1)
        find.addWidget(self.find_button)
        form = QGridLayout()
        self.lot_label, self.units_label, self.note_label = QLabel(), QLabel(), QLabel()
        self.reasons_title = QLabel(objectName="SectionTitle")
        form.addWidget(self.lot_label, 0, 0)
        form.addWidget(self.lot_choice, 0, 1)
        form.addWidget(self.units_label, 0, 2)
        form.addWidget(self.quantity_field, 0, 3)
        form.addWidget(self.note_label, 1, 0)
        form.addWidget(self.note_field, 1, 1, 1, 2)
        form.addWidget(self.record_button, 1, 3)
        form.setColumnStretch(1, 2)
        form.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(find)
        layout.addWidget(self.product_label)
        layout.addLayout(form)
        layout.addWidget(self.reasons_title)
        layout.addLayout(reasons)
        layout.addWidget(self.recent, 1)
        self.setTabOrder(self.product_field, self.lot_choice)
        self.setTabOrder(self.lot_choice, self.quantity_field)
        self.setTabOrder(self.quantity_field, self.note_field)
        self.setTabOrder(self.note_field, self.record_button)
        self.sku: str | None = None
        self._recent: list = []  # the adjustments recorded here, newest first
        self.retranslate()

    def retranslate(self) -> None:
        self.product_field.setPlaceholderText(self.tr("Scan the product, or type its SKU or GTIN"))
        self.find_button.setText(self.tr("Find"))
        if self.sku is None:
            self.product_label.setText(self.tr("No product chosen yet."))
        self.quantity_field.setPlaceholderText(self.tr("−2 removes two units, 3 adds three"))
        self.note_field.setPlaceholderText(self.tr("What happened (optional)"))
        for reason, button in self.reason_buttons.items():
            button.setText(adjustment_reason(reason))
        self.record_button.setText(self.tr("Record adjustment"))
        self.recent.set_headers((self.tr("Product"), self.tr("Lot"), self.tr("Units"), self.tr("Reason"),
                                 self.tr("Note"), self.tr("On hand now")))
        self.lot_label.setText(self.tr("Lot"))
        self.units_label.setText(self.tr("Units (− to remove)"))
        self.note_label.setText(self.tr("Note"))
        self.reasons_title.setText(self.tr("Reason (pick one), then Record:"))
        no_lot = self.lot_choice.findData(None)
        if no_lot >= 0:
            self.lot_choice.setItemText(no_lot, self.tr(NO_LOT))
        self._show_recent()

    def _show_recent(self) -> None:
        self.recent.show_rows([(done.name, done.batch_lot or "–", signed(done.quantity), adjustment_reason(done.reason),
                                done.note, number(done.on_hand_after)) for done in self._recent])

    def handle_scan(self, result: ScanResult) -> None:
        if result.kind in (ScanKind.GTIN, ScanKind.GS1) and result.gtin:
            self.product_field.setText(result.gtin)
            self.find_product(lot=result.lot)
        else:
            super().handle_scan(result)

    def find_product(self, lot: str | None = None) -> None:
        code = self.product_field.text().strip()
        if not code:
            self.say(self.tr("Scan the product, or type its SKU or GTIN first."), "warning")
            return
        try:
            sku, _ = self.t.backoffice.counts.product(code)
            row = self.t.backoffice.stock.by_code(sku)
        except Exception as error:
            self.say(message_of(error))
            return
        self.sku = sku
        self.product_label.setText(self.tr("{name} — {brand} · SKU {sku} · {count} on hand").format(
            name=row.name, brand=row.brand, sku=sku, count=number(row.on_hand)))
        self.lot_choice.clear()
        lots = self.t.backoffice.adjustments.lots(sku)
        for name in lots:
            self.lot_choice.addItem(name, name)
        self.lot_choice.addItem(self.tr(NO_LOT), None)
        if isinstance(lot, str) and lot in lots:
            self.lot_choice.setCurrentIndex(lots.index(lot))
        self.quantity_field.setFocus()

    def chosen_reason(self):
        for reason, button in self.reason_buttons.items():
            if button.isChecked():
                return reason
        return None

    def record(self) -> None:
        if self.sku is None:
            self.say(self.tr("Choose the product first: scan it, or type its SKU and press Find."), "warning")
            return
        reason = self.chosen_reason()
        if reason is None:
            self.say(self.tr("Pick the reason for this adjustment."), "warning")
            return
        try:
            quantity = parse_quantity(self.quantity_field.text().replace("−", "-"))
            done = self.t.backoffice.adjustments.adjust(self.sku, self.lot_choice.currentData(), quantity, reason,
                                                        self.note_field.text(), self.staff)
        except Exception as error:
            self.say(message_of(error))
            return
        self._recent.insert(0, done)
        self._show_recent()
        self.quantity_field.clear()
        self.note_field.clear()
        what = (self.tr("{name} (lot {lot})").format(name=done.name, lot=done.batch_lot) if done.batch_lot
                else done.name)
        self.say(self.tr("Recorded: {change} × {what}, {reason}. {count} now in stock.").format(
            change=signed(done.quantity), what=what, reason=adjustment_reason(done.reason).lower(),
            count=number(done.on_hand_after)), "success")
