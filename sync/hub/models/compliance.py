"""Age checks, the audit trail and closed shifts, as terminals report them."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import Cents, utcnow
from sync.hub.models.base import Base, IdMixin


class AgeVerificationLog(IdMixin, Base):
    __tablename__ = "age_verification_logs"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    sale_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    staff_id: Mapped[uuid.UUID | None]  # none at a kiosk's age gate: the customer checked themselves
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))  # the terminal that pushed it
    method: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(8))
    customer_age: Mapped[int | None]
    min_age: Mapped[int]
    jurisdiction: Mapped[str | None] = mapped_column(String(8))
    id_number_hash: Mapped[str | None] = mapped_column(String(64))
    failure_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditLog(IdMixin, Base):
    """Each terminal's hash chain, kept as it came; ``chain_ok`` says whether it linked to the entry before."""

    __tablename__ = "audit_log"
    __table_args__ = (UniqueConstraint("terminal_id", "seq"),)

    terminal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("terminals.id"))
    seq: Mapped[int]
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    staff_id: Mapped[uuid.UUID | None]
    approved_by: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity_type: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    chain_ok: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CashSession(IdMixin, Base):
    __tablename__ = "cash_sessions"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))
    terminal_no: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(8), default="closed")
    opened_by: Mapped[uuid.UUID | None]
    opened_at: Mapped[datetime | None]
    opening_float: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    opening_counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    closed_by: Mapped[uuid.UUID | None]
    closed_at: Mapped[datetime | None]
    expected_cash: Mapped[Decimal | None] = mapped_column(Cents())
    counted_cash: Mapped[Decimal | None] = mapped_column(Cents())
    variance: Mapped[Decimal | None] = mapped_column(Cents())
    closing_counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    variance_approved_by: Mapped[uuid.UUID | None]


class CardSettlement(IdMixin, Base):
    """A card terminal's daily batch close, with the terminal's check of it against the POS's card payments."""

    __tablename__ = "card_settlements"
    __table_args__ = (UniqueConstraint("terminal_id", "reference"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))
    terminal_no: Mapped[int]
    reference: Mapped[str] = mapped_column(String(40))
    batch_number: Mapped[int]
    settled_by: Mapped[uuid.UUID | None]
    settled_at: Mapped[datetime]
    terminal_sales: Mapped[Decimal] = mapped_column(Cents())
    terminal_refunds: Mapped[Decimal] = mapped_column(Cents())
    terminal_count: Mapped[int]
    pos_sales: Mapped[Decimal] = mapped_column(Cents())
    pos_refunds: Mapped[Decimal] = mapped_column(Cents())
    pos_count: Mapped[int]
    balanced: Mapped[bool]
    mismatches: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
