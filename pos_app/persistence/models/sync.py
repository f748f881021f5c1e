"""The transactional outbox and the terminal's sync bookkeeping (DESIGN §3, §4)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base
from pos_app.persistence.types import utcnow


class SyncOutbox(Base):
    """One row per mutation, written in the same transaction as the business write it describes.

    ``mutation_id`` is assigned from ``sync_state.next_mutation_id`` — never from rowid or
    AUTOINCREMENT — so ids are gap-free per client and survive vacuum and restore.
    """

    __tablename__ = "sync_outbox"

    mutation_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(60))  # e.g. order.completed.v1
    args: Mapped[dict[str, Any]]
    hash: Mapped[str] = mapped_column(String(64))  # sha256 of the canonical JSON of args
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)  # pending, applied, rejected
    result_code: Mapped[str | None] = mapped_column(String(40))
    result_message: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    acked_at: Mapped[datetime | None]


class SyncState(Base):
    """The single row of this terminal's identity and counters."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False, default=1)
    client_id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    store_id: Mapped[uuid.UUID | None]
    terminal_id: Mapped[uuid.UUID | None]
    terminal_no: Mapped[int] = mapped_column(default=1)
    next_mutation_id: Mapped[int] = mapped_column(default=1)
    next_receipt_seq: Mapped[int] = mapped_column(default=1)
    next_audit_seq: Mapped[int] = mapped_column(default=1)
    next_ticket_seq: Mapped[int] = mapped_column(default=1, server_default="1")  # kiosk ticket numbers
    last_acked_mutation_id: Mapped[int] = mapped_column(default=0)  # highest id the hub confirmed to the pusher
    # The hub's LMID read in the same snapshot as the data last pulled: local stock deltas with a higher
    # mutation id are not in the pulled levels yet, so the overlay still counts them (DESIGN §4).
    pulled_through_mutation_id: Mapped[int] = mapped_column(default=0)
    pull_cursor: Mapped[str | None] = mapped_column(String(64))
    hub_url: Mapped[str | None] = mapped_column(String(300))
    last_push_at: Mapped[datetime | None]
    last_pull_at: Mapped[datetime | None]
    # Wire id = local mutation id - base. A new client id (after a restored database) restarts the hub's
    # count at 1 for the unsent rows without renumbering them here.
    mutation_id_base: Mapped[int] = mapped_column(default=0, server_default="0")
    last_good_sync_at: Mapped[datetime | None]  # the last pull that caught up with the hub
    alert: Mapped[str | None] = mapped_column(String(500))  # for the manager, until acknowledged
    alert_at: Mapped[datetime | None]


class StoreDaySummaryRow(Base):
    """The hub's last answer for one day of the store's sales, kept so the back office's Reports tab shows it
    offline (with the time the hub worked it out)."""

    __tablename__ = "store_day_summaries"

    store_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # the store's local date, ISO
    fetched_at: Mapped[datetime]
    body: Mapped[dict[str, Any]]  # sync.protocol.StoreDaySummary as JSON
