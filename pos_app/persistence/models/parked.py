"""Sales put aside at this till, kept on disk so a restart does not lose a customer's cart."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin
from pos_app.persistence.types import utcnow


class ParkedSale(IdMixin, Base):
    __tablename__ = "parked_sales"

    terminal_no: Mapped[int]
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    label: Mapped[str] = mapped_column(String(80))
    item_count: Mapped[int]
    total_cents: Mapped[int]
    snapshot: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
