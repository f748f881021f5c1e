"""`pos-hub db maintain`: apply the deferred mutations the hub now knows, drop old tombstones from the feeds,
expire the reservations whose time has passed, and make the scheduled prices whose minute has passed the stores'
overrides (the registers switched at the minute on their own)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from sync.hub.database import Database
from sync.hub.deferred import DeferredRun, apply_deferred
from sync.hub.feed.pages import compact_tombstones
from sync.hub.models import StoreFeed
from sync.hub.prices import apply_due_schedules
from sync.hub.reservations import expire_due

KEEP_VERSIONS = 100_000
"""Tombstones of the newest this many versions of a store's feed stay: a terminal whose cursor is older than
that gets a reset and a full snapshot instead of the deletes it missed."""


@dataclass(frozen=True)
class Maintenance:
    deferred: DeferredRun
    tombstones_removed: int
    reservations_expired: int = 0
    prices_applied: int = 0


def compact_feeds(db: Database, keep_versions: int = KEEP_VERSIONS) -> int:
    """Drop the tombstones older than the newest `keep_versions` of each store's feed; how many went."""
    with db.read() as session:
        feeds = session.execute(select(StoreFeed.store_id, StoreFeed.version, StoreFeed.compacted_through)).all()
    removed = 0
    for store_id, version, compacted_through in feeds:
        through = version - keep_versions
        if through > compacted_through:
            with db.write() as session:
                removed += compact_tombstones(session, store_id, through)
    return removed


def expire_reservations(db: Database) -> int:
    """Expire every store's reservations whose `reserved_until` has passed (terminals stop counting them by
    their time alone; this brings the hub's reserved quantities in line)."""
    with db.read() as session:
        stores = session.scalars(select(StoreFeed.store_id)).all()
    expired = 0
    for store_id in stores:
        with db.write() as session:
            expired += expire_due(session, store_id)
    return expired


def apply_scheduled_prices(db: Database) -> int:
    with db.read() as session:
        stores = session.scalars(select(StoreFeed.store_id)).all()
    applied = 0
    for store_id in stores:
        with db.write() as session:
            applied += apply_due_schedules(session, store_id)
    return applied


def maintain(db: Database, keep_versions: int = KEEP_VERSIONS) -> Maintenance:
    return Maintenance(apply_deferred(db), compact_feeds(db, keep_versions), expire_reservations(db),
                       apply_scheduled_prices(db))
