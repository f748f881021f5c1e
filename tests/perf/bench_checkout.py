"""Checkout commit: SaleService.complete() writing order, lines, lots, payment, stock deltas and the outbox row
in one SQLite transaction under synchronous=FULL, as the register does after the cash tender.

Floor: plain sqlite3 inserting one row and committing, with the same pragmas, in the same database file.
"""

from __future__ import annotations

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


def run(size, progress):
    terminal = open_bench_terminal(size, "checkout", progress)
    try:
        timed_checkouts(terminal, 5, progress)  # warm-up: first-use imports and statement caches
        floor_commits(terminal.settings.db_path, 5)
        # Interleave halves, so a burst of load from a neighbour hurts both series alike.
        half = size.checkouts // 2
        samples = timed_checkouts(terminal, half, progress)
        floor = floor_commits(terminal.settings.db_path, size.checkouts)
        samples += timed_checkouts(terminal, size.checkouts - half, progress)
    finally:
        terminal.close()
    how = (f"{len(samples)} sales of {LINES} lines each (scan, age attestation and cash tender untimed), timing "
           "SaleService.complete() (order, lines, lots, payment, stock deltas, outbox; WAL, synchronous=FULL); "
           f"floor: {len(floor)} plain sqlite3 BEGIN IMMEDIATE/INSERT one row/COMMIT on the same file and pragmas")
    return [ratio_at_most(Metric("checkout commit p50", p50(samples), "ms", floor=p50(floor), how=how), 3),
            ratio_at_most(Metric("checkout commit p99", p99(samples), "ms", floor=p99(floor), how=how), 3)], []
