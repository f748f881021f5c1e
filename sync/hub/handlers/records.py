"""Closed shifts, card batch closes, age checks and the audit trail: records the hub keeps as terminals made them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.canonical import GENESIS_HASH, entry_hash
from sync.column_types import cents_to_dollars
from sync.hub.batch_rows import insert_new
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.models import AgeVerificationLog, AuditLog, CardSettlement, CashSession
from sync.mutations import AgeVerificationLoggedV1, AuditLoggedV1, CardSettledV1, ShiftClosedV1


def _dollars(cents: int | None):
    return None if cents is None else cents_to_dollars(cents)


def shift_closed(session: Session, ctx: Context, args: ShiftClosedV1) -> None:
    # The Z report's `totals` stay with the mutation: the hub's own figures come from the orders.
    require_own_store(ctx, args.store_id)
    closed = insert_new(session, CashSession, dict(
        id=args.cash_session_id, store_id=ctx.store_id, terminal_id=ctx.terminal_id, terminal_no=args.terminal_no,
        status="closed", opened_by=args.opened_by, opened_at=args.opened_at,
        opening_float=cents_to_dollars(args.opening_float_cents), opening_counts=args.opening_counts,
        closed_by=args.closed_by, closed_at=args.closed_at, expected_cash=_dollars(args.expected_cash_cents),
        counted_cash=_dollars(args.counted_cash_cents), variance=_dollars(args.variance_cents),
        closing_counts=args.closing_counts, variance_approved_by=args.variance_approved_by,
    ))
    if not closed:
        raise Rejection("shift_already_closed", "This shift was already closed on the hub.")


def card_settled(session: Session, ctx: Context, args: CardSettledV1) -> None:
    # The terminal's own check is kept as it made it: only it knows which approvals it was told of.
    require_own_store(ctx, args.store_id)
    added = insert_new(session, CardSettlement, dict(
        id=args.settlement_id, store_id=ctx.store_id, terminal_id=ctx.terminal_id, terminal_no=args.terminal_no,
        reference=args.reference, batch_number=args.batch_number, settled_by=args.settled_by,
        settled_at=args.settled_at, terminal_sales=cents_to_dollars(args.terminal_sales_cents),
        terminal_refunds=cents_to_dollars(args.terminal_refunds_cents), terminal_count=args.terminal_count,
        pos_sales=cents_to_dollars(args.pos_sales_cents), pos_refunds=cents_to_dollars(args.pos_refunds_cents),
        pos_count=args.pos_count, balanced=not args.mismatches,
        mismatches=[m.model_dump(mode="json") for m in args.mismatches],
    ))
    if not added:
        raise Rejection("duplicate_record", "This card batch close is already on the hub.")


def age_verification_logged(session: Session, ctx: Context, args: AgeVerificationLoggedV1) -> None:
    require_own_store(ctx, args.store_id)
    values = args.model_dump(exclude={"store_id", "created_at"})
    values["store_id"] = ctx.store_id
    values["terminal_id"] = ctx.terminal_id  # which register or kiosk checked; a kiosk's check has no staff_id
    if args.created_at:
        values["created_at"] = args.created_at
    if not insert_new(session, AgeVerificationLog, values):
        raise Rejection("duplicate_record", "This age check is already on the hub.")


def audit_logged(session: Session, ctx: Context, args: AuditLoggedV1) -> None:
    require_own_store(ctx, args.store_id)
    # The terminal hashed these fields in the form they travel (ids and times as the strings it sent).
    recomputed = entry_hash(args.prev_hash, args.chained_fields())
    expected_prev = GENESIS_HASH if args.seq == 1 else _entry_hash(session, ctx.terminal_id, args.seq - 1)
    chain_ok = recomputed == args.entry_hash and (expected_prev is None or expected_prev == args.prev_hash)
    added = insert_new(session, AuditLog, dict(
        id=args.id, terminal_id=ctx.terminal_id, seq=args.seq, store_id=ctx.store_id, staff_id=args.staff_id,
        approved_by=args.approved_by, action=args.action, entity_type=args.entity_type, entity_id=args.entity_id,
        details=args.details, prev_hash=args.prev_hash, entry_hash=args.entry_hash, chain_ok=chain_ok,
        created_at=datetime.fromisoformat(args.created_at),
    ))
    if not added:
        raise Rejection("duplicate_record", "This audit entry is already on the hub.")
    # The next entry of a batch links to this one: remember it rather than read it back.
    session.info.setdefault(_LAST_ENTRY, {})[ctx.terminal_id] = (args.seq, args.entry_hash)


_LAST_ENTRY = "audit_last_entry"


def _entry_hash(session: Session, terminal_id: uuid.UUID, seq: int) -> str | None:
    last = session.info.get(_LAST_ENTRY, {}).get(terminal_id)
    if last is not None and last[0] == seq:
        return last[1]
    return session.scalar(select(AuditLog.entry_hash).where(AuditLog.terminal_id == terminal_id, AuditLog.seq == seq))
