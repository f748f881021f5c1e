"""Soft reservations of stock (`ocs_inventory_reservations`): made for a kiosk ticket, released when it closes,
and expired once `reserved_until` has passed.

Active reservations count in ``ocs_inventory.quantity_reserved`` through the ledger module
(`sync.hub.inventory.move_reserved`); the rows travel to the store's terminals, which stop counting a
reservation by its time alone, so a late release here changes nothing they show.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.feed.record import record_put
from sync.hub.inventory import move_reserved
from sync.hub.models import OcsInventoryReservation

ACTIVE = "active"


def _held(rows: Iterable[OcsInventoryReservation], sign: int) -> dict[str, int]:
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.sku] = totals.get(row.sku, 0) + sign * row.quantity
    return totals


def reserve(session: Session, store_id: uuid.UUID, rows: list[OcsInventoryReservation]) -> None:
    """Add the reservations; those still active hold their stock from now on."""
    session.add_all(rows)
    session.flush()
    move_reserved(session, store_id, _held((r for r in rows if r.status == ACTIVE), +1))
    for row in rows:
        record_put(session, row)


def release(session: Session, store_id: uuid.UUID, rows: Iterable[OcsInventoryReservation], *, status: str,
            when: datetime | None = None) -> list[OcsInventoryReservation]:
    """Let go of the active ones among `rows` (`status` released or expired); returns those it let go of."""
    freed = [row for row in rows if row.status == ACTIVE]
    when = when or utcnow()
    for row in freed:
        row.status, row.released_at = status, when
        record_put(session, row)
    move_reserved(session, store_id, _held(freed, -1))
    return freed


def _active(store_id: uuid.UUID):
    return (select(OcsInventoryReservation).where(OcsInventoryReservation.store_id == store_id,
                                                  OcsInventoryReservation.status == ACTIVE)
            .with_for_update())


def release_for_ticket(session: Session, store_id: uuid.UUID, ticket_id: uuid.UUID, *, when: datetime) -> None:
    rows = session.scalars(_active(store_id).where(OcsInventoryReservation.ticket_id == ticket_id)).all()
    release(session, store_id, rows, status="released", when=when)


def release_ids(session: Session, store_id: uuid.UUID, ids: list[uuid.UUID], *, status: str,
                when: datetime) -> None:
    rows = session.scalars(_active(store_id).where(OcsInventoryReservation.id.in_(ids))).all()
    release(session, store_id, rows, status=status, when=when)


def expire_due(session: Session, store_id: uuid.UUID, now: datetime | None = None) -> int:
    """Expire the store's reservations whose time has passed, so `quantity_reserved` holds only live ones."""
    now = now or utcnow()
    rows = session.scalars(_active(store_id).where(OcsInventoryReservation.reserved_until <= now)).all()
    return len(release(session, store_id, rows, status="expired", when=now))
