"""The managers' web console: its accounts (a password, separate from the register PIN), their stores, signed-in
sessions, one-time set-password links, and the audit trail of what was done from the console and the admin API.

None of it is replicated to terminals; every secret is stored as a hash only.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import utcnow
from sync.hub.models.base import Base, IdMixin

CONSOLE_ROLES = ("owner", "admin", "manager", "cashier")


class ConsoleUser(IdMixin, Base):
    __tablename__ = "console_users"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)  # stored lower-case
    email: Mapped[str] = mapped_column(String(120), index=True)  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))  # owner, admin, manager (their stores), cashier (no console)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConsoleUserStore(Base):
    """The stores a manager may reach; owners and admins reach the whole tenant."""

    __tablename__ = "console_user_stores"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("console_users.id", ondelete="CASCADE"), primary_key=True)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), primary_key=True)


class ConsoleSession(IdMixin, Base):
    __tablename__ = "console_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("console_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class PasswordToken(IdMixin, Base):
    """A one-time link to set a password: single use, expires, only its sha256 kept."""

    __tablename__ = "console_password_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("console_users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class HubAudit(IdMixin, Base):
    """What a person did on the hub (console or admin API): who, in which tenant and store, to what."""

    __tablename__ = "hub_audit"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"), index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("console_users.id"))
    via: Mapped[str] = mapped_column(String(8))  # console, api, cli
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity_type: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CatalogUpload(IdMixin, Base):
    """A catalog CSV uploaded to the console, kept between its preview and "Apply": the file itself, never the
    preview, so what is applied is checked again on the hub. Its id is the unguessable preview token; only the
    tenant's user who uploaded it can apply it, once, before it expires."""

    __tablename__ = "catalog_uploads"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("console_users.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
