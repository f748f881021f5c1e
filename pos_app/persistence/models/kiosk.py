"""Kiosk tickets and the stock they hold, as the hub feeds them, plus those this terminal made or changed.

A row this terminal wrote before the hub confirmed it carries ``version = -(its outbox mutation id)``: the
replica keeps it over the hub's older copy until the hub's answer to that mutation arrives (replica.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin, ReplicatedMixin


class KioskTicket(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "kiosk_tickets"
    __table_args__ = (Index("ix_kiosk_tickets_store_status", "store_id", "status"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    number: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open, claimed, completed, abandoned
    kiosk_terminal_id: Mapped[uuid.UUID | None]
    ticket_created_at: Mapped[datetime]
    claimed_by_terminal_id: Mapped[uuid.UUID | None]
    claimed_by: Mapped[uuid.UUID | None]
    claimed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    order_id: Mapped[uuid.UUID | None]
    codes: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")  # entered at the kiosk


class KioskTicketLine(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "kiosk_ticket_lines"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kiosk_tickets.id"), index=True)
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[int]


class OcsInventoryReservation(IdMixin, ReplicatedMixin, Base):
    """Stock held for a ticket; it counts against available stock while active and before `reserved_until`."""

    __tablename__ = "ocs_inventory_reservations"
    __table_args__ = (Index("ix_ocs_inventory_reservations_active", "store_id", "sku", "status", "reserved_until"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40))
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    order_id: Mapped[uuid.UUID | None]
    cart_session_id: Mapped[str | None] = mapped_column(String(64))
    quantity: Mapped[int]
    reserved_at: Mapped[datetime]
    reserved_until: Mapped[datetime]
    released_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(10), default="active")  # active, released, expired
