"""The hub's answers for days of the store's sales (``store_day_summaries``), and this terminal's sales that the
hub has not had yet (so the Reports tab can say its figures leave them out)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.persistence.models import StoreDaySummaryRow, SyncOutbox

SALE = "order.completed.v1"


def kept_summary(session: Session, store_id: uuid.UUID, day: date) -> tuple[dict[str, Any], datetime] | None:
    row = session.get(StoreDaySummaryRow, (store_id, day.isoformat()))
    return None if row is None else (row.body, row.fetched_at)


def keep_summary(session: Session, store_id: uuid.UUID, day: date, body: dict[str, Any], fetched_at: datetime) -> None:
    row = session.get(StoreDaySummaryRow, (store_id, day.isoformat()))
    if row is None:
        session.add(StoreDaySummaryRow(store_id=store_id, day=day.isoformat(), fetched_at=fetched_at, body=body))
    else:
        row.body, row.fetched_at = body, fetched_at


def sales_not_sent(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncOutbox).where(
        SyncOutbox.name == SALE, SyncOutbox.status == "pending")) or 0
