"""Opening the terminal's SQLite file with the pragmas a till needs (DESIGN §3)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000
BEGIN_MODE_OPTION = "sqlite_begin_mode"
SYNCHRONOUS_OPTION = "sqlite_synchronous"
WRITE_TRANSACTION = {BEGIN_MODE_OPTION: "IMMEDIATE"}
# For writes made many times a minute that a power cut may set back by a moment, never lose: the open sale's cart
# as items are scanned. The commit skips its fsync, so it survives the process dying at once; the checkpointer
# syncs the log within a second, and so does the next FULL commit. Anything with money in it stays FULL.
FREQUENT_WRITE_TRANSACTION = {**WRITE_TRANSACTION, SYNCHRONOUS_OPTION: "NORMAL"}

log = logging.getLogger(__name__)


def _set_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the sync worker read while a sale commits; synchronous=FULL makes a completed sale
    # survive a power cut; foreign keys are off by default in SQLite and must be asked for per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


SQLITE_AUTOCHECKPOINT_PAGES = 1000  # SQLite's own default
_background: dict[str, WalCheckpointer] = {}  # database file -> its running checkpointer


def _file_key(db_path: Path | str) -> str:
    return str(Path(db_path).resolve())


def autocheckpoint_pages(engine: Engine) -> int:
    """The ``wal_autocheckpoint`` this engine's connections run with outside a bulk load."""
    return 0 if _file_key(engine.url.database) in _background else SQLITE_AUTOCHECKPOINT_PAGES


def hold_background_checkpoints(engine: Engine, held: bool) -> None:
    """A bulk load folds the log in once at its end; a checkpoint every second would rewrite the same index
    pages over and over meanwhile."""
    checkpointer = _background.get(_file_key(engine.url.database))
    if checkpointer is not None:
        checkpointer.held = held


def has_background_checkpoints(engine: Engine) -> bool:
    """Whether a ``WalCheckpointer`` folds this database's log in (then no commit, nor a bulk load, need to)."""
    return _file_key(engine.url.database) in _background


def _no_autocheckpoint(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


def _begin(conn) -> None:
    # A writing unit of work asks for BEGIN IMMEDIATE so two writers queue on busy_timeout instead of one
    # failing mid-transaction on lock upgrade; reads stay DEFERRED so they never hold the write lock.
    options = conn.get_execution_options()
    if options.get(SYNCHRONOUS_OPTION) == "NORMAL":
        conn.exec_driver_sql("PRAGMA synchronous=NORMAL")  # SQLite refuses this inside a transaction
        conn.connection.info["relaxed"] = True  # set back to FULL when the connection goes back to the pool
    mode = options.get(BEGIN_MODE_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _back_to_full(dbapi_connection, record) -> None:
    if record.info.pop("relaxed", False):
        try:
            dbapi_connection.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error:
            record.invalidate()  # never hand a relaxed connection to the next sale


def make_engine(db_path: Path, *, background_checkpoints: bool = False) -> Engine:
    """``background_checkpoints``: the caller runs a ``WalCheckpointer``, so no commit does SQLite's checkpoint."""
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    if background_checkpoints:
        event.listen(engine, "connect", _no_autocheckpoint)
    # Let SQLAlchemy, not pysqlite, decide when transactions begin, so BEGIN IMMEDIATE is honoured.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    event.listen(engine, "begin", _begin)
    event.listen(engine.pool, "checkin", _back_to_full)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


class WalCheckpointer:
    """Copies committed pages from the write-ahead log into the database file, off the sale's commit path.

    SQLite's automatic checkpoint runs inside whichever commit takes the log past 1,000 pages: every 15th or so
    sale waited for it, which doubled checkout's p99. The till's connections turn it off and this thread runs a
    PASSIVE checkpoint (it never waits for, or blocks, a reader or writer) every ``interval`` seconds, and a
    TRUNCATE one when the till closes so the log does not outlive it.
    """

    def __init__(self, db_path: Path, *, interval: float = 1.0) -> None:
        self._db_path = db_path
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpointer", daemon=True)
        self.held = False

    def start(self) -> None:
        _background[_file_key(self._db_path)] = self
        self._thread.start()

    def stop(self) -> None:
        if _background.get(_file_key(self._db_path)) is self:
            del _background[_file_key(self._db_path)]
        if not self._thread.is_alive():
            return
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        connection = sqlite3.connect(self._db_path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            while not self._stop.wait(self._interval):
                if not self.held:
                    self._checkpoint(connection, "PASSIVE")
            self._checkpoint(connection, "TRUNCATE")
        finally:
            connection.close()

    @staticmethod
    def _checkpoint(connection: sqlite3.Connection, mode: str) -> None:
        try:
            connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        except sqlite3.Error as error:  # a busy or locked file: the next round tries again, nothing is lost
            log.warning("WAL checkpoint (%s) did not run: %s", mode, error)
