"""Closed shifts, age checks and the audit trail: records the hub keeps as terminals made them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.column_types import cents_to_dollars
from sync.hub.audit_chain import CHAINED_FIELDS, GENESIS_HASH, entry_hash
from sync.hub.batch_rows import insert_new
from sync.hub.handlers.base import Context, MutationArgs, Rejection, parse_args, require_own_store
from sync.hub.models import AgeVerificationLog, AuditLog, CashSession


def _dollars(cents: int | None):
    return None if cents is None else cents_to_dollars(cents)


class ShiftClosed(MutationArgs):
    cash_session_id: uuid.UUID
    store_id: uuid.UUID | None = None
    terminal_no: int | None = None
    opened_by: uuid.UUID | None = None
    opened_at: datetime | None = None
    opening_float_cents: int = 0
    opening_counts: dict[str, Any] = {}
    closed_by: uuid.UUID
    closed_at: datetime
    expected_cash_cents: int | None = None
    counted_cash_cents: int | None = None
    variance_cents: int | None = None
    closing_counts: dict[str, Any] = {}
    variance_approved_by: uuid.UUID | None = None


def shift_closed(session: Session, ctx: Context, raw: dict) -> None:
    args = parse_args(ShiftClosed, raw)
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


class AgeVerificationLogged(MutationArgs):
    id: uuid.UUID
    store_id: uuid.UUID | None = None
    sale_id: uuid.UUID | None = None
    staff_id: uuid.UUID | None = None
    method: str
    result: str
    customer_age: int | None = None
    min_age: int
    jurisdiction: str | None = None
    id_number_hash: str | None = None
    failure_reason: str | None = None
    created_at: datetime | None = None


def age_verification_logged(session: Session, ctx: Context, raw: dict) -> None:
    args = parse_args(AgeVerificationLogged, raw)
    require_own_store(ctx, args.store_id)
    values = args.model_dump(exclude={"store_id", "created_at"})
    values["store_id"] = ctx.store_id
    if args.created_at:
        values["created_at"] = args.created_at
    if not insert_new(session, AgeVerificationLog, values):
        raise Rejection("duplicate_record", "This age check is already on the hub.")


class AuditLogged(MutationArgs):
    id: uuid.UUID
    seq: int
    store_id: uuid.UUID | None = None
    staff_id: uuid.UUID | None = None
    approved_by: uuid.UUID | None = None
    action: str
    entity_type: str | None = None
    entity_id: str | None = None
    details: dict[str, Any] = {}
    created_at: str
    prev_hash: str
    entry_hash: str


def audit_logged(session: Session, ctx: Context, raw: dict) -> None:
    args = parse_args(AuditLogged, raw)
    require_own_store(ctx, args.store_id)
    # The terminal hashed these fields in this exact form (ids and times as the strings it sent).
    fields = {key: raw.get(key) for key in CHAINED_FIELDS}
    recomputed = entry_hash(args.prev_hash, fields)
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
