"""Reports: today's store summary, from the hub's figures kept in the replica, so it shows offline too. X and Z stay
at the register; this is the whole store's day, every register and kiosk together."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from pos_app.domain.money import Money
from pos_app.services.store_summary import DaySummary
from pos_app.ui.backoffice.hour_bars import HourBars
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.table import RowsTable
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.tasks import message_of, run_in_background

FIGURES = (("sales", "Sales"), ("net", "Net sales"), ("basket", "Average basket"), ("discounts", "Discounts"),
           ("refunds", "Refunds"), ("voids", "Voids"))


def _money(cents: int) -> str:
    return str(Money.from_cents(cents))


class ReportsTab(BackOfficeTab):
    key = "reports"
    title = "Reports"

    def __init__(self, terminal) -> None:
        super().__init__(terminal)
        self.shown: DaySummary | None = None
        self.heading = QLabel("Today at the store", objectName="ScreenTitle")
        self.as_of = QLabel(wordWrap=True, objectName="ReportsAsOf")
        self.refresh_button = touch_button("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.figures: dict[str, QLabel] = {}
        figures = QGridLayout()
        for column, (key, label) in enumerate(FIGURES):
            figures.addWidget(QLabel(label, objectName="FigureLabel"), 0, column)
            self.figures[key] = QLabel("–", objectName="BigFigure")
            figures.addWidget(self.figures[key], 1, column)
        self.tenders = RowsTable(("Payment", "Amount"), name="ReportTenders", numeric=(1,))
        self.taxes = RowsTable(("Tax", "Collected"), name="ReportTaxes", numeric=(1,))
        self.top = RowsTable(("Top sellers", "Units", "Net"), name="ReportTopSellers", numeric=(1, 2))
        self.categories = RowsTable(("Category", "Units", "Net"), name="ReportCategories", numeric=(1, 2))
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
        layout.addWidget(QLabel("Net sales by hour", objectName="SectionTitle"))
        layout.addWidget(self.hours)

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
        self.as_of.setText(self._as_of_text(self.shown) + " Asking the hub for the latest figures…")
        run_in_background(self.t.backoffice.reports.refresh, self._refreshed, self._not_refreshed, owner=self)

    def _refreshed(self, day: DaySummary) -> None:
        self.refresh_button.setEnabled(True)
        self.show_day(day)

    def _not_refreshed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.as_of.setText(self._as_of_text(self.shown))
        self.say(f"The hub could not be asked for today's figures: {message_of(error)} The figures on screen are "
                 "the last ones it sent.", "warning")

    def show_day(self, day: DaySummary) -> None:
        self.shown = day
        self.heading.setText(f"Today at the store, {day.day:%A %-d %B %Y}")
        self.as_of.setText(self._as_of_text(day))
        summary = day.summary
        if summary is None:
            for label in self.figures.values():
                label.setText("–")
            for table in (self.tenders, self.taxes, self.top, self.categories):
                table.show_rows([])
            self.hours.show_hours({})
            return
        values = {"sales": str(summary.sales_count), "net": _money(summary.net_cents),
                  "basket": _money(summary.average_basket_cents), "discounts": _money(summary.discounts_cents),
                  "refunds": f"{_money(summary.refunds_cents)} ({summary.refunds_count})",
                  "voids": f"{_money(summary.voids_cents)} ({summary.voids_count})"}
        for key, label in self.figures.items():
            label.setText(values[key])
        self.tenders.show_rows([(method.capitalize(), _money(cents))
                                for method, cents in sorted(summary.tenders_cents.items())])
        self.taxes.show_rows([(code, _money(cents)) for code, cents in sorted(summary.tax_cents.items())])
        self.top.show_rows([(line.name, line.units, _money(line.net_cents)) for line in summary.top_products])
        self.categories.show_rows([(line.name.replace("_", " ").capitalize(), line.units, _money(line.net_cents))
                                   for line in summary.by_category])
        self.hours.show_hours(summary.net_by_hour_cents)

    def _as_of_text(self, day: DaySummary | None) -> str:
        if day is None or day.summary is None:
            text = "The hub has not sent today's figures to this terminal yet."
        else:
            text = f"Figures from the hub as of {self.t.store_clock.time(day.summary.as_of)}."
        if day is not None and day.sales_not_sent:
            count = day.sales_not_sent
            text += (" 1 sale made on this terminal has not reached the hub yet and is not in them." if count == 1
                     else f" {count} sales made on this terminal have not reached the hub yet and are not in them.")
        return text
