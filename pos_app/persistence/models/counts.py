"""Stock counts taken at this terminal: the session (its scope, when it started, where the ledger stood) and
its lines, each with the quantity expected when the count started and, once counted, what was found."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin
from pos_app.persistence.types import utcnow


class StockCount(IdMixin, Base):
    __tablename__ = "stock_counts"
    __table_args__ = (Index("ix_stock_counts_store_status", "store_id", "status"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    scope: Mapped[str] = mapped_column(String(10))  # store, location, category, skus
    scope_value: Mapped[str] = mapped_column(String(2000))  # the location code, category, or SKUs joined by ","
    scope_label: Mapped[str] = mapped_column(String(200))
    blind: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(10), default="counting")  # counting, submitted, approved, cancelled
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    ledger_position: Mapped[int] = mapped_column(default=0)  # the last mutation id when the count started
    submitted_at: Mapped[datetime | None]
    approved_at: Mapped[datetime | None]
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    mutation_id: Mapped[int | None]  # the inventory.counted.v1 that carries it


class StockCountLine(IdMixin, Base):
    __tablename__ = "stock_count_lines"
    __table_args__ = (Index("ix_stock_count_lines_count_sku", "count_id", "sku", "batch_lot"),)

    count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stock_counts.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(40))
    batch_lot: Mapped[str | None] = mapped_column(String(40))
    expected_at_start: Mapped[int] = mapped_column(default=0)
    counted: Mapped[int | None]  # None: not counted yet
    expected_now: Mapped[int | None]  # set at submit (and again at approval): start + moves since
    counted_at: Mapped[datetime | None]
