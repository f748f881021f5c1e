"""Parked sales of one till: put aside, listed, and taken back exactly once."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.persistence.models import ParkedSale


def park(session: Session, *, terminal_no: int, staff_id: uuid.UUID, label: str, item_count: int,
         total_cents: int, snapshot: dict[str, Any], now: datetime) -> ParkedSale:
    row = ParkedSale(id=uuid.uuid4(), terminal_no=terminal_no, staff_id=staff_id, label=label,
                     item_count=item_count, total_cents=total_cents, snapshot=snapshot, created_at=now)
    session.add(row)
    session.flush()
    return row


def parked_at(session: Session, terminal_no: int) -> list[ParkedSale]:
    return list(session.scalars(
        select(ParkedSale).where(ParkedSale.terminal_no == terminal_no).order_by(ParkedSale.created_at)))


def take(session: Session, parked_id: uuid.UUID) -> ParkedSale | None:
    """The parked sale, removed in the caller's transaction so two tills cannot both resume it."""
    row = session.get(ParkedSale, parked_id)
    if row is not None:
        session.delete(row)
    return row
