"""What an exporter is made of: its columns (`Column`: the header, what it means, how it is read from a row) and the
CSV they make. Kept apart from the province list so a province's module and the list can import it both."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sync.hub.reports.ocs import DailyReport, SkuDay


@dataclass(frozen=True)
class Column:
    header: str
    meaning: str
    value: Callable[[DailyReport, SkuDay], object]


class ProvinceExporter(Protocol):
    province: str
    columns: tuple[Column, ...]

    def file_name(self, report: DailyReport) -> str: ...


def csv_text(columns: tuple[Column, ...], report: DailyReport) -> str:
    """The report as CSV: a header line, then one line per SKU in SKU order (the same bytes for the same figures,
    so two exports of unchanged figures have the same sha256)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.header for column in columns])
    for row in report.rows:
        writer.writerow([column.value(report, row) for column in columns])
    return out.getvalue()
