"""Approved stock counts as the hub applied them, line by line, and the overlapping counts a manager must see."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import utcnow
from sync.hub.models.base import Base, IdMixin


class InventoryCount(IdMixin, Base):
    """One `inventory.counted.v1`: its id is the terminal's count id, so a count is applied once."""

    __tablename__ = "inventory_counts"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    terminal_id: Mapped[uuid.UUID]
    scope: Mapped[str] = mapped_column(String(10))  # store, location, category, skus
    scope_label: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime]  # the terminal's clock: where the ledger is read "as of the start"
    approved_at: Mapped[datetime]
    ledger_position: Mapped[int]  # the terminal's last mutation id when the count started
    counted_by: Mapped[uuid.UUID | None]
    approved_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class InventoryCountLine(IdMixin, Base):
    """A counted SKU/lot: what the hub expected at the start, what moved since, and the delta it applied."""

    __tablename__ = "inventory_count_lines"
    __table_args__ = (Index("ix_inventory_count_lines_store_sku", "store_id", "sku", "batch_lot"),)

    count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inventory_counts.id"), index=True)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40))
    batch_lot: Mapped[str | None] = mapped_column(String(40))
    counted: Mapped[int]
    terminal_expected_at_start: Mapped[int]
    expected_at_start: Mapped[int]  # the hub's ledger as of the count's start
    moves_since_start: Mapped[int]  # the hub's ledger moves since then
    delta: Mapped[int]  # what the hub applied (0 when a later count won)
    status: Mapped[str] = mapped_column(String(12))  # applied, superseded (lost to a later approval), overridden


class CountConflict(IdMixin, Base):
    """Two counts of the same SKU (and lot) whose counting overlapped: the one approved last stands."""

    __tablename__ = "count_conflicts"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    sku: Mapped[str] = mapped_column(String(40))
    batch_lot: Mapped[str | None] = mapped_column(String(40))
    winner_count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inventory_counts.id"))
    winner_terminal_id: Mapped[uuid.UUID]
    winner_counted: Mapped[int]
    winner_approved_at: Mapped[datetime]
    loser_count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inventory_counts.id"))
    loser_terminal_id: Mapped[uuid.UUID]
    loser_counted: Mapped[int]
    loser_approved_at: Mapped[datetime]
    resolved: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
