"""Staff (``users``, with the PIN hash terminals check offline) and what each role may do."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sync.hub.models.base import HUB_ONLY, Base, IdMixin, ReplicatedMixin


class User(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("tenant_id", "staff_code"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"), index=True)
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


class RolePermission(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "role_permissions"
    __table_args__ = (UniqueConstraint("tenant_id", "role", "permission"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    role: Mapped[str] = mapped_column(String(16))
    permission: Mapped[str] = mapped_column(String(64))
