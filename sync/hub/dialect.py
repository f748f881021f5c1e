"""What PostgreSQL and SQLite spell alike but SQLAlchemy builds apart: the INSERT with ON CONFLICT clauses."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert


def dialect_insert(session: Session, table: Table) -> Insert:
    """An INSERT with the dialect's ON CONFLICT clauses (PostgreSQL and SQLite spell them alike)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(table)
