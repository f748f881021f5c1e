"""The kiosk's benchmark group runs to the end on the quick data, so `make test` shows when a change breaks it.

Fewer samples than `make bench --quick` takes, on the same data: every part runs (the window's filters, categories
and scroll; the cold start; QR codes; a ticket through a real hub on PostgreSQL) and every row has a figure. The
figures themselves are `make bench`'s to report.
"""

from __future__ import annotations

from dataclasses import replace

from tests.perf import bench_kiosk
from tests.perf.groups import GROUPS
from tests.perf.sizes import QUICK
from tests.sync.conftest import require_pg

FEWER = replace(QUICK, kiosk_filters=12, kiosk_opens=9, kiosk_scroll_items=150, kiosk_tickets=2, kiosk_qr_loads=12,
                cold_starts=1)


def test_the_kiosk_group_runs_to_the_end_with_a_figure_in_every_row():
    require_pg()
    metrics, problems = bench_kiosk.run(FEWER, lambda _message: None)
    assert problems == []
    assert [m.error for m in metrics if m.error] == []
    assert [m.metric for m in metrics] == [name for name, _unit, _target in GROUPS["kiosk"][1]]
    assert all(m.value is not None and m.value > 0 for m in metrics)
