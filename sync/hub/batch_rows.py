"""Insert-only rows of a push batch, gathered per table and written with one INSERT each before commit (and rows
that add to running sums, summed per key and written with one upsert each).

A sale writes five or six tables; one INSERT per table per mutation made a batch of 50 sales cost some 300
round trips. Inside `gathered_rows` the handlers' rows wait, and go in table by table (parents first) when
the batch ends. A row whose key may already be on the hub (`insert_new`) is taken to be new; if the key was
taken after all, the INSERT raises IntegrityError and the batch is run again mutation by mutation, where the
clash becomes the mutation's rejection. Outside a batch (admin API, the careful run) rows go in at once.

A handler that reads rows a mutation may have written (the ledger, payments) calls `write_gathered` first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from sync.hub.dialect import dialect_insert
from sync.hub.models.base import Base

_GATHERED = "gathered_rows"
_ORDER = {table: position for position, table in enumerate(Base.metadata.sorted_tables)}
ID = ["id"]


class _Gathered:
    def __init__(self) -> None:
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        # (table, key columns, added columns) -> the summed row of each key
        self.sums: dict[tuple[Table, tuple[str, ...], tuple[str, ...]], dict[tuple, dict[str, Any]]] = {}

    def add(self, table: Table, rows: list[dict[str, Any]]) -> None:
        self.rows.setdefault(table, []).extend(rows)

    def add_sums(self, table: Table, keys: tuple[str, ...], added: tuple[str, ...], rows: list[dict[str, Any]]):
        kept = self.sums.setdefault((table, keys, added), {})
        for row in rows:
            key = tuple(row[k] for k in keys)
            if key in kept:
                for column in added:
                    kept[key][column] += row[column]
            else:
                kept[key] = dict(row)


def add_sums(session: Session, table: Table, keys: tuple[str, ...], added: tuple[str, ...],
             rows: list[dict[str, Any]]) -> None:
    """Add rows' `added` columns to the rows of the same `keys` (inserted when missing). Inside a batch the rows
    of every mutation are summed first and go in as one upsert when the batch's rows are written; a column
    neither key nor added takes the last value given."""
    if not rows:
        return
    gathered = session.info.get(_GATHERED)
    if gathered is not None:
        gathered.add_sums(table, keys, added, rows)
    else:
        _upsert_sums(session, table, keys, added, rows)


def _upsert_sums(session: Session, table: Table, keys: tuple[str, ...], added: tuple[str, ...],
                 rows: list[dict[str, Any]]) -> None:
    ordered = sorted(rows, key=lambda row: tuple(str(row[k]) for k in keys))  # one order: no waiting in a circle
    statement = dialect_insert(session, table).values(ordered)
    others = {c: statement.excluded[c] for c in ordered[0] if c not in keys and c not in added}
    session.execute(statement.on_conflict_do_update(
        index_elements=list(keys), set_={**{c: table.c[c] + statement.excluded[c] for c in added}, **others}))


def add_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows whose keys the hub makes (or that no resend can repeat without a clash meaning a bug)."""
    if not rows:
        return
    gathered = session.info.get(_GATHERED)
    if gathered is not None:
        gathered.add(table, rows)
    else:
        session.execute(insert(table), rows)


def gathered_row_keys(session: Session, table: Table) -> set[int]:
    """The `id()`s of `table`'s row dicts gathered and not written yet (they may still be changed in place)."""
    gathered = session.info.get(_GATHERED)
    return {id(row) for row in gathered.rows.get(table, ())} if gathered is not None else set()


def insert_new(session: Session, model: type[Base], values: dict[str, Any], key: list[str] | None = ID) -> bool:
    """Insert one row unless its `key` (default: its id; None: any unique key) is taken: False then, with
    nothing to roll back. A clash on another unique key still raises.

    One round trip instead of a look-up before the insert; the key's index decides, even against a
    concurrent insert of the same key. Inside a batch the row is taken to be new (see above).
    """
    table = model.__table__
    gathered = session.info.get(_GATHERED)
    if gathered is not None:
        gathered.add(table, [values])
        return True
    statement = dialect_insert(session, table).values(values).on_conflict_do_nothing(
        index_elements=key).returning(table.c.id)
    return session.execute(statement).first() is not None


def write_gathered(session: Session) -> None:
    """Write what the batch gathered so far, parents before children."""
    gathered: _Gathered | None = session.info.get(_GATHERED)
    if gathered is None or not (gathered.rows or gathered.sums):
        return
    batches, gathered.rows = gathered.rows, {}
    for table in sorted(batches, key=_ORDER.__getitem__):
        session.execute(insert(table), batches[table])  # one pipelined executemany per table
    sums, gathered.sums = gathered.sums, {}
    for (table, keys, added), kept in sums.items():
        _upsert_sums(session, table, keys, added, list(kept.values()))


@contextmanager
def gathered_rows(session: Session) -> Iterator[None]:
    """Gather the insert-only rows of the block and write them when it ends without error."""
    session.info[_GATHERED] = _Gathered()
    try:
        yield
        write_gathered(session)
    finally:
        session.info.pop(_GATHERED, None)
