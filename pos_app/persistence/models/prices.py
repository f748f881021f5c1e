"""A store's price changes set ahead on the hub, as synced (read-only here): the register sells a SKU at a pending
schedule's price from its minute on, offline too (pos_app.persistence.catalog_repository)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin, ReplicatedMixin
from pos_app.persistence.types import Cents


class PriceSchedule(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "price_schedules"
    __table_args__ = (Index("ix_price_schedules_store_sku_effective", "store_id", "sku", "effective_at"),)

    store_id: Mapped[uuid.UUID]
    sku: Mapped[str] = mapped_column(String(40))
    price: Mapped[Decimal] = mapped_column(Cents())
    effective_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending, applied, cancelled
