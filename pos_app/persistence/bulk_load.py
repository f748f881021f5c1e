"""Loading many replica rows at once (demo data, a first snapshot), without the ORM, for speed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Date, Table, Uuid, func, select
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

from pos_app.persistence.models import Base, Store
from pos_app.persistence.types import Cents, UtcDateTime


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


# -- hub rows, straight from the wire ---------------------------------------------------------------------------

Convert = Callable[[Any], Any]
Rows = dict[tuple[str, ...], list[tuple]]  # stored values by the columns they fill
_SAMPLE_UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
_SAMPLE_TIMES = ("2026-11-21T07:06:24.123456+00:00", "2026-11-21T07:06:24+00:00", "2026-11-21T02:06:24-05:00")


def _parser(column: Column) -> Convert | None:
    """From the JSON value the hub sends to the Python value the column's type takes."""
    kind = column.type
    if isinstance(kind, Uuid):
        return uuid.UUID
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    return None


def _uuid_hex(value: str) -> str:  # never None: its own fallback
    text = value.replace("-", "")
    return text if len(text) == 32 and text.islower() else uuid.UUID(value).hex


def _utc_text(value: str) -> str | None:
    # The hub writes aware UTC times, with microseconds unless they are 0; anything else takes the long way.
    if value.endswith("+00:00"):
        if len(value) == 32:
            return f"{value[:10]} {value[11:26]}"
        if len(value) == 25:
            return f"{value[:10]} {value[11:19]}.000000"
    return None


def _cents_text(value: Any) -> int | None:
    # Money comes as "12.34": its cents are its digits. Any other form takes the long way.
    if type(value) is str and len(value) > 3 and value[-3] == ".":
        return int(value[:-3] + value[-2:])
    return None


def _date_text(value: Any) -> str | None:
    return value if type(value) is str and len(value) == 10 else None


# (type, shortcut, samples): a shortcut is used for a column only if it matches the general way on every sample.
_SHORTCUTS = (
    (Uuid, _uuid_hex, (_SAMPLE_UUID,)),
    (UtcDateTime, _utc_text, _SAMPLE_TIMES),
    (Cents, _cents_text, ("12.34", "0.05", "-3.10", "7", "1.005")),
    (Date, _date_text, ("2026-11-21", "2027-01-02")),
)


def _with_shortcut(shortcut: Callable[[Any], Any], general: Convert) -> Convert:
    def convert(value: Any) -> Any:
        quick = shortcut(value)
        return general(value) if quick is None else quick
    convert.column = lambda values: [  # type: ignore[attr-defined]  # a column at once: one call a value
        value if value is None else quick if (quick := shortcut(value)) is not None else general(value)
        for value in values]
    return convert


def _column(convert: Convert) -> Callable[[tuple], list]:
    """``convert`` over a whole column of values (None stays None)."""
    column = getattr(convert, "column", None)
    return column if column is not None else (
        lambda values: [value if value is None else convert(value) for value in values])


def _storage(column: Column, dialect: Dialect) -> Convert | None:
    """From the wire's JSON value to what the database stores, worked out once per column.

    The general way is SQLAlchemy's own: parse, then the type's bind processor. UUIDs, UTC times, money and
    dates (most of a catalog's values) have a string shortcut, used only if it gives what the general way does.
    """
    parse, bind = _parser(column), column.type.dialect_impl(dialect).bind_processor(dialect)
    if parse is None and bind is None:
        return None
    if parse is None:
        general = bind
    elif bind is None:
        general = parse
    else:
        def general(value: Any) -> Any:
            return bind(parse(value))
    for kind, shortcut, samples in _SHORTCUTS:
        if isinstance(column.type, kind) and all(
                shortcut(sample) in (None, general(sample)) for sample in samples):
            return shortcut if kind is Uuid else _with_shortcut(shortcut, general)
    return general


def _default(column: Column, dialect: Dialect) -> Callable[[], Any] | None:
    """A column's Python-side default as stored, for a row the hub sent without it."""
    default = column.default
    if default is None or not (default.is_scalar or default.is_callable):
        return None
    bind = column.type.dialect_impl(dialect).bind_processor(dialect) or (lambda value: value)
    if default.is_scalar:
        return lambda: bind(default.arg)
    return lambda: bind(default.arg(None))


class TableLoader:
    """Writes the hub's JSON rows into one replica table with one executemany per page.

    Each column's conversion is built once, straight from JSON to the stored value, so a first sync of
    hundreds of thousands of rows does not pay for a parsed object and a bind processor per value. `INSERT
    OR REPLACE` also clears a row that clashes on another unique key (a SKU re-keyed on the hub), which an
    `ON CONFLICT (id)` upsert would refuse.
    """

    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.table = table
        self._dialect = dialect
        self._columns = [(column.name, _storage(column, dialect)) for column in table.columns]
        self._defaults = {column.name: made for column in table.columns
                          if (made := _default(column, dialect)) is not None}
        self._sql: dict[tuple[str, ...], str] = {}
        # The usual row names every column: its values come out in one C call, and only the columns that
        # need a conversion are touched one by one.
        self._all_names = tuple(name for name, _convert in self._columns)
        self._pick = itemgetter(*self._all_names)
        # Converted a column at a time: a page's values of one column go through one comprehension.
        self._conversions = [(i, _column(convert)) for i, (_name, convert) in enumerate(self._columns) if convert]

    def rows(self, rows: Iterable[dict[str, Any]]) -> Rows:
        """The hub's JSON rows as stored values, grouped by key set; no database needed (any thread)."""
        by_keys: Rows = {self._all_names: []}
        picked, pick = [], self._pick
        for data in rows:
            try:
                picked.append(pick(data))
            except KeyError:
                keys, partial = self._partial(data)
                by_keys.setdefault(keys, []).append(partial)
        if picked and self._conversions:
            columns = list(zip(*picked, strict=True))
            for i, convert in self._conversions:
                columns[i] = convert(columns[i])
            picked = list(zip(*columns, strict=True))
        by_keys[self._all_names] = picked
        return by_keys

    def write(self, conn: Connection, rows: Rows) -> None:
        """Insert or replace rows made by `rows`, one executemany per key set."""
        for keys, group in rows.items():
            if group:
                conn.exec_driver_sql(self._statement(keys), group)

    def _partial(self, data: dict[str, Any]) -> tuple[tuple[str, ...], tuple]:
        """A row without some columns: those with a default get it, the others are left to the table."""
        keys, values = [], []
        for name, convert in self._columns:
            if name in data:
                value = data[name]
                keys.append(name)
                values.append(value if value is None or convert is None else convert(value))
            elif name in self._defaults:
                keys.append(name)
                values.append(self._defaults[name]())
        return tuple(keys), tuple(values)

    def _statement(self, keys: tuple[str, ...]) -> str:
        if keys not in self._sql:
            quote = self._dialect.identifier_preparer.quote
            self._sql[keys] = (f"INSERT OR REPLACE INTO {quote(self.table.name)} "
                               f"({', '.join(quote(k) for k in keys)}) VALUES ({', '.join('?' * len(keys))})")
        return self._sql[keys]
