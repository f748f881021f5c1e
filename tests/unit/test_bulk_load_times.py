"""The loader's string shortcut for the hub's UTC times stores what SQLAlchemy's own conversion stores, with and
without microseconds (an aware time whose microseconds are 0 is written without them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import sqlite

from pos_app.persistence.bulk_load import TableLoader, _utc_text
from pos_app.persistence.models import Base


def test_utc_times_with_and_without_microseconds_are_stored_as_sqlalchemy_stores_them():
    dialect = sqlite.dialect()
    table = Base.metadata.tables["ocs_product_catalog"]
    column = table.c.created_at
    bind = column.type.dialect_impl(dialect).bind_processor(dialect)
    loader = TableLoader(table, dialect)
    times = ["2026-11-21T07:06:24+00:00", "2026-11-21T07:06:24.000001+00:00", "2026-11-21T02:06:24-05:00"]
    assert _utc_text(times[0]) is not None, "the time without microseconds takes the shortcut"
    (keys, rows), = ((keys, rows) for keys, rows in loader.rows([{"created_at": t} for t in times]).items() if rows)
    assert [row[keys.index("created_at")] for row in rows] == [bind(datetime.fromisoformat(t)) for t in times]
