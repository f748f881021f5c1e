"""The inventory ledger: deltas per store/SKU/lot, the levels derived from them, and oversell events."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.hub.feed import lock_store, record_put
from sync.hub.handlers.base import Context, MutationArgs, Rejection, parse_args, require_own_store
from sync.hub.models import BatchTracking, OcsInventory, OcsInventoryTransaction, OversellEvent


@dataclass(frozen=True)
class Delta:
    sku: str
    batch_lot: str | None
    quantity: int
    line_id: uuid.UUID | None = None
    reason: str | None = None


def on_hand(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str | None = None) -> int:
    query = select(func.coalesce(func.sum(OcsInventoryTransaction.quantity), 0)).where(
        OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku == sku)
    if batch_lot is not None:
        query = query.where(OcsInventoryTransaction.batch_lot == batch_lot)
    return int(session.scalar(query))


def apply_deltas(
    session: Session, store_id: uuid.UUID, deltas: Iterable[Delta], *, transaction_type: str,
    reference_type: str, reference_id: uuid.UUID | None, staff_id: uuid.UUID | None = None,
    when: datetime | None = None,
) -> list[OversellEvent]:
    """Append the deltas and bring levels up to date; a level below zero is accepted and raises an oversell."""
    lock_store(session, store_id)
    deltas = list(deltas)
    for delta in deltas:
        session.add(OcsInventoryTransaction(
            store_id=store_id, sku=delta.sku, batch_lot=delta.batch_lot, transaction_type=transaction_type,
            quantity=delta.quantity, reference_type=reference_type, reference_id=reference_id,
            line_id=delta.line_id, reason_code=delta.reason, staff_id=staff_id,
        ))
    session.flush()
    oversells = []
    for sku in dict.fromkeys(d.sku for d in deltas):
        level = refresh_level(session, store_id, sku, restocked=when if transaction_type == "receipt" else None)
        sold = any(d.sku == sku and d.quantity < 0 for d in deltas)
        if sold and level.quantity_on_hand < 0:
            event = OversellEvent(store_id=store_id, sku=sku, quantity_on_hand=level.quantity_on_hand,
                                  reference_id=reference_id)
            session.add(event)
            oversells.append(event)
    for sku, lot in dict.fromkeys((d.sku, d.batch_lot) for d in deltas if d.batch_lot):
        refresh_lot(session, store_id, sku, lot)
    return oversells


def refresh_level(session: Session, store_id: uuid.UUID, sku: str, restocked: datetime | None = None) -> OcsInventory:
    level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == store_id, OcsInventory.sku == sku))
    if level is None:
        level = OcsInventory(store_id=store_id, sku=sku)
        session.add(level)
    level.quantity_on_hand = on_hand(session, store_id, sku)
    level.quantity_available = level.quantity_on_hand - (level.quantity_reserved or 0)
    if restocked is not None:
        level.last_restock_date = restocked
    record_put(session, level)
    return level


def refresh_lot(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str) -> None:
    lot = session.scalar(select(BatchTracking).where(
        BatchTracking.store_id == store_id, BatchTracking.sku == sku, BatchTracking.batch_lot == batch_lot))
    if lot is not None:
        lot.quantity_remaining = on_hand(session, store_id, sku, batch_lot)
        record_put(session, lot)


class DeltaArgs(MutationArgs):
    sku: str
    batch_lot: str | None = None
    quantity_delta: int
    line_id: uuid.UUID | None = None
    reason: str | None = None

    def to_delta(self) -> Delta:
        return Delta(self.sku, self.batch_lot, self.quantity_delta, self.line_id, self.reason)


class InventoryAdjusted(MutationArgs):
    adjustment_id: uuid.UUID
    store_id: uuid.UUID | None = None
    sku: str
    batch_lot: str | None = None
    quantity_delta: int | None = None
    counted_quantity: int | None = None  # a count is an assertion; the hub turns it into the delta
    reason: str
    staff_id: uuid.UUID | None = None


def inventory_adjusted(session: Session, ctx: Context, raw: dict) -> None:
    args = parse_args(InventoryAdjusted, raw)
    require_own_store(ctx, args.store_id)
    if not args.reason.strip():
        raise Rejection("reason_required", "A stock adjustment needs a reason code.")
    if (args.quantity_delta is None) == (args.counted_quantity is None):
        raise Rejection("invalid_args", "A stock adjustment needs either quantity_delta or counted_quantity.")
    lock_store(session, ctx.store_id)
    exists = session.scalar(select(OcsInventoryTransaction.id).where(
        OcsInventoryTransaction.reference_id == args.adjustment_id).limit(1))
    if exists is not None:
        raise Rejection("duplicate_adjustment", "This stock adjustment was already recorded.")
    delta = args.quantity_delta
    if delta is None:
        delta = args.counted_quantity - on_hand(session, ctx.store_id, args.sku, args.batch_lot)
    apply_deltas(session, ctx.store_id, [Delta(args.sku, args.batch_lot, delta, None, args.reason)],
                 transaction_type="adjustment", reference_type="adjustment", reference_id=args.adjustment_id,
                 staff_id=args.staff_id)
