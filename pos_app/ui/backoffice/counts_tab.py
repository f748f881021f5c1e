"""Counts: pick what to count (a shelf label scan starts a location count), scan or type what is found, submit to
see the variance against the start plus the sales made meanwhile, and approve. Blind by default: the expected
quantities stay hidden until the count is submitted."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.domain.counts import CountLine, CountScope, CountSheet, parse_quantity
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.backoffice.words import number, signed
from pos_app.ui.common.widgets import TOUCH_MINIMUM, NumPad, touch_button
from pos_app.ui.tasks import message_of

SCOPES = ((CountScope.LOCATION, QT_TRANSLATE_NOOP("CountsTab", "One location"),
           QT_TRANSLATE_NOOP("CountsTab", "Scan a shelf label, or type its code (VAULT-01-02-A)")),
          (CountScope.CATEGORY, QT_TRANSLATE_NOOP("CountsTab", "One category"),
           QT_TRANSLATE_NOOP("CountsTab", "Type the category (Dried Flower)")),
          (CountScope.SKUS, QT_TRANSLATE_NOOP("CountsTab", "Some products"),
           QT_TRANSLATE_NOOP("CountsTab", "Type the SKUs, separated by commas")),
          (CountScope.STORE, QT_TRANSLATE_NOOP("CountsTab", "Whole store"),
           QT_TRANSLATE_NOOP("CountsTab", "Everything in stock")))
COLUMNS = (QT_TRANSLATE_NOOP("CountsTab", "Product"), QT_TRANSLATE_NOOP("CountsTab", "SKU"),
           QT_TRANSLATE_NOOP("CountsTab", "Lot"), QT_TRANSLATE_NOOP("CountsTab", "Counted"),
           QT_TRANSLATE_NOOP("CountsTab", "Expected"), QT_TRANSLATE_NOOP("CountsTab", "Sold / moved since start"),
           QT_TRANSLATE_NOOP("CountsTab", "Variance"))


class CountsTab(BackOfficeTab):
    key = "counts"
    title = QT_TRANSLATE_NOOP("BackOfficeTabs", "Counts")

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.scope_choice = QComboBox(objectName="CountScope")
        self.scope_choice.setMinimumHeight(TOUCH_MINIMUM)
        for scope, label, _ in SCOPES:
            self.scope_choice.addItem(label, scope)
        self.scope_choice.currentIndexChanged.connect(self._scope_changed)
        self.scope_field = QLineEdit(objectName="CountScopeField")
        self.scope_field.returnPressed.connect(self.start)
        self.blind_box = QCheckBox(checked=True)
        self.blind_box.setMinimumHeight(TOUCH_MINIMUM)
        self.start_button = touch_button("", primary=True)
        self.start_button.clicked.connect(self.start)

        self.heading = QLabel(objectName="ScreenTitle", wordWrap=True)
        self.summary = QLabel(wordWrap=True, objectName="CountSummary")
        self.lines = RowsTable(COLUMNS, name="CountLines", numeric=(3, 4, 5, 6))
        self.quantity_field = QLineEdit(objectName="CountQuantity")
        self.quantity_field.returnPressed.connect(self.set_count)
        self.set_button = touch_button("")
        self.set_button.clicked.connect(self.set_count)
        self.pad = NumPad(self.quantity_field)
        self.submit_button = touch_button("", primary=True)
        self.submit_button.clicked.connect(self.submit)
        self.approve_button = touch_button("", primary=True)
        self.approve_button.clicked.connect(self.approve)
        self.cancel_button = touch_button("")
        self.cancel_button.clicked.connect(self.cancel)

        self.start_row = QWidget()
        start = QHBoxLayout(self.start_row)
        start.setContentsMargins(0, 0, 0, 0)
        start.addWidget(self.scope_choice)
        start.addWidget(self.scope_field, 1)
        start.addWidget(self.blind_box)
        start.addWidget(self.start_button)
        entry = QGridLayout()
        entry.addWidget(self.quantity_field, 1, 0)
        entry.addWidget(self.set_button, 1, 1)
        entry.addWidget(self.pad, 2, 0, 1, 2)
        entry.setRowStretch(3, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.submit_button)
        actions.addWidget(self.approve_button)
        table = QVBoxLayout()
        table.addWidget(self.lines, 1)
        table.addLayout(actions)
        body = QHBoxLayout()
        body.addLayout(table, 3)
        body.addLayout(entry, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.start_row)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        self.setTabOrder(self.scope_choice, self.scope_field)
        self.setTabOrder(self.scope_field, self.start_button)
        self.setTabOrder(self.lines, self.quantity_field)
        self.setTabOrder(self.quantity_field, self.set_button)
        self.sheet: CountSheet | None = None
        self.retranslate()

    def retranslate(self) -> None:
        for index, (_scope, label, _hint) in enumerate(SCOPES):
            self.scope_choice.setItemText(index, self.tr(label))
        self.blind_box.setText(self.tr("Blind count (hide expected quantities)"))
        self.start_button.setText(self.tr("Start count"))
        self.lines.set_headers([self.tr(column) for column in COLUMNS])
        self.quantity_field.setPlaceholderText(self.tr("Units found on the chosen line"))
        self.set_button.setText(self.tr("Set count"))
        self.submit_button.setText(self.tr("Submit count"))
        self.approve_button.setText(self.tr("Approve"))
        self.cancel_button.setText(self.tr("Cancel count"))
        self._scope_changed()
        self.show_sheet(self.sheet)

    @property
    def counts(self):
        return self.t.backoffice.counts

    def begin(self, staff) -> None:
        super().begin(staff)
        self.show_sheet(self.counts.open_count())  # a count left open (even before a restart) carries on

    def _scope_changed(self) -> None:
        _, _, hint = SCOPES[self.scope_choice.currentIndex()]
        self.scope_field.setPlaceholderText(self.tr(hint))
        self.scope_field.setEnabled(self.scope_choice.currentData() is not CountScope.STORE)

    # --- actions

    def _run(self, action, *args):
        try:
            return action(*args)
        except Exception as error:
            self.say(message_of(error))
            return None

    def start(self, scope: CountScope | None = None, value: str | None = None) -> None:
        scope = scope or self.scope_choice.currentData()
        value = self.scope_field.text() if value is None else value
        sheet = self._run(lambda: self.counts.start(self.staff, scope, value, blind=self.blind_box.isChecked()))
        if sheet is not None:
            self.show_sheet(sheet)
            self.say(self.tr("Counting {scope}: scan each item, or pick a line and type what you found.")
                     .format(scope=sheet.scope_label), "info")

    def handle_scan(self, result: ScanResult) -> None:
        if result.kind is ScanKind.LOCATION and result.location is not None:
            if self.sheet is None:
                self.start(CountScope.LOCATION, result.location.code)
            else:
                self.say(self.tr("The count of {scope} is still open. Submit and approve it, or cancel it, before "
                                 "counting another shelf.").format(scope=self.sheet.scope_label), "warning")
        elif result.kind in (ScanKind.GTIN, ScanKind.GS1) and result.gtin:
            if self.sheet is None:
                self.say(self.tr("Start a count first: scan the shelf label, or pick what to count."), "warning")
                return
            line = self._run(self.counts.add, result.gtin, result.count, result.lot)  # a case label's (30)/(37)
            if line is not None:
                self._refresh(select=(line.sku, line.batch_lot))
                what = self.tr("{name} · lot {lot}").format(name=line.name, lot=line.batch_lot) if line.batch_lot \
                    else line.name
                self.say(self.tr("{what}: {count} counted.").format(what=what, count=number(line.counted)),
                         "success")
        else:
            super().handle_scan(result)

    def selected_line(self) -> CountLine | None:
        row = self.lines.currentRow()
        if self.sheet is None or not 0 <= row < len(self.sheet.lines):
            return None
        return self.sheet.lines[row]

    def set_count(self) -> None:
        line = self.selected_line()
        if line is None:
            self.say(self.tr("Pick the line you counted first, then type the units found."), "warning")
            return
        quantity = self._run(parse_quantity, self.quantity_field.text())
        if quantity is None:
            return
        counted = self._run(self.counts.set_count, line.sku, line.batch_lot, quantity)
        if counted is not None:
            self.quantity_field.clear()
            self._refresh(select=(line.sku, line.batch_lot), advance=True)

    def submit(self) -> None:
        sheet = self._run(self.counts.submit)
        if sheet is not None:
            self.show_sheet(sheet)
            self.say(self.tr("Submitted. Check the variances, then a manager approves the count."), "info")

    def approve(self) -> None:
        sheet = self._run(self.counts.approve, self.staff)
        if sheet is not None:
            self.show_sheet(None)
            net = sum(line.variance or 0 for line in sheet.lines)
            self.say(self.tr("Count of {scope} approved: {lines} line(s) adjusted, {net} units in all. The hub gets it "
                             "with the next sync.").format(scope=sheet.scope_label, lines=number(len(sheet.variances)),
                                                           net=f"{net:+d}"), "success")

    def cancel(self) -> None:
        try:
            self.counts.cancel(self.staff)
        except Exception as error:
            self.say(message_of(error))
            return
        self.show_sheet(None)
        self.say(self.tr("The count was cancelled; nothing was adjusted."), "info")

    # --- showing

    def _refresh(self, *, select: tuple | None = None, advance: bool = False) -> None:
        self.show_sheet(self.counts.open_count())
        if select is not None and self.sheet is not None:
            keys = [(line.sku, line.batch_lot) for line in self.sheet.lines]
            if select in keys:
                index = keys.index(select) + (1 if advance else 0)
                self.lines.selectRow(min(index, len(keys) - 1))
        self.quantity_field.setFocus()

    def show_sheet(self, sheet: CountSheet | None) -> None:
        self.sheet = sheet
        counting = sheet is not None and sheet.status == "counting"
        submitted = sheet is not None and sheet.status == "submitted"
        self.start_row.setVisible(sheet is None)  # one count at a time: its controls make room for the lines
        if sheet is None:
            self._scope_changed()
        for widget in (self.quantity_field, self.set_button, self.pad):
            widget.setEnabled(counting)
        self.submit_button.setVisible(counting)
        self.approve_button.setVisible(submitted)
        self.cancel_button.setVisible(sheet is not None)
        for column in (5, 6):  # moves and variance mean something once submitted
            self.lines.setColumnHidden(column, not submitted)
        if sheet is None:
            self.heading.setText(self.tr("Start a count: scan a shelf label, or pick what to count."))
            self.summary.setText("")
            self.lines.show_rows([])
            return
        counted = len(sheet.counted_lines)
        if counting:
            self.heading.setText(self.tr("Counting {scope}").format(scope=sheet.scope_label))
            hidden = " " + self.tr("Expected quantities are hidden until you submit.") if sheet.blind else ""
            self.summary.setText(self.tr("{counted} of {lines} lines counted.").format(
                counted=number(counted), lines=number(len(sheet.lines))) + hidden)
        else:
            self.heading.setText(self.tr("Variance for {scope} — waiting for approval").format(scope=sheet.scope_label))
            left = len(sheet.lines) - counted
            rest = " " + self.tr("{count} line(s) not counted are left as they are.").format(count=number(left)) \
                if left else ""
            self.summary.setText(self.tr("{differ} of {counted} counted lines differ from what was expected (at the "
                                         "start, plus the sales made while counting).").format(
                differ=number(len(sheet.variances)), counted=number(counted)) + rest)
        show = sheet.shows_expected
        self.lines.show_rows([(
            line.name, line.sku, line.batch_lot or "–", "–" if line.counted is None else number(line.counted),
            number(line.expected_at_start) if show else self.tr("hidden"),
            signed(line.moves_since_start) if line.expected_now is not None else "",
            "" if line.variance is None else signed(line.variance),
        ) for line in sheet.lines])
