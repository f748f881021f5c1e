"""A store's own time on the hub: its zone (the store's IANA name, Toronto when it has none or a bad one) and a
local day as the UTC instants of its midnights, 23 or 25 hours apart on the days the clocks change."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sync.hub.models import Store

DEFAULT_ZONE = "America/Toronto"


def store_zone(store: Store) -> ZoneInfo:
    try:
        return ZoneInfo(store.timezone or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    return (datetime.combine(day, time(0), zone).astimezone(UTC),
            datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC))


def terminal_clock_time(terminal_clock: str | datetime | None) -> datetime | None:
    """When a terminal says a movement happened: its clock, kept for reports only (the ledger's ``occurred_at``).

    Text that is not an ISO 8601 time with its offset tells nothing, and is None (the hub's arrival then stands);
    `apply_deltas` never lets it be later than the arrival.
    """
    if isinstance(terminal_clock, datetime):
        return terminal_clock if terminal_clock.tzinfo is not None else None
    if not terminal_clock:
        return None
    try:
        parsed = datetime.fromisoformat(terminal_clock)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None
