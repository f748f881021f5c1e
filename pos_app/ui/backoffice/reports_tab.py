"""Reports: today's store summary, from the hub's figures kept in the replica, so it shows offline too. X and Z stay
at the register; this is the whole store's day, every register and kiosk together."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from pos_app.services.store_summary import DaySummary
from pos_app.ui.backoffice.hour_bars import HourBars
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.backoffice.words import category_name, number
from pos_app.ui.backoffice.words import cents as _money
from pos_app.ui.backoffice.words import day as day_text
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.tasks import message_of, run_in_background

FIGURES = (("sales", QT_TRANSLATE_NOOP("ReportsTab", "Sales")), ("net", QT_TRANSLATE_NOOP("ReportsTab", "Net sales")),
           ("basket", QT_TRANSLATE_NOOP("ReportsTab", "Average basket")),
           ("discounts", QT_TRANSLATE_NOOP("ReportsTab", "Discounts")),
           ("refunds", QT_TRANSLATE_NOOP("ReportsTab", "Refunds")), ("voids", QT_TRANSLATE_NOOP("ReportsTab", "Voids")))
TENDERS = {"cash": QT_TRANSLATE_NOOP("ReportsTab", "Cash"), "card": QT_TRANSLATE_NOOP("ReportsTab", "Card")}


class ReportsTab(BackOfficeTab):
    key = "reports"
    title = QT_TRANSLATE_NOOP("BackOfficeTabs", "Reports")

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.shown: DaySummary | None = None
        self.heading = QLabel(objectName="ScreenTitle")
        self.as_of = QLabel(wordWrap=True, objectName="ReportsAsOf")
        self.refresh_button = touch_button("")
        self.refresh_button.clicked.connect(self.refresh)
        self.figures: dict[str, QLabel] = {}
        self.figure_labels: dict[str, QLabel] = {}
        figures = QGridLayout()
        for column, (key, _label) in enumerate(FIGURES):
            self.figure_labels[key] = QLabel(objectName="FigureLabel")
            figures.addWidget(self.figure_labels[key], 0, column)
            self.figures[key] = QLabel("–", objectName="BigFigure")
            figures.addWidget(self.figures[key], 1, column)
        self.tenders = RowsTable(("", ""), name="ReportTenders", numeric=(1,))
        self.taxes = RowsTable(("", ""), name="ReportTaxes", numeric=(1,))
        self.top = RowsTable(("", "", ""), name="ReportTopSellers", numeric=(1, 2))
        self.categories = RowsTable(("", "", ""), name="ReportCategories", numeric=(1, 2))
        self.hours_title = QLabel(objectName="SectionTitle")
        self.hours = HourBars()

        top_row = QHBoxLayout()
        top_row.addWidget(self.heading, 1)
        top_row.addWidget(self.refresh_button)
        money = QVBoxLayout()
        money.addWidget(self.tenders, 1)
        money.addWidget(self.taxes, 1)
        tables = QHBoxLayout()
        tables.addLayout(money, 2)
        tables.addWidget(self.top, 3)
        tables.addWidget(self.categories, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top_row)
        layout.addWidget(self.as_of)
        layout.addLayout(figures)
        layout.addLayout(tables, 1)
        layout.addWidget(self.hours_title)
        layout.addWidget(self.hours)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        for key, label in FIGURES:
            self.figure_labels[key].setText(self.tr(label))
        self.tenders.set_headers((self.tr("Payment"), self.tr("Amount")))
        self.taxes.set_headers((self.tr("Tax"), self.tr("Collected")))
        self.top.set_headers((self.tr("Top sellers"), self.tr("Units"), self.tr("Net")))
        self.categories.set_headers((self.tr("Category"), self.tr("Units"), self.tr("Net")))
        self.hours_title.setText(self.tr("Net sales by hour"))
        if self.shown is None:
            self.heading.setText(self.tr("Today at the store"))
        else:
            self.show_day(self.shown)

    def begin(self, staff) -> None:
        super().begin(staff)
        self.show_day(self.t.backoffice.reports.today())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.staff is not None:
            self.show_day(self.t.backoffice.reports.today())
            self.refresh()

    def refresh(self) -> None:
        """Ask the hub in the background; what the replica holds stays on screen meanwhile (and if it fails)."""
        self.refresh_button.setEnabled(False)
        self.as_of.setText(self._as_of_text(self.shown) + " " + self.tr("Asking the hub for the latest figures…"))
        run_in_background(self.t.backoffice.reports.refresh, self._refreshed, self._not_refreshed, owner=self)

    def _refreshed(self, day: DaySummary) -> None:
        self.refresh_button.setEnabled(True)
        self.show_day(day)

    def _not_refreshed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.as_of.setText(self._as_of_text(self.shown))
        self.say(self.tr("The hub could not be asked for today's figures: {reason} The figures on screen are the "
                         "last ones it sent.").format(reason=message_of(error)), "warning")

    def show_day(self, day: DaySummary) -> None:
        self.shown = day
        self.heading.setText(self.tr("Today at the store, {day}").format(day=day_text(day.day, long=True)))
        self.as_of.setText(self._as_of_text(day))
        summary = day.summary
        if summary is None:
            for label in self.figures.values():
                label.setText("–")
            for table in (self.tenders, self.taxes, self.top, self.categories):
                table.show_rows([])
            self.hours.show_hours({})
            return
        values = {"sales": number(summary.sales_count), "net": _money(summary.net_cents),
                  "basket": _money(summary.average_basket_cents), "discounts": _money(summary.discounts_cents),
                  "refunds": f"{_money(summary.refunds_cents)} ({number(summary.refunds_count)})",
                  "voids": f"{_money(summary.voids_cents)} ({number(summary.voids_count)})"}
        for key, label in self.figures.items():
            label.setText(values[key])
        self.tenders.show_rows([(self.tr(TENDERS[method]) if method in TENDERS else method.capitalize(), _money(cents))
                                for method, cents in sorted(summary.tenders_cents.items())])
        self.taxes.show_rows([(code, _money(cents)) for code, cents in sorted(summary.tax_cents.items())])
        self.top.show_rows([(line.name, number(line.units), _money(line.net_cents)) for line in summary.top_products])
        self.categories.show_rows([(category_name(line.name), number(line.units), _money(line.net_cents))
                                   for line in summary.by_category])
        self.hours.show_hours(summary.net_by_hour_cents)

    def _as_of_text(self, day: DaySummary | None) -> str:
        if day is None or day.summary is None:
            text = self.tr("The hub has not sent today's figures to this terminal yet.")
        else:
            text = self.tr("Figures from the hub as of {time}.").format(time=self.t.store_clock.time(day.summary.as_of))
        if day is not None and day.sales_not_sent:
            count = day.sales_not_sent
            text += " " + (self.tr("1 sale made on this terminal has not reached the hub yet and is not in them.")
                           if count == 1 else
                           self.tr("{count} sales made on this terminal have not reached the hub yet and are not in "
                                   "them.").format(count=number(count)))
        return text
