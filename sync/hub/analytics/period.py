"""A report's period (store-local days, both ends included) and where it lies in each store's own time: the UTC
instants of its first and last midnights, and SQL that puts a UTC time in the store's hour, day or week."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Date, Integer, String, and_, case, cast, func, literal, or_
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from sync.hub.models import Store
from sync.hub.store_time import day_bounds, store_zone

LONGEST_DAYS = 366
DEFAULT_DAYS = 7


class PeriodRefused(ValueError):
    """A period that cannot be reported: `code` is bad_date, reversed or too_long (the console words it)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # included

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        """The same number of days just before it."""
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.days)]


def parse_period(first: str, last: str, today: date) -> Period:
    """The period a person asked for; empty ends mean the last seven days up to today."""
    try:
        end = date.fromisoformat(last) if last else today
        start = date.fromisoformat(first) if first else end - timedelta(days=DEFAULT_DAYS - 1)
    except ValueError:
        raise PeriodRefused("bad_date", "The dates must read YYYY-MM-DD, for example 2026-11-01.") from None
    if start > end:
        raise PeriodRefused("reversed", "The first day comes after the last day; swap them and try again.")
    if (end - start).days + 1 > LONGEST_DAYS:
        raise PeriodRefused("too_long", f"A report covers at most {LONGEST_DAYS} days; choose a shorter period.")
    return Period(start, end)


@dataclass(frozen=True)
class StoreWindow:
    store_id: uuid.UUID
    zone: str
    starts: datetime  # UTC, the first day's local midnight
    ends: datetime  # UTC, the midnight after the last day


@dataclass(frozen=True)
class Scope:
    """The stores a report covers and the period, placed in each store's time."""

    stores: tuple[Store, ...]
    period: Period
    windows: tuple[StoreWindow, ...]
    postgres: bool
    memo: dict = field(default_factory=dict, compare=False, hash=False)  # figures several tables share

    @classmethod
    def of(cls, session: Session, stores: list[Store], period: Period) -> Scope:
        windows = []
        for store in stores:
            zone = store_zone(store)
            windows.append(StoreWindow(store.id, zone.key, day_bounds(period.first, zone)[0],
                                       day_bounds(period.last, zone)[1]))
        return cls(tuple(stores), period, tuple(windows), session.get_bind().dialect.name == "postgresql")

    def within(self, store_column, time_column) -> ColumnElement[bool]:
        """Rows of these stores whose time falls in the period, each store by its own midnights."""
        if not self.windows:
            return literal(False)
        return or_(*(and_(store_column == w.store_id, time_column >= w.starts,
                          time_column < w.ends) for w in self.windows))

    def zone_of(self, store_column) -> ColumnElement[str]:
        zones = {w.zone for w in self.windows}
        if len(zones) <= 1:
            return literal(zones.pop() if zones else "UTC", String)
        return case({w.store_id: w.zone for w in self.windows}, value=store_column)

    def bucket(self, kind: str, store_column, time_column) -> ColumnElement:
        """The store-local hour of the day (0-23), day or week (its Monday) of a UTC time column."""
        zone = self.zone_of(store_column)
        if self.postgres:
            local = func.timezone(zone, func.timezone("UTC", time_column))
            if kind == "hour":
                return cast(func.extract("hour", local), Integer)
            if kind == "week":
                return cast(func.date_trunc("week", local), Date)
            return cast(local, Date)
        local = func.pos_local_time(time_column, zone)  # registered on every SQLite connection (sync.hub.database)
        if kind == "hour":
            return cast(func.strftime("%H", local), Integer)
        if kind == "week":
            return func.date(local, "weekday 0", "-6 days")
        return func.date(local)
