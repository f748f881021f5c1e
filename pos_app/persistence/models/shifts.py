"""Cash sessions (shifts) and the cash that moves in and out of the drawer during one."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin
from pos_app.persistence.types import Cents, utcnow


class CashSession(IdMixin, Base):
    __tablename__ = "cash_sessions"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    terminal_no: Mapped[int]
    status: Mapped[str] = mapped_column(String(8), default="open")  # open, closed
    opened_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opening_float: Mapped[Decimal] = mapped_column(Cents())
    opening_counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # denomination -> count
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None]
    expected_cash: Mapped[Decimal | None] = mapped_column(Cents())
    counted_cash: Mapped[Decimal | None] = mapped_column(Cents())
    variance: Mapped[Decimal | None] = mapped_column(Cents())
    closing_counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    variance_approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class CashMovement(IdMixin, Base):
    __tablename__ = "cash_movements"

    cash_session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # drop, paid_out
    amount: Mapped[Decimal] = mapped_column(Cents())
    reason: Mapped[str | None] = mapped_column(String(200))
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
