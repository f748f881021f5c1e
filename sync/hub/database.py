"""Engines and transactions for PostgreSQL and SQLite.

Writers must serialize on the rows they lock (the sync client, the store's feed counter). PostgreSQL does
that with ``SELECT ... FOR UPDATE``; SQLite has no row locks, so every write transaction starts with
``BEGIN IMMEDIATE`` and takes the database's single write lock up front. Readers that need one snapshot
(a pull reads changes and the LMID together) use REPEATABLE READ on PostgreSQL; on SQLite in WAL mode a
read transaction is a snapshot already.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sync.hub.feed.record import publish_pending
from sync.hub.notify import notify_versions

WRITE_OPTION = "hub_write"


class DatabaseUnavailable(Exception):
    """The database could not be reached or stayed locked: a temporary failure, retry later."""


class WriteConflict(DatabaseUnavailable):
    """PostgreSQL broke a deadlock or a serialization clash by aborting this transaction: running it again works."""


# SQLSTATEs of an aborted transaction that is safe to run again from the start.
_RETRYABLE = {"40001", "40P01"}


def normalize_url(url: str) -> str:
    """Accept `postgresql://` (psycopg 3 is the driver we ship) and bare SQLite file paths."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _local_time(stored: str | None, zone: str) -> str | None:
    """A stored UTC time (naive text) as the wall-clock time of an IANA zone, in SQLite's own text form."""
    if stored is None:
        return None
    try:
        moment = datetime.fromisoformat(stored).replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    except (ValueError, ZoneInfoNotFoundError):
        return None
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Take transaction control away from pysqlite, so our BEGIN (IMMEDIATE) is the only one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()
        # SQLite knows no time zones: the sales analytics' hours and days in a store's zone come from this.
        dbapi_connection.create_function("pos_local_time", 2, _local_time, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_engine(url: str, *, busy_timeout_ms: int = 15000, connect_timeout_s: int = 5) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000})
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=20, connect_args={"connect_timeout": connect_timeout_s}
    )


class Database:
    def __init__(self, url: str, *, busy_timeout_ms: int = 15000) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url, busy_timeout_ms=busy_timeout_ms)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        writer = self.engine.execution_options(**{WRITE_OPTION: True})
        reader = self.engine if self.is_sqlite else self.engine.execution_options(isolation_level="REPEATABLE READ")
        self._writer = sessionmaker(bind=writer, expire_on_commit=False)
        self._reader = sessionmaker(bind=reader, expire_on_commit=False)
        self.listeners: list[Callable[[dict], None]] = []

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back when it raises.

        The store feed versions it took are published just before the commit, and listeners hear of them after;
        on PostgreSQL the other workers hear of them too, by a NOTIFY that the commit releases.
        """
        with translate_outage(), self._writer.begin() as session:
            yield session
            versions = publish_pending(session)
            if versions and not self.is_sqlite:
                notify_versions(session, versions)
        for listener in self.listeners:
            listener(versions)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One consistent snapshot, never committed (nothing is written)."""
        with translate_outage(), self._reader() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def is_outage(error: BaseException) -> bool:
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


@contextmanager
def translate_outage() -> Iterator[None]:
    try:
        yield
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) in _RETRYABLE:
            raise WriteConflict(str(error.orig).strip().splitlines()[0]) from error
        if is_outage(error):
            raise DatabaseUnavailable(str(error.orig).strip().splitlines()[0] if error.orig else str(error)) from error
        raise
