"""Receivings in progress (and sent), kept in the replica so a restart resumes them: one row per receiving, one
per line, written line by line as scans come in."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base
from pos_app.persistence.types import utcnow


class ReceivingDraft(Base):
    __tablename__ = "receiving_drafts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the receiving id po.received.v1 carries
    # no foreign key: purchase orders are hub rows a resync replaces, a draft outlives that
    purchase_order_id: Mapped[uuid.UUID] = mapped_column(index=True)
    store_id: Mapped[uuid.UUID]
    staff_id: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, sent
    mutation_id: Mapped[int | None]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class ReceivingDraftLine(Base):
    __tablename__ = "receiving_draft_lines"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    draft_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("receiving_drafts.id"), index=True)
    position: Mapped[int]
    po_item_id: Mapped[uuid.UUID | None]
    sku: Mapped[str] = mapped_column(String(40))
    product_name: Mapped[str] = mapped_column(String(200))
    each_gtin: Mapped[str | None] = mapped_column(String(14))
    case_gtin: Mapped[str | None] = mapped_column(String(14))
    case_quantity: Mapped[int] = mapped_column(default=1)
    expected: Mapped[int] = mapped_column(default=0)
    asn_lot: Mapped[str | None] = mapped_column(String(40))
    quantity: Mapped[int] = mapped_column(default=0)
    lots: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    reason: Mapped[str | None] = mapped_column(String(20))
    decision: Mapped[str | None] = mapped_column(String(10))
    over_confirmed: Mapped[bool] = mapped_column(default=False)
