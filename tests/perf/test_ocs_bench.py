"""The OCS benchmark group runs to the end on a small history, so `make test` shows when a change breaks it
(the figures at 1,000,000 lines are `make bench`'s to report)."""

from __future__ import annotations

from dataclasses import replace

from tests.perf import bench_ocs
from tests.perf.groups import GROUPS
from tests.perf.sizes import QUICK
from tests.sync.conftest import require_pg


def test_the_ocs_group_runs_to_the_end_with_a_figure_in_every_row():
    require_pg()
    metrics, problems = bench_ocs.run(replace(QUICK, history_lines=20_000), lambda _message: None, asks=1)
    assert problems == []
    assert [m.metric for m in metrics] == [name for name, _unit, _target in GROUPS["ocs"][1]]
    assert all(m.value is not None and m.value > 0 and m.met for m in metrics)
