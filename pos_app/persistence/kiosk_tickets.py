"""Kiosk tickets and their reservations in the replica: the hub's copies, and the ones this terminal writes.

A row written here carries ``version = -(the outbox mutation id that tells the hub)`` (see replica.py), so an
older copy pulled from the hub never overwrites it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos_app.domain.kiosk_ticket import TicketCart, TicketLine
from pos_app.persistence.models import KioskTicket, KioskTicketLine, OcsInventoryReservation


def local_version(mutation_id: int) -> int:
    """The version of a row changed here until the hub has applied `mutation_id`."""
    return -mutation_id


def add_ticket(session: Session, cart: TicketCart, *, status: str, version: int,
               kiosk_terminal_id: uuid.UUID | None = None) -> KioskTicket:
    ticket = KioskTicket(id=cart.ticket_id, store_id=cart.store_id, number=cart.number, status=status,
                         kiosk_terminal_id=kiosk_terminal_id, ticket_created_at=cart.created_at, version=version,
                         codes=list(cart.codes))
    session.add(ticket)
    session.add_all(KioskTicketLine(ticket_id=cart.ticket_id, line_no=n, sku=line.sku, quantity=line.quantity,
                                    version=version) for n, line in enumerate(cart.lines, start=1))
    session.flush()
    return ticket


def add_reservations(session: Session, cart: TicketCart, ids: list[uuid.UUID], *, until: datetime,
                     version: int) -> None:
    session.add_all(OcsInventoryReservation(
        id=rid, store_id=cart.store_id, sku=line.sku, ticket_id=cart.ticket_id, cart_session_id=str(cart.ticket_id),
        quantity=line.quantity, reserved_at=cart.created_at, reserved_until=until, status="active", version=version,
    ) for rid, line in zip(ids, cart.lines, strict=True))
    session.flush()


def active_reservations(session: Session, ticket_id: uuid.UUID) -> list[uuid.UUID]:
    held = OcsInventoryReservation
    return list(session.scalars(select(held.id).where(held.ticket_id == ticket_id, held.status == "active")))


def release_reservations(session: Session, ids: list[uuid.UUID], *, when: datetime, version: int) -> None:
    held = OcsInventoryReservation
    session.execute(update(held).where(held.id.in_(ids)).values(status="released", released_at=when,
                                                                 version=version))


def ticket(session: Session, ticket_id: uuid.UUID) -> KioskTicket | None:
    return session.get(KioskTicket, ticket_id)


def cart_of(session: Session, row: KioskTicket) -> TicketCart:
    lines = session.execute(select(KioskTicketLine.sku, KioskTicketLine.quantity)
                            .where(KioskTicketLine.ticket_id == row.id).order_by(KioskTicketLine.line_no))
    return TicketCart(row.store_id, row.number, row.id, tuple(TicketLine(sku, qty) for sku, qty in lines),
                      row.ticket_created_at, tuple(row.codes or ()))


def open_tickets(session: Session, store_id: uuid.UUID, since: datetime) -> list[KioskTicket]:
    """The store's open tickets made since `since`, oldest first (the customer who waited longest)."""
    return list(session.scalars(select(KioskTicket).where(
        KioskTicket.store_id == store_id, KioskTicket.status == "open", KioskTicket.ticket_created_at >= since)
        .order_by(KioskTicket.ticket_created_at)))


def open_count(session: Session, store_id: uuid.UUID, since: datetime) -> int:
    """How many tickets `open_tickets` would list: one count on the (store, status) index, for a badge."""
    return session.scalar(select(func.count()).select_from(KioskTicket).where(
        KioskTicket.store_id == store_id, KioskTicket.status == "open", KioskTicket.ticket_created_at >= since))


def latest_with_number(session: Session, store_id: uuid.UUID, number: str, since: datetime) -> KioskTicket | None:
    """Numbers come round again: the newest ticket of that number, open ones first."""
    return session.scalar(select(KioskTicket).where(
        KioskTicket.store_id == store_id, KioskTicket.number == number, KioskTicket.ticket_created_at >= since)
        .order_by((KioskTicket.status == "open").desc(), KioskTicket.ticket_created_at.desc()).limit(1))
