"""Recalls the tenant announced: which lots of a SKU must not be sold, why, and under which reference."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import utcnow
from sync.hub.models.base import Base, IdMixin


class Recall(IdMixin, Base):
    __tablename__ = "recalls"
    __table_args__ = (Index("ix_recalls_tenant_created", "tenant_id", "created_at"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    sku: Mapped[str] = mapped_column(String(40))
    lots: Mapped[list[Any]]
    reason: Mapped[str] = mapped_column(String(300))
    reference: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
