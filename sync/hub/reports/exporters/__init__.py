"""One exporter per province: the file a province's regulator takes, made from a `DailyReport`.

An exporter names its columns in one constant (`Column`: the header, what it means, how it is read from a row),
so following a change of the regulator's specification is an edit of that list. `exporter_for` picks the
store's province's; a province without one gets a sentence.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sync.hub.reports.ocs import DailyReport, ReportRefused, SkuDay


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


def exporter_for(province: str) -> ProvinceExporter:
    from sync.hub.reports.exporters.ontario import ONTARIO

    exporters: dict[str, ProvinceExporter] = {ONTARIO.province: ONTARIO}
    if province not in exporters:
        raise ReportRefused(f"The hub has no daily report file for the province {province or '(none)'} yet; only "
                            f"{', '.join(sorted(exporters))} is made.")
    return exporters[province]
