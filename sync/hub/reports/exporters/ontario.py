"""Ontario: the OCS daily sales and inventory report, as CSV.

`COLUMNS` is the one place the file's layout lives (docs/reports.md explains it): follow a change of the OCS's
specification by editing it. Quantities are units (each, as the OCS variant number is sold); adjustments are
signed, negative when stock went out; money is dollars with two decimals.
"""

from __future__ import annotations

from dataclasses import dataclass

from sync.hub.reports.exporters.columns import Column
from sync.hub.reports.ocs import DailyReport

COLUMNS: tuple[Column, ...] = (
    Column("report_date", "The business day, in the store's local time (YYYY-MM-DD).",
           lambda report, row: report.day.isoformat()),
    Column("retail_licence", "The store's AGCO retail store authorization number.",
           lambda report, row: report.licence),
    Column("store_code", "The store's code in this system.", lambda report, row: report.store_code),
    Column("ocs_variant_number", "The product's OCS variant number (its SKU).", lambda report, row: row.sku),
    Column("opening_inventory", "Units on hand at the day's local midnight: every movement before it.",
           lambda report, row: row.opening),
    Column("units_received", "Units received into the store (purchase orders, shipping notices, opening stock).",
           lambda report, row: row.received),
    Column("units_sold", "Units sold, less the units of sales voided that day.", lambda report, row: row.sold),
    Column("units_returned", "Units customers returned to stock (refunds that restocked).",
           lambda report, row: row.returned),
    Column("adjustment_destroyed_damaged_expired", "Adjustments for destroyed, damaged or expired stock (signed).",
           lambda report, row: row.adjustments["destroyed"]),
    Column("adjustment_lost_stolen", "Adjustments for lost or stolen stock (signed).",
           lambda report, row: row.adjustments["lost_stolen"]),
    Column("adjustment_other", "Every other adjustment, counts' variances included (signed).",
           lambda report, row: row.adjustments["other"]),
    Column("closing_inventory", "Units on hand at the next local midnight; the next day's opening inventory.",
           lambda report, row: row.closing),
    Column("sales_value_before_tax", "Dollars the units sold (less voided) brought in, after discounts, before tax.",
           lambda report, row: f"{row.sales_value:.2f}"),
)


@dataclass(frozen=True)
class OntarioExporter:
    province: str = "ON"
    columns: tuple[Column, ...] = COLUMNS

    def file_name(self, report: DailyReport) -> str:
        return f"ocs-daily-{report.store_code}-{report.day.isoformat()}.csv"


ONTARIO = OntarioExporter()
