"""Kiosk tickets, their lines, the stock they soft-reserve, and claims that came second."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sync.column_types import utcnow
from sync.hub.models.base import Base, IdMixin, ReplicatedMixin


class KioskTicket(IdMixin, ReplicatedMixin, Base):
    """A cart a kiosk sent to the counter: open, then claimed by one register, then completed or abandoned."""

    __tablename__ = "kiosk_tickets"
    __table_args__ = (Index("ix_kiosk_tickets_store_status", "store_id", "status"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    number: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open, claimed, completed, abandoned
    kiosk_terminal_id: Mapped[uuid.UUID | None]
    ticket_created_at: Mapped[datetime]  # the kiosk's clock, as the QR code carries it
    claimed_by_terminal_id: Mapped[uuid.UUID | None]
    claimed_by: Mapped[uuid.UUID | None]  # staff
    claimed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    order_id: Mapped[uuid.UUID | None]
    codes: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")  # entered at the kiosk

    lines: Mapped[list[KioskTicketLine]] = relationship(order_by="KioskTicketLine.line_no", lazy="selectin")


class KioskTicketLine(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "kiosk_ticket_lines"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kiosk_tickets.id"), index=True)
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[int]


class OcsInventoryReservation(IdMixin, ReplicatedMixin, Base):
    """Stock held for a ticket until `reserved_until`; active ones count in `ocs_inventory.quantity_reserved`."""

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


class KioskClaimConflict(IdMixin, Base):
    """A claim or close that lost to the first one: both sales stand (they are facts); the manager sorts it out."""

    __tablename__ = "kiosk_claim_conflicts"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kiosk_tickets.id"), index=True)
    terminal_id: Mapped[uuid.UUID]
    staff_id: Mapped[uuid.UUID | None]
    kind: Mapped[str] = mapped_column(String(10))  # claimed, completed, abandoned: what the late terminal did
    order_id: Mapped[uuid.UUID | None]
    first_terminal_id: Mapped[uuid.UUID | None]
    resolved: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
