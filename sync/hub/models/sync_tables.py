"""Terminals, their tokens and sync clients, pushed mutations, and each store's change feed."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import utcnow
from sync.hub.models.base import Base, IdMixin


class Terminal(IdMixin, Base):
    __tablename__ = "terminals"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    paired_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiToken(IdMixin, Base):
    """Only the sha256 of a token is stored; the token itself is shown once."""

    __tablename__ = "api_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # terminal, admin
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"))
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class PairingCode(IdMixin, Base):
    __tablename__ = "pairing_codes"

    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncClient(Base):
    """One terminal database; ``last_mutation_id`` is kept forever (DESIGN §4)."""

    __tablename__ = "sync_clients"

    client_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    terminal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("terminals.id"), index=True)
    last_mutation_id: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_push_at: Mapped[datetime | None]
    # Set when the hub answered 422 (a restored terminal database): the terminal may then take one new client id,
    # which retires this one (`sync.hub.client_ids`).
    restore_answered_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]


class SyncMutation(Base):
    """What happened to each pushed mutation, with its hash, so a resend is recognised; a deferred one keeps its
    args here until the hub can apply them."""

    __tablename__ = "sync_mutations"
    __table_args__ = (Index("ix_sync_mutations_store_status", "store_id", "status"),)  # the health page's lists

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sync_clients.client_id"), primary_key=True)
    mutation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    hash: Mapped[str] = mapped_column(String(64))
    args: Mapped[dict[str, Any]]
    # applied, rejected, or deferred: a name this hub does not know yet, applied once it does (sync.hub.deferred)
    status: Mapped[str] = mapped_column(String(16), index=True)
    code: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(String(500))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A rejected one a manager has looked at (sync.hub.sync_health): hidden from the health page by default.
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[uuid.UUID | None]  # the console user; empty when acknowledged through the admin API


class StoreFeed(Base):
    """The store's version counter. Writers row-lock it until commit, so versions commit in order."""

    __tablename__ = "store_feeds"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    # A new epoch invalidates every cursor handed out before (a restored or rebuilt hub database).
    epoch: Mapped[str] = mapped_column(String(12))
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    compacted_through: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncChange(Base):
    """The latest change of one entity in one store's feed; a delete stays as a tombstone until compacted."""

    __tablename__ = "sync_changes"
    __table_args__ = (Index("ix_sync_changes_feed_order", "store_id", "version", "entity", "entity_id"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(30), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    op: Mapped[str] = mapped_column(String(6))  # put, delete
    data: Mapped[dict[str, Any] | None]
