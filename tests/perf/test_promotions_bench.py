"""The promotions benchmark group runs to the end with a figure in every row (fewer carts than `make bench`)."""

from __future__ import annotations

from dataclasses import replace

from tests.perf import bench_promotions
from tests.perf.groups import GROUPS
from tests.perf.sizes import QUICK


def test_the_promotions_group_runs_to_the_end_with_a_figure_in_every_row():
    metrics, problems = bench_promotions.run(replace(QUICK, scans=50), lambda _message: None)
    assert problems == []
    assert [m.metric for m in metrics] == [name for name, _unit, _target in GROUPS["promotions"][1]]
    assert all(m.value is not None and m.value > 0 and m.floor and m.error is None for m in metrics)
    assert metrics[1].extra["mean_applied"] > 5  # the carts really meet promotions
