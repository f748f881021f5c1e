"""SQL that PostgreSQL and SQLite spell alike but SQLAlchemy builds per dialect: INSERT ... ON CONFLICT."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert


def dialect_insert(session: Session, table: Table) -> Insert:
    """An INSERT for the session's database, so `on_conflict_do_nothing`/`on_conflict_do_update` work on both."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(table)
