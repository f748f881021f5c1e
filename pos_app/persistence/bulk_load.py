"""Loading many replica rows at once (demo data, a first snapshot), with Core inserts for speed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.persistence.models import Base, Store


def insert_rows(session: Session, rows_by_table: Mapping[str, Iterable[dict[str, Any]]]) -> dict[str, int]:
    """Insert in the mapping's order (parents first); returns the count per table."""
    counts = {}
    for name, rows in rows_by_table.items():
        table = Base.metadata.tables[name]
        rows = list(rows)
        # executemany needs one key set per statement; omitted columns then get their defaults.
        for _keys, group in groupby(sorted(rows, key=lambda r: sorted(r)), key=lambda r: sorted(r)):
            session.execute(table.insert(), list(group))
        counts[name] = len(rows)
    return counts


def has_store(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Store)))
