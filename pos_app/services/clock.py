"""The clock services take, so a test (or a benchmark on a fixed day) can hand them another one; and the store's
wall clock, in which every time a person reads is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo

Clock = Callable[[], datetime]


def utc_clock() -> datetime:
    return datetime.now(UTC)


class StoreClock:
    """Times as the people in the store read them: in the store's time zone (the demo store's is America/Toronto),
    on screen as on paper, whatever zone the machine itself is set to. Stored times stay in UTC.

    A till whose operating system is set to another zone must not show a lock "until 18:23" under a header
    clock reading 23:08: the header, reports, parked sales, sync times and messages all read from here.
    """

    def __init__(self, zone: tzinfo, clock: Clock = utc_clock) -> None:
        self.zone = zone
        self._clock = clock

    def now(self) -> datetime:
        return self.local(self._clock())

    def today(self) -> date:
        return self.now().date()

    def local(self, moment: datetime) -> datetime:
        # A time read back from SQLite without its zone was stored as UTC.
        return (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).astimezone(self.zone)

    def time(self, moment: datetime, *, seconds: bool = False) -> str:
        """'18:23' (or '18:23:05'): for a time today, next to something that happened."""
        return f"{self.local(moment):%H:%M:%S}" if seconds else f"{self.local(moment):%H:%M}"

    def stamp(self, moment: datetime) -> str:
        """'2026-11-21 18:23': a moment that may be on another day, as receipts and reports print it."""
        return f"{self.local(moment):%Y-%m-%d %H:%M}"

    def wall_text(self) -> str:
        """The header clock: 'Sat 21 Nov 2026  18:23'."""
        now = self.now()
        return f"{now:%a} {now.day} {now:%b %Y  %H:%M}"
