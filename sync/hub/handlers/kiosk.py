"""Kiosk tickets and their reservations: the first claim wins, a later claim or close is kept and flagged.

Every handler puts the ticket (or reservation) it touched back in the feed, even when nothing changed, so a
terminal that wrote its own view of the row first gets the hub's answer and drops its own.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.feed.record import record_put
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.models import KioskClaimConflict, KioskTicket, KioskTicketLine, OcsInventoryReservation
from sync.hub.reservations import expire_due, release_for_ticket, release_ids, reserve
from sync.mutations import (
    KioskTicketClaimedV1,
    KioskTicketClosedV1,
    KioskTicketCreatedV1,
    StockReleasedV1,
    StockReservedV1,
    TicketLine,
)

CLOSED = ("completed", "abandoned")


def _locked_ticket(session: Session, ctx: Context, ticket_id: uuid.UUID) -> KioskTicket | None:
    """The ticket, row-locked until commit: two registers' claims read and write it one after the other."""
    ticket = session.scalar(select(KioskTicket).where(KioskTicket.id == ticket_id).with_for_update()
                            .execution_options(populate_existing=True))
    if ticket is not None and ticket.store_id != ctx.store_id:
        raise Rejection("wrong_store", "That kiosk ticket belongs to another store.")
    return ticket


def _new_ticket(session: Session, ctx: Context, ticket_id: uuid.UUID, number: str, lines: list[TicketLine],
                created_at: datetime) -> KioskTicket:
    ticket = KioskTicket(id=ticket_id, store_id=ctx.store_id, number=number, status="open",
                         ticket_created_at=created_at)
    ticket.lines = [KioskTicketLine(line_no=n, sku=line.sku, quantity=line.quantity)
                    for n, line in enumerate(lines, start=1)]
    session.add(ticket)
    session.flush()
    return ticket


def _flag(session: Session, ctx: Context, ticket: KioskTicket, kind: str, staff_id: uuid.UUID | None,
          order_id: uuid.UUID | None = None) -> None:
    session.add(KioskClaimConflict(store_id=ctx.store_id, ticket_id=ticket.id, terminal_id=ctx.terminal_id,
                                   staff_id=staff_id, kind=kind, order_id=order_id,
                                   first_terminal_id=ticket.claimed_by_terminal_id))


def ticket_created(session: Session, ctx: Context, args: KioskTicketCreatedV1) -> None:
    require_own_store(ctx, args.store_id)
    ticket = _locked_ticket(session, ctx, args.ticket_id)
    if ticket is None:
        ticket = _new_ticket(session, ctx, args.ticket_id, args.number, args.lines, args.created_at)
    # else a register's claim from the QR code got here first, with the same cart (its claim has no codes)
    ticket.kiosk_terminal_id = ctx.terminal_id
    ticket.codes = list(args.codes)
    record_put(session, ticket)


def ticket_claimed(session: Session, ctx: Context, args: KioskTicketClaimedV1) -> None:
    require_own_store(ctx, args.store_id)
    ticket = _locked_ticket(session, ctx, args.ticket_id)
    if ticket is None:  # claimed from the QR code before the kiosk's ticket reached the hub
        ticket = _new_ticket(session, ctx, args.ticket_id, args.number, args.lines, args.created_at)
    if ticket.status == "open":
        ticket.status, ticket.claimed_at = "claimed", args.claimed_at
        ticket.claimed_by_terminal_id, ticket.claimed_by = ctx.terminal_id, args.staff_id
    elif ticket.claimed_by_terminal_id != ctx.terminal_id:
        _flag(session, ctx, ticket, "claimed", args.staff_id)
    record_put(session, ticket)


def ticket_closed(session: Session, ctx: Context, args: KioskTicketClosedV1) -> None:
    require_own_store(ctx, args.store_id)
    if args.outcome == "completed" and args.order_id is None:
        raise Rejection("invalid_args", "A completed kiosk ticket needs the order that completed it.")
    ticket = _locked_ticket(session, ctx, args.ticket_id)
    if ticket is None:
        raise Rejection("unknown_ticket", "The hub has no such kiosk ticket; it was never sent or claimed.")
    repeated = ticket.status == args.outcome and ticket.order_id == args.order_id
    if ticket.status in CLOSED and not repeated:
        _flag(session, ctx, ticket, args.outcome, args.staff_id, args.order_id)  # closed twice: both stand
    elif ticket.status not in CLOSED:
        if ticket.claimed_by_terminal_id not in (None, ctx.terminal_id):
            _flag(session, ctx, ticket, args.outcome, args.staff_id, args.order_id)  # another register claimed it
        ticket.status, ticket.closed_at, ticket.order_id = args.outcome, args.closed_at, args.order_id
        release_for_ticket(session, ctx.store_id, ticket.id, when=args.closed_at)
    record_put(session, ticket)


def stock_reserved(session: Session, ctx: Context, args: StockReservedV1) -> None:
    require_own_store(ctx, args.store_id)
    now = utcnow()
    expire_due(session, ctx.store_id, now)  # no job needed: each new reservation retires the stale ones
    ticket = None if args.ticket_id is None else session.get(KioskTicket, args.ticket_id)
    closed = ticket is not None and ticket.status in CLOSED
    if session.scalar(select(OcsInventoryReservation.id).where(
            OcsInventoryReservation.id.in_([r.reservation_id for r in args.reservations])).limit(1)):
        raise Rejection("duplicate_reservation", "These reservations are already on the hub.")
    # Arriving late (a kiosk that was offline), a reservation may be over already: kept, holding nothing.
    status, released_at = ("released", ticket.closed_at) if closed else (
        ("expired", now) if args.reserved_until <= now else ("active", None))
    reserve(session, ctx.store_id, [OcsInventoryReservation(
        id=r.reservation_id, store_id=ctx.store_id, sku=r.sku, ticket_id=args.ticket_id, quantity=r.quantity,
        cart_session_id=None if args.ticket_id is None else str(args.ticket_id), reserved_at=args.reserved_at,
        reserved_until=args.reserved_until, status=status, released_at=released_at,
    ) for r in args.reservations])


def stock_released(session: Session, ctx: Context, args: StockReleasedV1) -> None:
    require_own_store(ctx, args.store_id)
    release_ids(session, ctx.store_id, args.reservation_ids,
                status="expired" if args.reason == "expired" else "released", when=args.released_at)
