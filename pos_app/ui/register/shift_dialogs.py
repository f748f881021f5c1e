"""Opening and closing the drawer, drops and paid-outs, and the X/Z report on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QScrollArea, QWidget

from pos_app.domain.money import Money
from pos_app.services.receipts import report_rows
from pos_app.ui.common.widgets import DenominationCounter
from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.tasks import message_of


class OpenShiftDialog(PosDialog):
    """Count the float by denomination before the first sale."""

    def __init__(self, parent: QWidget | None, on_count: Callable[[dict[str, int]], str | None]) -> None:
        super().__init__(parent, "Open the shift: count the float", width=720)
        self._on_count = on_count
        self.body.addWidget(QLabel("Count the cash in the drawer by bill and coin.", wordWrap=True))
        self.counter = DenominationCounter()
        self.body.addWidget(self.counter)
        self.add_button("Open shift", self.confirm, primary=True)

    def confirm(self) -> None:
        error = self._on_count(self.counter.counts())
        if error:
            self.show_error(error)
        else:
            self.accept()


class CloseShiftDialog(PosDialog):
    """Count the drawer; expected, counted and the variance update as the cashier counts."""

    def __init__(self, parent: QWidget | None, *, expected: Money, limit: Money,
                 on_close: Callable[[dict[str, int]], None]) -> None:
        super().__init__(parent, "Close the shift: count the drawer", width=760)
        self._expected = expected
        self._limit = limit
        self._on_close = on_close
        self.counter = DenominationCounter(show_total=False)
        self.counter.changed.connect(self._update)
        figures = QGridLayout()
        self.expected_label = QLabel(str(expected), objectName="FigureValue", alignment=Qt.AlignmentFlag.AlignRight)
        self.counted_label = QLabel(objectName="FigureValue", alignment=Qt.AlignmentFlag.AlignRight)
        self.variance_label = QLabel(objectName="VarianceValue", alignment=Qt.AlignmentFlag.AlignRight)
        for row, (name, label) in enumerate((("Expected in drawer", self.expected_label),
                                             ("Counted", self.counted_label),
                                             ("Variance", self.variance_label))):
            figures.addWidget(QLabel(name), row, 0)
            figures.addWidget(label, row, 1)
        self.body.addWidget(self.counter)
        self.body.addLayout(figures)
        self.note = QLabel(wordWrap=True, objectName="DialogLead")
        self.body.addWidget(self.note)
        self.add_button("Cancel", self.reject)
        self.add_button("Close shift and print Z report", self.confirm, primary=True)
        self._update()

    def _update(self) -> None:
        counted = self.counter.total()
        variance = counted - self._expected
        self.counted_label.setText(str(counted))
        self.variance_label.setText(("+" if variance > Money.zero() else "") + str(variance))
        over = abs(variance) > self._limit
        self.variance_label.setProperty("over", "true" if over else "false")  # strings: QSS matches them
        self.variance_label.style().polish(self.variance_label)
        self.note.setText(f"The variance is over the store's limit of {self._limit}: a manager must approve it."
                          if over else "")

    def confirm(self) -> None:
        self.clear_error()
        self._on_close(self.counter.counts())


class CashMovementDialog(PosDialog):
    """A cash drop to the safe, or a paid-out with its reason."""

    KINDS = {"drop": "Cash drop (to the safe)", "paid_out": "Paid-out (cash paid for something)"}

    def __init__(self, parent: QWidget | None, on_save: Callable[[str, Money, str], None]) -> None:
        super().__init__(parent, "Cash drop or paid-out")
        self._on_save = on_save
        form = QFormLayout()
        self.kind = QComboBox()
        for key, text in self.KINDS.items():
            self.kind.addItem(text, key)
        self.amount = QLineEdit(placeholderText="0.00", objectName="AmountField")
        self.reason = QLineEdit(placeholderText="What it was for (required for a paid-out)")
        form.addRow("What", self.kind)
        form.addRow("Amount", self.amount)
        form.addRow("Reason", self.reason)
        self.body.addLayout(form)
        self.add_button("Cancel", self.reject)
        self.add_button("Save", self.confirm, primary=True)

    def confirm(self) -> None:
        try:
            amount = Money.parse(self.amount.text())
        except Exception as error:
            self.show_error(message_of(error))
            return
        self._on_save(self.kind.currentData(), amount, self.reason.text().strip())


class ReportDialog(PosDialog):
    """An X or Z report as it will print, with a Print button."""

    def __init__(self, parent: QWidget | None, report, on_print: Callable[[], None], *, zone: tzinfo) -> None:
        super().__init__(parent, "Z report: shift closed" if report.kind == "Z" else "X report (shift still open)",
                         width=620)
        self.report = report
        grid = QGridLayout()
        for row, (name, value) in enumerate(report_rows(report, zone)):  # the store's times, as printed
            label = QLabel(name)
            if name.isupper():
                label.setObjectName("ReportSection")
            grid.addWidget(label, row, 0)
            grid.addWidget(QLabel(value, alignment=Qt.AlignmentFlag.AlignRight), row, 1)
        holder = QWidget(objectName="ReportSheet")
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setMinimumHeight(420)
        self.body.addWidget(scroll)
        self.add_button("Print", on_print)
        self.add_button("Done", self.accept, primary=True)
