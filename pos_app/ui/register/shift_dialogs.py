"""Opening and closing the drawer, drops and paid-outs, and the X/Z report on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QScrollArea, QWidget

from pos_app.domain.money import Money
from pos_app.services.receipts import card_batch_notice, report_rows
from pos_app.ui.common.language import amount_field_text, money, parse_money, signed_money
from pos_app.ui.common.widgets import DenominationCounter, NumPad
from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.tasks import message_of


class OpenShiftDialog(PosDialog):
    """Count the float by denomination before the first sale; an empty drawer is asked about, not assumed."""

    def __init__(self, parent: QWidget | None, on_count: Callable[[dict[str, int]], str | None]) -> None:
        super().__init__(parent, self.tr("Open the shift: count the float"), width=900)
        self._on_count = on_count
        self.body.addWidget(QLabel(self.tr("Count the cash in the drawer by bill and coin."), wordWrap=True))
        self.counter = DenominationCounter()
        self.counter.changed.connect(self._recounted)
        self.body.addWidget(self.counter)
        self.question = QLabel(self.tr("Open with no cash in the drawer? The float counted is {amount}.").format(
                               amount=money(Money.zero())),
                               objectName="Question", wordWrap=True)
        self.question.hide()
        self.body.addWidget(self.question)
        self.open_button = self.add_button(self.tr("Open shift"), self.confirm, primary=True)

    @property
    def asking_about_empty_drawer(self) -> bool:
        return self.question.isVisible()

    def _recounted(self) -> None:
        if self.asking_about_empty_drawer and self.counter.total():
            self.question.hide()
            self.open_button.setText(self.tr("Open shift"))

    def confirm(self) -> None:
        self.clear_error()
        if not self.counter.total() and not self.asking_about_empty_drawer:
            self.question.show()
            self.open_button.setText(self.tr("Yes, open with {amount}").format(amount=money(Money.zero())))
            self.fit_contents()
            return
        error = self._on_count(self.counter.counts())
        if error:
            self.show_error(error)
        else:
            self.accept()


class CloseShiftDialog(PosDialog):
    """A blind count: the cashier counts the drawer first; only then are the expected cash and the variance shown,
    with Recount to go back and count again."""

    def __init__(self, parent: QWidget | None, *, expected: Money, limit: Money,
                 on_close: Callable[[dict[str, int]], None]) -> None:
        super().__init__(parent, self.tr("Close the shift: count the drawer"), width=900)
        self._expected = expected
        self._limit = limit
        self._on_close = on_close
        self.lead = QLabel(self.tr("Count the cash in the drawer by bill and coin, then tap Done counting."),
                           wordWrap=True, objectName="DialogLead")
        self.counter = DenominationCounter()
        self.counter.changed.connect(self._update)
        self.summary = QWidget()
        figures = QGridLayout(self.summary)
        self.expected_label = QLabel(money(expected), objectName="FigureValue", alignment=Qt.AlignmentFlag.AlignRight)
        self.counted_label = QLabel(objectName="FigureValue", alignment=Qt.AlignmentFlag.AlignRight)
        self.variance_label = QLabel(objectName="VarianceValue", alignment=Qt.AlignmentFlag.AlignRight)
        for row, (name, label) in enumerate(((self.tr("Counted"), self.counted_label),
                                             (self.tr("Expected in drawer"), self.expected_label),
                                             (self.tr("Variance"), self.variance_label))):
            figures.addWidget(QLabel(name), row, 0)
            figures.addWidget(label, row, 1)
        self.note = QLabel(wordWrap=True, objectName="DialogLead")
        figures.addWidget(self.note, 3, 0, 1, 2)
        self.summary.hide()
        self.body.addWidget(self.lead)
        self.body.addWidget(self.counter)
        self.body.addWidget(self.summary)
        self.body.addStretch(1)  # the summary is shorter than the count: spare room goes below it
        self.add_button(self.tr("Cancel"), self.reject)
        self.recount_button = self.add_button(self.tr("Recount"), self.recount)
        self.done_button = self.add_button(self.tr("Done counting"), self.review, primary=True)
        self.close_button = self.add_button(self.tr("Close shift and print Z report"), self.confirm, primary=True)
        self.recount_button.hide()
        self.close_button.hide()
        self._update()

    def _update(self) -> None:
        counted = self.counter.total()
        variance = counted - self._expected
        self.counted_label.setText(money(counted))
        self.variance_label.setText(signed_money(variance))
        over = abs(variance) > self._limit
        self.variance_label.setProperty("over", "true" if over else "false")  # strings: QSS matches them
        self.variance_label.style().polish(self.variance_label)
        self.note.setText(self.tr("The variance is over the store's limit of {limit}: a manager must approve "
                                  "it.").format(limit=money(self._limit)) if over else "")

    def review(self) -> None:
        """The count is in: now show what was expected and the variance."""
        self._show_summary(True)

    def recount(self) -> None:
        self._show_summary(False)

    def _show_summary(self, shown: bool) -> None:
        self.clear_error()
        self.counter.setVisible(not shown)
        self.summary.setVisible(shown)
        self.lead.setText(self.tr("Check the figures, then close the shift.") if shown
                          else self.tr("Count the cash in the drawer by bill and coin, then tap Done counting."))
        self.done_button.setVisible(not shown)
        self.recount_button.setVisible(shown)
        self.close_button.setVisible(shown)
        self.fit_contents()

    def confirm(self) -> None:
        self.clear_error()
        self._on_close(self.counter.counts())


class CashMovementDialog(PosDialog):
    """A cash drop to the safe, or a paid-out with its reason."""

    KINDS = {"drop": QT_TRANSLATE_NOOP("CashMovementDialog", "Cash drop (to the safe)"),
             "paid_out": QT_TRANSLATE_NOOP("CashMovementDialog", "Paid-out (cash paid for something)")}

    def __init__(self, parent: QWidget | None, on_save: Callable[[str, Money, str], None]) -> None:
        super().__init__(parent, self.tr("Cash drop or paid-out"))
        self._on_save = on_save
        form = QFormLayout()
        self.kind = QComboBox()
        for key, text in self.KINDS.items():
            self.kind.addItem(self.tr(text), key)
        self.amount = QLineEdit(placeholderText=amount_field_text(Money.zero()), objectName="AmountField")
        self.reason = QLineEdit(placeholderText=self.tr("What it was for (required for a paid-out)"))
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        self.body.addLayout(form)
        self.numpad = NumPad(self.amount, decimal=True)
        self.body.addWidget(self.numpad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.amount.setFocus()
        self.add_button(self.tr("Cancel"), self.reject)
        self.add_button(self.tr("Save"), self.confirm, primary=True)

    def confirm(self) -> None:
        try:
            amount = parse_money(self.amount.text())
        except Exception as error:
            self.show_error(message_of(error))
            return
        self._on_save(self.kind.currentData(), amount, self.reason.text().strip())


class ReportDialog(PosDialog):
    """An X or Z report as it will print, with a Print button."""

    def __init__(self, parent: QWidget | None, report, on_print: Callable[[], None], *, zone: tzinfo) -> None:
        super().__init__(parent, self.tr("Z report: shift closed") if report.kind == "Z"
                         else self.tr("X report (shift still open)"), width=620)
        self.report = report
        notice = card_batch_notice(report)
        self.card_batch_notice = QLabel(notice or "", wordWrap=True, objectName="DialogError")
        self.card_batch_notice.setVisible(notice is not None)
        self.body.addWidget(self.card_batch_notice)
        grid = QGridLayout()
        for row, (name, value) in enumerate(report_rows(report, zone)):  # the store's times, as printed
            label = QLabel(name, wordWrap=True)  # a long name (French runs longer) wraps; the amount never does
            if name.isupper():
                label.setObjectName("ReportSection")
            grid.addWidget(label, row, 0)
            grid.addWidget(QLabel(value, alignment=Qt.AlignmentFlag.AlignRight), row, 1)
        grid.setColumnStretch(0, 1)
        holder = QWidget(objectName="ReportSheet")
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the sheet fits the width
        scroll.setWidget(holder)
        scroll.setMinimumHeight(420)
        self.body.addWidget(scroll)
        self.add_button(self.tr("Print"), on_print)
        self.add_button(self.tr("Done"), self.accept, primary=True)
