"""Staff (``users``) and what each role may do."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin, ReplicatedMixin
from pos_app.persistence.types import ExactDecimal


class User(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "users"

    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"), index=True)
    # Several chosen stores (store_id empty then); neither: every store (sync.staff_rules). A staff member taken
    # off this store keeps a row here that says so, and signs in here no more.
    store_ids: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    staff_code: Mapped[str] = mapped_column(String(16), unique=True)
    email: Mapped[str] = mapped_column(String(120))
    first_name: Mapped[str | None] = mapped_column(String(80))
    last_name: Mapped[str | None] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))  # cashier, manager, admin
    # argon2 hash of PIN + per-terminal pepper; never the PIN itself
    pin_hash: Mapped[str] = mapped_column(String(255))
    # Set by a manager from the console: the register asks for a new PIN at the next sign-in.
    pin_temporary: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    failed_login_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    # The hub's count of manager unlocks; the feed's merge keeps the stricter lock unless this goes up.
    unlocks: Mapped[int] = mapped_column(default=0, server_default="0")
    last_login: Mapped[datetime | None]
    # Their own discount limit in percent, set on the hub; empty: their role's (pos_app.domain.staff).
    discount_cap_percent: Mapped[Decimal | None] = mapped_column(ExactDecimal())


class RolePermission(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "role_permissions"
    __table_args__ = (UniqueConstraint("role", "permission"),)

    role: Mapped[str] = mapped_column(String(16))
    permission: Mapped[str] = mapped_column(String(64))  # e.g. "refund.create", "drawer.no_sale"
