"""Promotions the tenant runs, under the seed's names, and what the orders used of them.

`promotions` holds each promotion with its whole definition (`definition`: the promotions.v1 row, the one the
terminals price with). Its parts are kept apart as the seed has them, for reports and the console: a bundle's
size and price in `bundle_deals`, volume tiers in `price_tiers`, a schedule's windows ("happy hour") in
`pricing_rules`. Discount codes are `discount_codes` (sync.hub.models.catalog). `promotion_usage` and
`discount_usage` are added up from the orders the terminals push; a code used beyond its limit while terminals
were offline is a fact, flagged (`over_limit`) for the manager and never undone.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sync.column_types import Cents, ExactDecimal, utcnow
from sync.hub.models.base import HUB_ONLY, Base, IdMixin, ReplicatedMixin


class Promotion(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "promotions"
    __table_args__ = (UniqueConstraint("tenant_id", "number"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"))  # None: every store
    number: Mapped[int]  # the promotion's id in promotions files; ties go to the lower number
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(String(300), info=HUB_ONLY)
    promo_type: Mapped[str] = mapped_column(String(20))  # percent_off, amount_off, buy_x_get_y, bundle, volume_tiers
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal(), info=HUB_ONLY)  # its percent or amount
    priority: Mapped[int] = mapped_column(default=0)
    stackable: Mapped[bool] = mapped_column(default=False)
    start_date: Mapped[datetime | None] = mapped_column(info=HUB_ONLY)
    end_date: Mapped[datetime | None] = mapped_column(info=HUB_ONLY)
    usage_count: Mapped[int] = mapped_column(default=0, info=HUB_ONLY)  # orders that took it
    is_active: Mapped[bool] = mapped_column(default=True)
    definition: Mapped[dict[str, Any]]  # the promotions.v1 row (sync.promotions_file.PromotionRow)

    bundle: Mapped[BundleDeal | None] = relationship(cascade="all, delete-orphan", lazy="selectin")
    tiers: Mapped[list[PriceTier]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                  order_by="PriceTier.min_quantity")
    rules: Mapped[list[PricingRule]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class BundleDeal(IdMixin, Base):
    __tablename__ = "bundle_deals"

    promotion_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("promotions.id"), unique=True)
    bundle_size: Mapped[int]
    bundle_price: Mapped[Decimal] = mapped_column(Cents())
    mix_and_match: Mapped[bool] = mapped_column(default=True)


class PriceTier(IdMixin, Base):
    __tablename__ = "price_tiers"

    promotion_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("promotions.id"), index=True)
    min_quantity: Mapped[int]
    percent: Mapped[Decimal] = mapped_column(ExactDecimal())


class PricingRule(IdMixin, Base):
    """A scheduled window of a promotion: on these days from `start_time` up to, not including, `end_time`,
    in the store's own time zone."""

    __tablename__ = "pricing_rules"

    promotion_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("promotions.id"), index=True)
    rule_type: Mapped[str] = mapped_column(String(20), default="schedule")
    days: Mapped[list[Any]]
    start_time: Mapped[time]
    end_time: Mapped[time]


class PromotionUsage(IdMixin, Base):
    __tablename__ = "promotion_usage"
    __table_args__ = (UniqueConstraint("order_id", "promotion_number"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    promotion_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("promotions.id"), index=True)
    promotion_number: Mapped[int]
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"))
    amount: Mapped[Decimal] = mapped_column(Cents())
    used_at: Mapped[datetime] = mapped_column(default=utcnow)


class DiscountUsage(IdMixin, Base):
    __tablename__ = "discount_usage"
    __table_args__ = (UniqueConstraint("order_id", "code"),
                      Index("ix_discount_usage_tenant_over_limit", "tenant_id", "over_limit"))

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))
    discount_code_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("discount_codes.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"))
    amount: Mapped[Decimal] = mapped_column(Cents())
    use_number: Mapped[int]  # this use was the code's n-th, as the hub counted them
    usage_limit: Mapped[int | None]  # the limit at the time
    over_limit: Mapped[bool] = mapped_column(default=False)  # flagged for the manager; the sale stands
    used_at: Mapped[datetime] = mapped_column(default=utcnow)
