"""Checkout commit: SaleService.complete() writing order, lines, lots, payment, stock deltas and the outbox row
in one SQLite transaction under synchronous=FULL, as the register does after the cash tender.

Two floors, each measured in the same run on the same database file with the program's pragmas:
- one row: plain sqlite3 inserting one row and committing (what a commit costs at all);
- the sale's rows (the fair floor): every row one checkout writes, captured from a real checkout's INSERTs,
  inserted by plain sqlite3 in one transaction into copies of those tables with the same columns and indexes.
  Checkout is reported as a ratio to it, with a target of at most 2x: what the ORM and the services cost.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import event

from tests.perf.metrics import Metric, ratio_at_most
from tests.perf.stats import ms_since, now, p50, p99
from tests.perf.terminal_env import bare_connection, cashier, open_bench_terminal, ring_up, scan_codes

LINES = 3
FLOAT = {"20": 5, "5": 4, "1": 10}


def timed_checkouts(terminal, count: int, progress) -> list[float]:
    staff = cashier(terminal)
    shift = terminal.shifts.current() or terminal.shifts.open_shift(staff, FLOAT)
    terminal.sales.cash_session_id = shift.id
    codes = scan_codes(terminal.settings.db_path, count * LINES, seed=3)
    samples = []
    for index in range(count):
        ring_up(terminal, staff, codes[index * LINES:(index + 1) * LINES])
        started = now()
        terminal.sales.complete()
        samples.append(ms_since(started))
        if (index + 1) % 100 == 0:
            progress(f"{index + 1:,} of {count:,} checkouts")
    return samples


def floor_commits(db_path, count: int) -> list[float]:
    conn = bare_connection(db_path)
    conn.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, payload TEXT)")
    samples = []
    for index in range(count):
        started = now()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_floor (payload) VALUES (?)", (f"order {index}",))
        conn.execute("COMMIT")
        samples.append(ms_since(started))
    conn.close()
    return samples


_INSERT = re.compile(r"^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+\"?(\w+)\"?", re.IGNORECASE)


@contextmanager
def captured_inserts(engine):
    """The INSERT statements (and their parameter rows) the engine runs inside the block."""
    captured: list[tuple[str, str, list]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        found = _INSERT.match(statement)
        if found:
            rows = list(parameters) if executemany else [parameters]
            captured.append((found.group(1), statement, rows))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield captured
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def sale_rows(terminal, staff, codes) -> list[tuple[str, str, list]]:
    """One real checkout's INSERTs, each aimed at a floor copy of its table."""
    ring_up(terminal, staff, codes)
    with captured_inserts(terminal.engine) as captured:
        terminal.sales.complete()
    return [(table, _INSERT.sub(lambda m: m.group(0).replace(m.group(1), f"floor_{m.group(1)}"), statement, 1), rows)
            for table, statement, rows in captured]


def _copy_tables(conn, tables: set[str]) -> None:
    """floor_<table>: the same columns and indexes, no rows, no unique keys (the same rows go in again)."""
    for table in tables:
        conn.execute(f"DROP TABLE IF EXISTS floor_{table}")
        conn.execute(f"CREATE TABLE floor_{table} AS SELECT * FROM {table} WHERE 0")
        for (name,) in conn.execute("SELECT name FROM pragma_index_list(?) ", (table,)).fetchall():
            columns = [row[2] for row in conn.execute("SELECT * FROM pragma_index_info(?)", (name,))]
            if columns and all(columns):
                conn.execute(f"CREATE INDEX floor_{name} ON floor_{table} ({', '.join(columns)})")


def sale_floor_commits(db_path, statements, count: int) -> list[float]:
    conn = bare_connection(db_path)
    _copy_tables(conn, {table for table, _statement, _rows in statements})
    samples = []
    for _ in range(count):
        started = now()
        conn.execute("BEGIN IMMEDIATE")
        for _table, statement, rows in statements:
            conn.executemany(statement, rows)
        conn.execute("COMMIT")
        samples.append(ms_since(started))
    conn.close()
    return samples


def run(size, progress):
    terminal = open_bench_terminal(size, "checkout", progress)
    try:
        timed_checkouts(terminal, 5, progress)  # warm-up: first-use imports and statement caches
        floor_commits(terminal.settings.db_path, 5)
        statements = sale_rows(terminal, cashier(terminal), scan_codes(terminal.settings.db_path, LINES, seed=5))
        sale_floor_commits(terminal.settings.db_path, statements, 5)
        # Interleave thirds, so a burst of load from a neighbour hurts every series alike.
        third = size.checkouts // 3
        samples = timed_checkouts(terminal, third, progress)
        floor = floor_commits(terminal.settings.db_path, size.checkouts)
        samples += timed_checkouts(terminal, third, progress)
        fair = sale_floor_commits(terminal.settings.db_path, statements, size.checkouts)
        samples += timed_checkouts(terminal, size.checkouts - 2 * third, progress)
    finally:
        terminal.close()
    how = (f"{len(samples)} sales of {LINES} lines each (scan, age attestation and cash tender untimed), timing "
           "SaleService.complete() (order, lines, lots, payment, stock deltas, outbox; WAL, synchronous=FULL); "
           f"floor: {len(floor)} plain sqlite3 BEGIN IMMEDIATE/INSERT one row/COMMIT on the same file and pragmas")
    rows = sum(len(batch) for _table, _statement, batch in statements)
    fair_how = (f"{len(samples)} sales as above; floor: the {rows} rows one sale writes ({len(statements)} "
                "INSERTs captured from a real checkout), by plain sqlite3 in one BEGIN IMMEDIATE/COMMIT into copies "
                f"of their tables with the same columns and indexes, same file and pragmas, {len(fair)} times")
    return [ratio_at_most(Metric("checkout commit p50", p50(samples), "ms", floor=p50(floor), how=how), 3),
            ratio_at_most(Metric("checkout commit p99", p99(samples), "ms", floor=p99(floor), how=how), 3),
            ratio_at_most(Metric("checkout commit p50 vs the sale's rows", p50(samples), "ms", floor=p50(fair),
                                 how=fair_how), 2),
            ratio_at_most(Metric("checkout commit p99 vs the sale's rows", p99(samples), "ms", floor=p99(fair),
                                 how=fair_how), 2)], []
