"""The bootstrap's floor: the rows a first sync wrote, written again by plain sqlite3 in one transaction.

The rows are read back from the bootstrapped terminal (not timed) and inserted, table by table with
`executemany`, into an empty copy of those tables and their indexes, with the catch-up's pragmas (WAL,
synchronous=NORMAL, foreign keys off, the same page cache). No network, no JSON, no conversion, no triggers
and no search index or kiosk listing: what any way of filling the terminal's tables must at least spend.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from pos_app.persistence.catch_up_pragmas import CATCH_UP_CACHE
from pos_app.persistence.replica import REPLICATED_TABLES


def bootstrap_floor(source_db: Path, work_dir: Path) -> tuple[float, int]:
    """(seconds, rows) of writing the first sync's rows again."""
    target = work_dir / "bootstrap_floor.db"
    for path in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        path.unlink(missing_ok=True)
    source = sqlite3.connect(source_db)
    marks = ", ".join("?" for _ in REPLICATED_TABLES)
    schema = [sql for (sql,) in source.execute(
        f"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') AND tbl_name IN "
        f"({marks}) ORDER BY type = 'index'", REPLICATED_TABLES)]
    rows = {table: source.execute(f'SELECT * FROM "{table}"').fetchall() for table in REPLICATED_TABLES}
    source.close()
    floor = sqlite3.connect(target, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=OFF", f"cache_size={CATCH_UP_CACHE}"):
            floor.execute(f"PRAGMA {pragma}")
        for sql in schema:
            floor.execute(sql)
        started = time.perf_counter()
        floor.execute("BEGIN IMMEDIATE")
        for table, values in rows.items():
            if values:
                marks = ", ".join("?" for _ in values[0])
                floor.executemany(f'INSERT INTO "{table}" VALUES ({marks})', values)
        floor.execute("COMMIT")
        seconds = time.perf_counter() - started
    finally:
        floor.close()
    for path in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        path.unlink(missing_ok=True)
    return seconds, sum(len(values) for values in rows.values())
