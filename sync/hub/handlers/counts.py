"""`inventory.counted.v1`: an approved count becomes adjustments with the reason `count`.

Each line is measured against the hub's own ledger: what it held of the SKU (or lot) when the count started,
plus what moved since (sales rung up while the shelf was being counted, other terminals' included). The delta
is what makes the stock the count, so those sales are neither lost nor taken for shrinkage. Two counts of one
SKU whose counting overlapped are both kept: the one approved last stands, and the pair is listed as a conflict.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.batch_rows import add_rows, write_gathered
from sync.hub.feed.record import lock_store
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import CountConflict, InventoryCount, InventoryCountLine, OcsInventoryTransaction
from sync.hub.store_time import terminal_clock_time
from sync.mutations import CountedLine, InventoryCountedV1
from sync.mutations.reasons import AdjustmentReason

_CHUNK = 5_000  # SKUs per IN list: PostgreSQL takes at most 65,535 parameters in one statement
Key = tuple[str, str | None]


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _ledger_as_of(session: Session, store_id: uuid.UUID, skus: list[str],
                  started_at: datetime) -> dict[Key, tuple[int, int]]:
    """Per (SKU, lot), and per (SKU, None) for the SKU as a whole: (held at the start, moved since)."""
    ledger = OcsInventoryTransaction
    before = func.sum(case((ledger.created_at <= started_at, ledger.quantity), else_=0))
    after = func.sum(case((ledger.created_at > started_at, ledger.quantity), else_=0))
    sums: dict[Key, tuple[int, int]] = {}
    for chunk in _chunks(skus):
        rows = session.execute(select(ledger.sku, ledger.batch_lot, before, after).where(
            ledger.store_id == store_id, ledger.sku.in_(chunk)).group_by(ledger.sku, ledger.batch_lot))
        for sku, lot, held, moved in rows:
            held, moved = int(held or 0), int(moved or 0)
            if lot is not None:
                sums[(sku, lot)] = (held, moved)
            whole = sums.get((sku, None), (0, 0))
            sums[(sku, None)] = (whole[0] + held, whole[1] + moved)
    return sums


def _rivals(session: Session, store_id: uuid.UUID, skus: list[str],
            args: InventoryCountedV1) -> dict[Key, tuple[InventoryCountLine, InventoryCount]]:
    """Standing lines of other counts of these SKUs whose counting overlapped this one's."""
    found: dict[Key, tuple[InventoryCountLine, InventoryCount]] = {}
    for chunk in _chunks(skus):
        rows = session.execute(
            select(InventoryCountLine, InventoryCount)
            .join(InventoryCount, InventoryCount.id == InventoryCountLine.count_id)
            .where(InventoryCountLine.store_id == store_id, InventoryCountLine.sku.in_(chunk),
                   InventoryCountLine.status == "applied", InventoryCount.id != args.count_id,
                   and_(InventoryCount.started_at <= args.approved_at, InventoryCount.approved_at >= args.started_at))
            .order_by(InventoryCount.approved_at))
        for line, count in rows:
            found[(line.sku, line.batch_lot)] = (line, count)  # the latest approval last
    return found


def inventory_counted(session: Session, ctx: Context, args: InventoryCountedV1) -> None:
    require_own_store(ctx, args.store_id)
    if args.approved_at < args.started_at:
        raise Rejection("invalid_args", "A count cannot be approved before it started; check the terminal's clock.")
    keys = [(line.sku, line.batch_lot) for line in args.lines]
    if len(set(keys)) != len(keys):
        raise Rejection("invalid_args", "A count lists the same SKU and lot twice; each must be counted once.")
    write_gathered(session)  # this batch's sales are in the ledger read below
    if session.get(InventoryCount, args.count_id) is not None:
        raise Rejection("duplicate_count", "This stock count was already applied on the hub.")
    lock_store(session, ctx.store_id)  # nobody moves this store's stock between the read and the write
    session.add(InventoryCount(
        id=args.count_id, store_id=ctx.store_id, terminal_id=ctx.terminal_id, scope=args.scope,
        scope_label=args.scope_label, started_at=args.started_at, approved_at=args.approved_at,
        ledger_position=args.ledger_position, counted_by=args.counted_by, approved_by=args.approved_by))
    session.flush()
    skus = sorted({line.sku for line in args.lines})
    ledger = _ledger_as_of(session, ctx.store_id, skus, args.started_at)
    rivals = _rivals(session, ctx.store_id, skus, args)
    lines, deltas, conflicts, overridden = [], [], [], []
    for line in args.lines:
        held, moved = ledger.get((line.sku, line.batch_lot), (0, 0))
        rival = rivals.get((line.sku, line.batch_lot))
        status = "applied"
        if rival is not None and rival[1].approved_at > args.approved_at:
            status = "superseded"  # a count approved later stands; this one is kept for the record
        elif rival is not None:
            overridden.append(rival[0].id)
        delta = 0 if status == "superseded" else line.counted - (held + moved)
        if delta:
            deltas.append(Delta(line.sku, line.batch_lot, delta, None, AdjustmentReason.COUNT.value))
        lines.append(_line_row(ctx, args, line, held, moved, delta, status))
        if rival is not None:
            conflicts.append(_conflict_row(ctx, args, line, *rival, this_won=status == "applied"))
    add_rows(session, InventoryCountLine.__table__, lines)
    add_rows(session, CountConflict.__table__, conflicts)
    if overridden:
        session.execute(update(InventoryCountLine).where(InventoryCountLine.id.in_(overridden))
                        .values(status="overridden"))
    apply_deltas(session, ctx.store_id, deltas, transaction_type="adjustment", reference_type="count",
                 reference_id=args.count_id, staff_id=args.approved_by,
                 occurred_at=terminal_clock_time(args.approved_at))


def _line_row(ctx: Context, args: InventoryCountedV1, line: CountedLine, held: int, moved: int, delta: int,
              status: str) -> dict:
    return {"id": uuid.uuid4(), "count_id": args.count_id, "store_id": ctx.store_id, "sku": line.sku,
            "batch_lot": line.batch_lot, "counted": line.counted, "terminal_expected_at_start": line.expected_at_start,
            "expected_at_start": held, "moves_since_start": moved, "delta": delta, "status": status}


def _conflict_row(ctx: Context, args: InventoryCountedV1, line: CountedLine, rival_line: InventoryCountLine,
                  rival: InventoryCount, *, this_won: bool) -> dict:
    this = (args.count_id, ctx.terminal_id, line.counted, args.approved_at)
    other = (rival.id, rival.terminal_id, rival_line.counted, rival.approved_at)
    winner, loser = (this, other) if this_won else (other, this)
    return {"id": uuid.uuid4(), "store_id": ctx.store_id, "sku": line.sku, "batch_lot": line.batch_lot,
            "winner_count_id": winner[0], "winner_terminal_id": winner[1], "winner_counted": winner[2],
            "winner_approved_at": winner[3], "loser_count_id": loser[0], "loser_terminal_id": loser[1],
            "loser_counted": loser[2], "loser_approved_at": loser[3], "resolved": False,
            "created_at": utcnow()}
