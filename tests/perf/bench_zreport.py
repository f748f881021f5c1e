"""Z report: closing a shift of 10,000 orders with ShiftService.close_shift (report, audit entry, outbox row).

The shift's orders go in by bulk insert (they are the setup, not the measure); the close is timed.
"""

from __future__ import annotations

from datetime import timedelta

from tests.perf.bench_checkout import FLOAT
from tests.perf.clock import BENCH_CLOCK
from tests.perf.history import insert_orders
from tests.perf.metrics import Metric, at_most
from tests.perf.stats import now
from tests.perf.terminal_env import cashier, open_bench_terminal


def one_close(terminal, size, attempt: int, progress) -> float:
    from pos_app.domain.staff import Role
    from pos_app.services.staff import first_staff_with_role

    staff = cashier(terminal)
    manager = first_staff_with_role(terminal.session_factory, Role.MANAGER)
    shift = terminal.shifts.open_shift(staff, FLOAT)
    end = BENCH_CLOCK()  # the shift's sales are on the data's day, like the terminal's
    orders = insert_orders(terminal.settings.db_path, lines=size.z_orders * 8, max_orders=size.z_orders,
                           seed=100 + attempt, number_prefix=f"ON001-1-Z{attempt}-",
                           start=end - timedelta(hours=8), end=end,
                           cash_session_id=shift.id, progress=lambda _m: None)
    progress(f"shift {attempt + 1} holds {orders:,} orders; closing it")
    started = now()
    report = terminal.shifts.close_shift(staff, {"100": 3}, approver=manager)
    seconds = now() - started
    if report.sales_count != orders:
        raise RuntimeError(f"the Z report counts {report.sales_count} sales, not the shift's {orders}")
    return seconds


def run(size, progress):
    terminal = open_bench_terminal(size, "z_report", progress)
    try:
        samples = [one_close(terminal, size, attempt, progress) for attempt in range(size.repeats)]
    finally:
        terminal.close()
    best, worst = min(samples), max(samples)
    how = (f"ShiftService.close_shift on a shift of {size.z_orders:,} bulk-inserted orders (with payments) on top "
           f"of the history; median of {size.repeats} shift(s) (best {best:.2f} s, worst {worst:.2f} s)")
    value = sorted(samples)[len(samples) // 2]
    return [at_most(Metric("Z report", value, "s", how=how), 1)], []
