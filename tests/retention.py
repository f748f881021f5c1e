"""Removing a compliance record as someone holding the database itself would: the retention guard lifted first.

The product never deletes these rows (sync.retention's triggers refuse it within three years); the tests that
remove one show what the audit chain says about such tampering, so they lift the guard the way an intruder
with the file or a superuser would, inside their own transaction, and put it back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from sync.retention import drop_statements, guard_statements


@contextmanager
def retention_guard_lifted(session, table: str) -> Iterator[None]:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL session_replication_role = replica"))  # no triggers, this transaction only
        yield
        session.execute(text("SET LOCAL session_replication_role = origin"))
        return
    for statement in drop_statements("sqlite", table):
        session.execute(text(statement))
    yield
    for statement in guard_statements("sqlite", table):
        session.execute(text(statement))
