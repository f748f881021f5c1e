"""Staff (``users``, with the PIN hash terminals check offline) and what each role may do."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import ExactDecimal
from sync.hub.models.base import HUB_ONLY, Base, IdMixin, ReplicatedMixin
from sync.staff_rules import stores_of, works_in


class User(IdMixin, ReplicatedMixin, Base):
    """Where a staff member works (`sync.staff_rules`): ``store_id`` alone for one store, ``store_ids`` for
    several chosen stores, neither for every store of the tenant."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("tenant_id", "staff_code"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"), index=True)
    store_ids: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    staff_code: Mapped[str] = mapped_column(String(16))
    email: Mapped[str] = mapped_column(String(120))
    first_name: Mapped[str | None] = mapped_column(String(80))
    last_name: Mapped[str | None] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(255))
    # Set by a manager from the console: the register asks for a new PIN at the next sign-in.
    pin_temporary: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    failed_login_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    # Manager unlocks so far: a terminal lowers its failure count or lifts a lock only from a row with more.
    unlocks: Mapped[int] = mapped_column(default=0, server_default="0")
    last_login: Mapped[datetime | None]
    # The most this staff member may discount, in percent; empty: their role's limit (pos_app.domain.staff).
    discount_cap_percent: Mapped[Decimal | None] = mapped_column(ExactDecimal())

    def stores(self) -> frozenset[uuid.UUID] | None:
        """The stores they work in; None for every store of the tenant."""
        return stores_of(self.store_id, self.store_ids)

    def works_in(self, store_id: uuid.UUID) -> bool:
        return works_in(store_id, self.store_id, self.store_ids)


class RolePermission(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "role_permissions"
    __table_args__ = (UniqueConstraint("tenant_id", "role", "permission"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    role: Mapped[str] = mapped_column(String(16))
    permission: Mapped[str] = mapped_column(String(64))
