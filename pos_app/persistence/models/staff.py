"""Staff (``users``) and what each role may do."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin, ReplicatedMixin


class User(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "users"

    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"), index=True)
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


class RolePermission(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "role_permissions"
    __table_args__ = (UniqueConstraint("role", "permission"),)

    role: Mapped[str] = mapped_column(String(16))
    permission: Mapped[str] = mapped_column(String(64))  # e.g. "refund.create", "drawer.no_sale"
