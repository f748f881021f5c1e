"""A catch-up's pragmas on the applying connection (a first sync, a reset): set while its pages go in, and put
back, with the log folded in and statistics taken, once it has caught up (``persistence/replica.py``)."""

from __future__ import annotations

from sqlalchemy import Engine

from pos_app.persistence.database import (
    autocheckpoint_pages,
    has_background_checkpoints,
    hold_background_checkpoints,
)

CATCH_UP_CHECKPOINT_PAGES = 262_144  # 1 GiB of WAL at SQLite's 4 KiB pages: more than a catch-up writes
CATCH_UP_CACHE = -131_072  # KiB: 128 MiB
DEFAULT_CACHE = -2000  # SQLite's own
ANALYSIS_ROWS = 1000


def bulk_mode(engine: Engine, driver, on: bool) -> None:
    """While catching up, the WAL is folded into the database once at the end instead of every 4 MB (a first
    sync's random index inserts otherwise rewrite the same pages at every checkpoint), and a bigger page
    cache keeps the indexes' pages between pages. Each page still commits atomically with its cursor, but
    without its own fsync (synchronous=NORMAL on this connection only): a power cut can lose the last pages,
    which are the hub's and are simply pulled again; the next sale's FULL commit syncs them with it."""
    hold_background_checkpoints(engine, on)
    if on:
        driver.execute("PRAGMA synchronous=NORMAL")  # apply_page puts FULL back once its page is in
    driver.execute(f"PRAGMA wal_autocheckpoint={CATCH_UP_CHECKPOINT_PAGES if on else autocheckpoint_pages(engine)}")
    driver.execute(f"PRAGMA cache_size={CATCH_UP_CACHE if on else DEFAULT_CACHE}")


def settle(engine: Engine, driver) -> None:
    """After a catch-up: fold the WAL into the database, and give the planner statistics for the new rows.

    Without statistics SQLite guesses, and for a 100,000-row catalog its guesses pick poor indexes for the
    search and stock queries. A sampled ANALYZE (analysis_limit) takes milliseconds, not seconds.

    Where a ``WalCheckpointer`` runs (the till), folding the log in is its job, within a second and off this
    path: copying a first sync's 300 MB of log here kept the till from its first sale for 1 to 3 s. Elsewhere
    the log is folded in here, or the next sale's commit would do it.
    """
    bulk_mode(engine, driver, False)
    if not has_background_checkpoints(engine):
        driver.execute("PRAGMA wal_checkpoint(PASSIVE)")
    driver.execute(f"PRAGMA analysis_limit={ANALYSIS_ROWS}")
    driver.execute("ANALYZE")
