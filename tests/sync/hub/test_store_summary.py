"""The store's day for the Reports tab starts at the store's midnight: 25 hours long when the clocks go back."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sync.hub.store_time import day_bounds

TORONTO = ZoneInfo("America/Toronto")


def test_a_day_is_the_stores_local_day_whatever_the_season():
    start, end = day_bounds(date(2026, 12, 6), TORONTO)
    assert (start.isoformat(), end - start) == ("2026-12-06T05:00:00+00:00", timedelta(hours=24))
    fall_back = day_bounds(date(2026, 11, 1), TORONTO)
    spring_forward = day_bounds(date(2026, 3, 8), TORONTO)
    assert fall_back[1] - fall_back[0] == timedelta(hours=25)
    assert spring_forward[1] - spring_forward[0] == timedelta(hours=23)
