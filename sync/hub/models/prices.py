"""A store's price changes set for a minute ahead (``price_schedules``, fed to the store's terminals so they switch
at that minute offline too) and the history of every price change made from the console or the admin API
(``price_history``, the platform's name; the hub's own).

A schedule is ``pending`` until its minute, then ``applied`` (the store's override took its price) or
``cancelled`` before it. Terminals price with a pending schedule whose minute has passed, so a schedule the hub has
not applied yet still sells at its price.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import Cents, utcnow
from sync.hub.models.base import HUB_ONLY, Base, IdMixin, ReplicatedMixin


class PriceSchedule(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "price_schedules"
    __table_args__ = (Index("ix_price_schedules_store_status_effective", "store_id", "status", "effective_at"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40))
    price: Mapped[Decimal] = mapped_column(Cents())
    effective_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending, applied, cancelled
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("console_users.id"), info=HUB_ONLY)


class PriceHistory(IdMixin, Base):
    """One price change: who (a console user, or the admin API), when, the price before and after, and from when
    it sells (``effective_at``: the change's own time for an override, the chosen minute for a schedule)."""

    __tablename__ = "price_history"
    __table_args__ = (Index("ix_price_history_store_changed", "store_id", "changed_at"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(12))  # override, scheduled, cancelled, applied
    old_price: Mapped[Decimal | None] = mapped_column(Cents())
    new_price: Mapped[Decimal | None] = mapped_column(Cents())
    effective_at: Mapped[datetime]
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("console_users.id"))
    via: Mapped[str] = mapped_column(String(16))  # console, api
    schedule_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("price_schedules.id"))
