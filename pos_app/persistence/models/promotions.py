"""The tenant's promotions and discount codes, as synced from the hub (read-only here): the register prices every
sale with them, offline. `definition` is the promotions.v1 row (sync.promotions_file.PromotionRow)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin, ReplicatedMixin
from pos_app.persistence.types import Cents, ExactDecimal


class Promotion(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "promotions"

    store_id: Mapped[uuid.UUID | None]  # None: every store of the tenant
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(80))
    promo_type: Mapped[str] = mapped_column(String(20))
    priority: Mapped[int] = mapped_column(default=0)
    stackable: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    definition: Mapped[dict[str, Any]]


class DiscountCode(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "discount_codes"

    store_id: Mapped[uuid.UUID | None]
    code: Mapped[str] = mapped_column(String(40), index=True)
    description: Mapped[str | None] = mapped_column(String(300))  # the name customers see
    discount_type: Mapped[str] = mapped_column(String(12))  # percentage, fixed
    discount_value: Mapped[Decimal] = mapped_column(ExactDecimal())
    minimum_purchase: Mapped[Decimal | None] = mapped_column(Cents())
    usage_limit: Mapped[int | None]
    usage_count: Mapped[int] = mapped_column(default=0)  # as the hub counted when it last fed the row
    valid_from: Mapped[datetime | None]  # UTC
    valid_until: Mapped[datetime | None]
    is_active: Mapped[bool] = mapped_column(default=True)
    number: Mapped[int | None]
    priority: Mapped[int] = mapped_column(default=0)
    stackable: Mapped[bool] = mapped_column(default=True)
