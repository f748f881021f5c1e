"""Receiving's benchmark group runs to the end on the quick data, so `make test` shows when a change breaks it.

Fewer scans than `make bench --quick` takes; every row gets a figure. The figures are `make bench`'s to report.
"""

from __future__ import annotations

from dataclasses import replace

from tests.perf import bench_receiving
from tests.perf.groups import GROUPS
from tests.perf.sizes import QUICK
from tests.sync.conftest import require_pg


def test_the_receiving_group_runs_to_the_end_with_a_figure_in_every_row():
    require_pg()
    metrics, problems = bench_receiving.run(replace(QUICK, scans=20), lambda _message: None)
    assert problems == []
    assert [m.error for m in metrics if m.error] == []
    assert [m.metric for m in metrics] == [name for name, _unit, _target in GROUPS["receiving"][1]]
    assert all(m.value is not None and m.value > 0 for m in metrics)
