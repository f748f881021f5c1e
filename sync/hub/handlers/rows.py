"""Insert-only rows of a push batch, gathered per table and written with one INSERT each before commit.

A sale writes five or six tables; one INSERT per table per mutation made a batch of 50 sales cost some 300
round trips. Inside `gathered_rows` the handlers' rows wait, and go in table by table (parents first) when
the batch ends. A row whose key may already be on the hub (`insert_new`) is taken to be new; if the key was
taken after all, `RowsClashed` is raised and the batch is run again mutation by mutation, where the clash
becomes the mutation's rejection. Outside a batch (admin API, the careful run) rows go in at once.

A handler that reads rows a mutation may have written (the ledger, payments) calls `write_gathered` first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from sync.hub.database import dialect_insert
from sync.hub.models.base import Base

_GATHERED = "gathered_rows"
_ORDER = {table: position for position, table in enumerate(Base.metadata.sorted_tables)}
ID = ["id"]


class RowsClashed(Exception):
    """A gathered row's key was on the hub already: the batch must be run again one mutation at a time."""


class _Gathered:
    def __init__(self) -> None:
        self.rows: dict[tuple[Table, bool], list[dict[str, Any]]] = {}

    def add(self, table: Table, rows: list[dict[str, Any]], must_be_new: bool) -> None:
        self.rows.setdefault((table, must_be_new), []).extend(rows)


def add_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows whose keys the hub makes (or that no resend can repeat without a clash meaning a bug)."""
    if not rows:
        return
    gathered = session.info.get(_GATHERED)
    if gathered is not None:
        gathered.add(table, rows, False)
    else:
        session.execute(insert(table), rows)


def insert_new(session: Session, model: type[Base], values: dict[str, Any], key: list[str] | None = ID) -> bool:
    """Insert one row unless its `key` (default: its id; None: any unique key) is taken: False then, with
    nothing to roll back. A clash on another unique key still raises.

    One round trip instead of a look-up before the insert; the key's index decides, even against a
    concurrent insert of the same key. Inside a batch the row is taken to be new (see `RowsClashed`).
    """
    table = model.__table__
    gathered = session.info.get(_GATHERED)
    if gathered is not None:
        gathered.add(table, [values], True)
        return True
    statement = dialect_insert(session, table).values(values).on_conflict_do_nothing(
        index_elements=key).returning(table.c.id)
    return session.execute(statement).first() is not None


def write_gathered(session: Session) -> None:
    """Write what the batch gathered so far, parents before children."""
    gathered: _Gathered | None = session.info.get(_GATHERED)
    if gathered is None or not gathered.rows:
        return
    batches, gathered.rows = gathered.rows, {}
    for (table, must_be_new), rows in sorted(batches.items(), key=lambda item: (_ORDER[item[0][0]], item[0][1])):
        if not must_be_new:
            session.execute(insert(table), rows)
            continue
        statement = dialect_insert(session, table).on_conflict_do_nothing().returning(table.c.id)
        if len(session.execute(statement, rows).all()) != len(rows):
            raise RowsClashed(table.name)


@contextmanager
def gathered_rows(session: Session) -> Iterator[None]:
    """Gather the insert-only rows of the block and write them when it ends without error."""
    session.info[_GATHERED] = _Gathered()
    try:
        yield
        write_gathered(session)
    finally:
        session.info.pop(_GATHERED, None)
