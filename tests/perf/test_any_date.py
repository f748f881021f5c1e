"""The benchmarks run to the end whatever today's date is.

Their store is generated for a fixed day (BENCH_TODAY: lots and their expiry dates, a year of history) and kept
in a cache. A sale rung up on the calendar's date found lots expiring under it as the months went by: a full run
on 2026-12-05 stopped in its checkout group because SKU 127490_3.5G's only lot had expired on 2026-11-26.

Here the terminal's own clock, and the day its context is loaded for, are moved a year past the data, and a
group is run on the quick data. Only that it runs to the end is asserted; its figures are `make bench`'s to report.
"""

from __future__ import annotations

import importlib
import sys
from datetime import date, datetime, timedelta

import pytest

from tests.perf.groups import GROUPS
from tests.perf.sizes import QUICK

YEAR = timedelta(days=365)


class _DatetimeAYearAhead(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + YEAR


class _DateAYearAhead(date):
    @classmethod
    def today(cls):
        return date.today() + YEAR


@pytest.fixture
def calendar_a_year_ahead(monkeypatch):
    """The terminal's default clock (what the register runs on) and its context's day, a year from now."""
    from pos_app import bootstrap
    from pos_app.services import selling

    clock_module = sys.modules[selling.utc_clock.__module__]  # wherever the terminal's clock is defined
    monkeypatch.setattr(clock_module, "datetime", _DatetimeAYearAhead)
    monkeypatch.setattr(bootstrap, "date", _DateAYearAhead)
    assert selling.utc_clock().date() >= date.today() + YEAR, "the terminal's clock was not moved"


@pytest.mark.parametrize("group", ["checkout", "scan"])
def test_a_benchmark_group_runs_to_the_end_a_year_after_its_data(group, calendar_a_year_ahead):
    module = importlib.import_module(GROUPS[group][0])
    metrics, problems = module.run(QUICK, lambda _message: None)
    assert problems == []
    assert [m.error for m in metrics if m.error] == []
    assert len(metrics) == len(GROUPS[group][1])
