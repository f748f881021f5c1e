"""Checkpoints run beside the till, not inside a sale's commit, and the log is emptied when the till closes."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from pos_app.bootstrap import open_terminal
from pos_app.config import load_settings
from pos_app.persistence.database import WalCheckpointer, make_engine


def _write_pages(engine, count: int) -> None:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE IF NOT EXISTS filler (body TEXT)"))
        for _ in range(count):
            connection.execute(text("INSERT INTO filler VALUES (:body)"), {"body": "x" * 4000})


def test_a_tills_connections_leave_checkpoints_to_the_background_thread(tmp_path):
    engine = make_engine(tmp_path / "terminal.db", background_checkpoints=True)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
    engine.dispose()
    plain = make_engine(tmp_path / "other.db")
    with plain.connect() as connection:
        assert connection.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000, "others keep SQLite's own"
    plain.dispose()


def test_the_checkpointer_moves_committed_pages_into_the_database_file(tmp_path):
    db_path = tmp_path / "terminal.db"
    engine = make_engine(db_path, background_checkpoints=True)
    _write_pages(engine, 1)
    size_before = db_path.stat().st_size
    _write_pages(engine, 300)
    assert db_path.stat().st_size == size_before, "with no checkpoint the pages wait in the log"
    checkpointer = WalCheckpointer(db_path, interval=0.05)
    checkpointer.start()
    deadline = time.monotonic() + 10
    while db_path.stat().st_size < size_before + 300 * 4000 and time.monotonic() < deadline:
        time.sleep(0.05)
    checkpointer.stop()
    engine.dispose()
    assert db_path.stat().st_size >= size_before + 300 * 4000


def test_closing_the_till_stops_the_thread_and_empties_the_log(tmp_path):
    terminal = open_terminal(load_settings(tmp_path), log_to_file=False)
    _write_pages(terminal.engine, 50)
    assert [t for t in threading.enumerate() if t.name == "wal-checkpointer"]
    terminal.close()
    assert not [t for t in threading.enumerate() if t.name == "wal-checkpointer"]
    wal = tmp_path / "terminal.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
