"""Opening the terminal's SQLite file with the pragmas a till needs (DESIGN §3)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DB_FILENAME = "terminal.db"
BUSY_TIMEOUT_MS = 5000
BEGIN_MODE_OPTION = "sqlite_begin_mode"
WRITE_TRANSACTION = {BEGIN_MODE_OPTION: "IMMEDIATE"}


def _set_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the sync worker read while a sale commits; synchronous=FULL makes a completed sale
    # survive a power cut; foreign keys are off by default in SQLite and must be asked for per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin(conn) -> None:
    # A writing unit of work asks for BEGIN IMMEDIATE so two writers queue on busy_timeout instead of one
    # failing mid-transaction on lock upgrade; reads stay DEFERRED so they never hold the write lock.
    mode = conn.get_execution_options().get(BEGIN_MODE_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    # Let SQLAlchemy, not pysqlite, decide when transactions begin, so BEGIN IMMEDIATE is honoured.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    event.listen(engine, "begin", _begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
