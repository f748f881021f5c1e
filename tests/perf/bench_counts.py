"""Stock counts: submitting and approving a 5,000-line count (variance against the start plus the moves since;
then the local ledger rows, the audit entry and one inventory.counted.v1 in one commit).

The count's lines are counted by one UPDATE (that is the setup: a person takes hours over it); submit and approve
are timed through CountService, as the Counts tab calls them.
"""

from __future__ import annotations

import random
import sqlite3

from tests.perf.metrics import Metric, at_most
from tests.perf.stats import now
from tests.perf.terminal_env import open_bench_terminal

LINES = 5_000


def _skus(db_path, count: int, seed: int) -> list[str]:
    with sqlite3.connect(db_path) as connection:
        skus = [row[0] for row in connection.execute(
            "SELECT sku FROM ocs_inventory WHERE quantity_on_hand > 0 ORDER BY sku")]
    random.Random(seed).shuffle(skus)
    return skus[:count]


def _count_everything(db_path, count_id, lines: int, seed: int) -> None:
    """Counted as found: most lines as expected, one in ten off by a few units."""
    rng = random.Random(seed)
    with sqlite3.connect(db_path) as connection:
        ids = [row[0] for row in connection.execute(
            "SELECT id, expected_at_start FROM stock_count_lines WHERE count_id = ? LIMIT ?",
            (count_id.hex, lines))]
        connection.executemany(
            "UPDATE stock_count_lines SET counted = max(expected_at_start + ?, 0) WHERE id = ?",
            [(rng.choice((-2, -1, 1)) if rng.random() < 0.1 else 0, line_id) for line_id in ids])


def one_count(terminal, attempt: int, progress) -> tuple[float, float, int]:
    from pos_app.domain.staff import Role
    from pos_app.services.staff import first_staff_with_role

    manager = first_staff_with_role(terminal.session_factory, Role.MANAGER)
    counts = terminal.backoffice.counts
    sheet = counts.start(manager, "skus", ",".join(_skus(terminal.settings.db_path, LINES, 30 + attempt)))
    _count_everything(terminal.settings.db_path, sheet.count_id, LINES, attempt)
    started = now()
    submitted = counts.submit()
    submit_s = now() - started
    started = now()
    counts.approve(manager)
    approve_s = now() - started
    counted = len(submitted.counted_lines)
    progress(f"count {attempt + 1}: {counted:,} lines, submit {submit_s * 1000:.0f} ms, "
             f"approve {approve_s * 1000:.0f} ms")
    return submit_s, approve_s, counted


def run(size, progress):
    terminal = open_bench_terminal(size, "counts", progress)
    try:
        samples = [one_count(terminal, attempt, progress) for attempt in range(max(size.repeats, 1))]
    finally:
        terminal.close()
    counted = min(lines for _s, _a, lines in samples)
    rows = []
    for index, name, what in ((0, "count submitted (5,000 lines)", "CountService.submit: each counted line's "
                               "expected now (pulled level or lot plus the unsynced local moves), written back"),
                              (1, "count approved (5,000 lines)", "CountService.approve: measured again, the "
                               "ledger rows of the variances, the audit entry and one inventory.counted.v1, one "
                               "commit")):
        values = sorted(sample[index] for sample in samples)
        how = f"{what}; {counted:,} counted lines, median of {len(values)} (worst {values[-1] * 1000:.0f} ms)"
        rows.append(at_most(Metric(name, values[len(values) // 2], "s", how=how), 1))
    return rows, []
