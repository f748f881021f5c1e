"""The benchmarks' clock: the day their data was made for, whatever the calendar says.

The cached store (lots and their expiry dates, a year of history) is dated from BENCH_TODAY, so that it means the
same whenever it is reused. Sales rung up on the calendar's date found lots expiring under them as the months went
by, so every service a benchmark drives, and every time a benchmark writes, reads this clock instead.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from time import monotonic

from tests.perf.sizes import BENCH_TODAY

# Noon, so that a run of several hours still sells on the data's day.
BENCH_START = datetime.combine(BENCH_TODAY, time(12), tzinfo=UTC)


class BenchClock:
    """Starts at noon on BENCH_TODAY and ticks with the monotonic clock, which no calendar moves."""

    def __init__(self, start: datetime = BENCH_START) -> None:
        self._start = start
        self._origin = monotonic()

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=monotonic() - self._origin)


# One clock for every terminal of a run, so that the sales of the sync group's tills follow one another in time.
BENCH_CLOCK = BenchClock()
