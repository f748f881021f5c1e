"""The console's benchmark group runs to the end on a small hub of its own (500 products, 8,000 order lines), so
`make test` shows when a change breaks a page's measure; the figures themselves are `make bench`'s to report."""

from __future__ import annotations

from dataclasses import replace

from tests.perf import bench_console
from tests.perf.groups import GROUPS
from tests.perf.sizes import QUICK
from tests.sync.conftest import require_pg


def test_the_console_group_runs_to_the_end_with_a_figure_in_every_row():
    require_pg()
    small = replace(QUICK, name="smoke", products=500, history_lines=8_000)  # its own template, seeded in seconds
    metrics, problems = bench_console.run(small, lambda _message: None, samples=2)
    assert problems == []
    assert [m.error for m in metrics if m.error] == []
    assert [m.metric for m in metrics] == [name for name, _unit, _target in GROUPS["console"][1]]
    assert len(metrics) == len(bench_console.CONSOLE_PAGES)
    assert all(m.value is not None and m.value > 0 for m in metrics)
