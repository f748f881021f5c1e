"""One exporter per province: the file a province's regulator takes, made from a `DailyReport`.

An exporter names its columns in one constant (`Column`: the header, what it means, how it is read from a row),
so following a change of the regulator's specification is an edit of that list. `exporter_for` picks the
store's province's; a province without one gets a sentence.
"""

from __future__ import annotations

from sync.hub.reports.exporters.columns import Column, ProvinceExporter, csv_text
from sync.hub.reports.exporters.ontario import ONTARIO
from sync.hub.reports.ocs import ReportRefused

__all__ = ["Column", "ProvinceExporter", "csv_text", "exporter_for"]


def exporter_for(province: str) -> ProvinceExporter:
    exporters: dict[str, ProvinceExporter] = {ONTARIO.province: ONTARIO}
    if province not in exporters:
        raise ReportRefused(f"The hub has no daily report file for the province {province or '(none)'} yet; only "
                            f"{', '.join(sorted(exporters))} is made.")
    return exporters[province]
