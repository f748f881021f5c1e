"""One table of the analytics page: its columns, its rows in exact figures (cents as integers), the same rows
of the previous period where the table has them, what its chart draws, and its CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

# What a column holds: text, a count, cents (shown as dollars), a percentage, or a day (`2026-11-01`, as the CSV
# keeps it; the page writes it in the reader's language).
TEXT, COUNT, CENTS, PERCENT, DAY, AUTO = "text", "count", "cents", "percent", "day", "auto"  # AUTO: the row says


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = TEXT


@dataclass
class Table:
    key: str  # its name in URLs (the CSV link) and in the page's chart data
    title: str
    columns: list[Column]
    rows: list[list[Any]]
    chart: str = "bar"  # bar, line, doughnut or "" for none
    label: str = ""  # the column the chart's axis (or slices) names
    values: list[str] = field(default_factory=list)  # the columns drawn, one data set each
    shown: int | None = None  # on the page, the first rows only (the CSV has them all)
    note: str = ""
    row_kinds: list[str] | None = None  # for a table of mixed measures: each row's kind, for its AUTO columns

    def kind(self, row_at: int, column: Column) -> str:
        return self.row_kinds[row_at] if column.kind == AUTO and self.row_kinds else column.kind

    def figures(self) -> list[list[tuple[Any, str]]]:
        """Each shown row's values as (value, kind), for a page that writes them in its reader's language; a day
        as a `date`."""
        rows = self.rows[: self.shown] if self.shown else self.rows
        return [[(date.fromisoformat(v) if self.kind(n, c) == DAY and v else v, self.kind(n, c))
                 for v, c in zip(row, self.columns, strict=True)] for n, row in enumerate(rows)]

    def index(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)

    def chart_data(self, day_text: Callable[[date], str] = date.isoformat) -> dict[str, Any] | None:
        """What the chart draws; an axis of days names them with `day_text` (the page's language)."""
        if not self.chart or not self.rows:
            return None
        rows = self.rows[: self.shown] if self.shown else self.rows
        at = self.index(self.label)
        sets = []
        for key in self.values:
            column = self.columns[self.index(key)]
            scale = Decimal(100) if column.kind == CENTS else Decimal(1)
            sets.append({"label": column.title, "money": column.kind == CENTS,
                         "data": [None if row[self.index(key)] is None else float(Decimal(row[self.index(key)])
                                                                                  / scale) for row in rows]})
        days = self.columns[at].kind == DAY
        labels = [day_text(date.fromisoformat(row[at])) if days and row[at] else str(row[at]) for row in rows]
        return {"type": self.chart, "labels": labels, "datasets": sets}


def dollars(cents: int | None) -> str:
    """Exact dollars from cents, as the tables and the CSV show them: 1234 -> 12.34, -5 -> -0.05."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.key for c in table.columns])
    for n, row in enumerate(table.rows):
        kinds = [table.kind(n, c) for c in table.columns]
        writer.writerow(["" if v is None else dollars(int(v)) if kind == CENTS else f"{v:.1f}" if kind == PERCENT
                         else v for v, kind in zip(row, kinds, strict=True)])
    return out.getvalue()


def change(now: int | None, before: int | None) -> float | None:
    """Percent change from the previous period; none when there was nothing before."""
    if now is None or not before:
        return None
    return (now - before) * 100 / abs(before)


def with_previous(rows: list[list[Any]], previous: list[list[Any]], key_at: int, value_at: int) -> list[list[Any]]:
    """Each row with the previous period's value of the same key, then the change; keys only the previous period
    had come last, with nothing now."""
    before = {row[key_at]: row[value_at] for row in previous}
    merged = [[*row, before.get(row[key_at]), change(row[value_at], before.get(row[key_at]))] for row in rows]
    seen = {row[key_at] for row in rows}
    width = len(rows[0]) if rows else len(previous[0]) if previous else 0
    for row in previous:
        if row[key_at] not in seen:
            gone = [None] * width
            gone[key_at] = row[key_at]
            merged.append([*gone, row[value_at], None])
    return merged
