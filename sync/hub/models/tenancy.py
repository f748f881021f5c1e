"""Tenants, provinces and their tax rates, and stores."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import ExactDecimal
from sync.hub.models.base import HUB_ONLY, Base, IdMixin, ReplicatedMixin
from sync.hub.secret_box import SealedSecret


class Tenant(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "tenants"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    currency: Mapped[str] = mapped_column(String(3), default="CAD")
    # Staff PIN hashes are peppered with this; a terminal gets it at pairing and keeps it in its keyring,
    # so it never travels in the change feed or sits in a terminal's database next to the hashes. Sealed with
    # the hub's secret key (`sync.hub.secret_box`): the hub's database alone does not reveal it. Deferred: loaded
    # (and unsealed) only when read, not with every tenant a request touches.
    pin_pepper: Mapped[str | None] = mapped_column(SealedSecret(), info=HUB_ONLY, deferred=True)


class ProvinceTerritory(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "provinces_territories"

    code: Mapped[str] = mapped_column(String(2), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    min_age: Mapped[int] = mapped_column(default=19)


class TaxRate(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "tax_rates"

    province_territory_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("provinces_territories.id"), index=True)
    tax_type: Mapped[str] = mapped_column(String(8))
    rate: Mapped[Decimal] = mapped_column(ExactDecimal())
    effective_from: Mapped[date]
    effective_to: Mapped[date | None]
    is_active: Mapped[bool] = mapped_column(default=True)


class Store(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "stores"
    __table_args__ = (UniqueConstraint("store_code"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    province_territory_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("provinces_territories.id"))
    store_code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    street: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    hours: Mapped[dict[str, Any]] = mapped_column(default=dict)
    timezone: Mapped[str] = mapped_column(String(64), default="America/Toronto")
    license_number: Mapped[str | None] = mapped_column(String(40))
    license_expiry: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="active")  # active, inactive
    kiosk_enabled: Mapped[bool] = mapped_column(default=True)
    pos_enabled: Mapped[bool] = mapped_column(default=True)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Signs the store's kiosk tickets (their QR codes): terminals get it when they pair and keep it in their
    # keyring, so a register checks a ticket offline. Never in the change feed. Sealed and deferred, as the pepper:
    # a push loads its store many times, and unsealing each time read the key file again.
    kiosk_ticket_key: Mapped[str | None] = mapped_column(SealedSecret(), info=HUB_ONLY, deferred=True)
