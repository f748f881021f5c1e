"""The counts benchmark group runs to the end on the quick data, with a figure in every row."""

from __future__ import annotations

from dataclasses import replace

from tests.perf import bench_counts
from tests.perf.groups import GROUPS
from tests.perf.sizes import QUICK


def test_the_counts_group_runs_to_the_end_with_a_figure_in_every_row():
    metrics, problems = bench_counts.run(replace(QUICK, repeats=1), lambda _message: None)
    assert problems == []
    assert [m.metric for m in metrics] == [name for name, _unit, _target in GROUPS["counts"][1]]
    assert all(m.value is not None and m.value > 0 and m.error is None for m in metrics)
