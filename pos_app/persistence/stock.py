"""Stock as a till or kiosk should see it (DESIGN §9): available = the hub's pulled on-hand − local deltas the
hub has not counted yet − active reservations (kiosk tickets' stock, `reserved_until` still ahead, not
released). A reservation stops counting when its time passes: nothing has to run to expire it."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, func, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from pos_app.domain.lots import Lot, describe_recall
from pos_app.persistence.models import (
    BatchTracking,
    OcsInventory,
    OcsInventoryReservation,
    OcsInventoryTransaction,
    SyncState,
)
from pos_app.persistence.types import utcnow

# Deltas whose mutation the last caught-up pull's LMID covers are in the pulled levels already. The
# threshold is read by the same statement (no row yet: nothing is pulled, so every delta counts).
_NOT_YET_PULLED = OcsInventoryTransaction.mutation_id > func.coalesce(
    select(SyncState.mutation_id_base + SyncState.pulled_through_mutation_id)
    .where(SyncState.id == 1).scalar_subquery(), 0)


def _sellable_lots_query():
    # Built once with bound parameters: the checkout runs it on every sale.
    store_id, skus = bindparam("store_id"), bindparam("skus", expanding=True)
    pending = (
        select(OcsInventoryTransaction.sku, OcsInventoryTransaction.batch_lot,
               func.sum(OcsInventoryTransaction.quantity).label("delta"))
        .where(OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku.in_(skus),
               OcsInventoryTransaction.batch_lot.is_not(None), _NOT_YET_PULLED)
        .group_by(OcsInventoryTransaction.sku, OcsInventoryTransaction.batch_lot)
        .subquery()
    )
    return (
        select(BatchTracking.sku, BatchTracking.batch_lot, BatchTracking.quantity_remaining,
               func.coalesce(pending.c.delta, 0), BatchTracking.received_date, BatchTracking.expiry_date,
               BatchTracking.is_recalled, BatchTracking.metadata_)
        .outerjoin(pending, (pending.c.sku == BatchTracking.sku) & (pending.c.batch_lot == BatchTracking.batch_lot))
        .where(BatchTracking.store_id == store_id, BatchTracking.sku.in_(skus))
    )


_SELLABLE_LOTS = _sellable_lots_query()


def _adjustments(store_id: uuid.UUID, skus: list[str] | None, now: datetime, except_ticket: uuid.UUID | None):
    """Per SKU, what moves the pulled level: unpulled local deltas, less active reservations. One statement,
    each half on its own index (the ledger's (store, SKU) or, for every SKU, its mutation id; the reservations'
    (store, SKU, status, until))."""
    ledger, held = OcsInventoryTransaction, OcsInventoryReservation
    # Every SKU (kiosk browse): the deltas not pulled yet are the few past the pulled mutation id, read from
    # that index. Left to itself SQLite reads every ledger row of the store by (store, SKU), 140 ms for 100,000
    # lines of history; "+store_id" (SQLite's way) keeps it off that index.
    store = ledger.store_id if skus is not None else UnaryExpression(ledger.store_id, operator=custom_op("+"),
                                                                     type_=ledger.store_id.type)
    deltas = select(ledger.sku.label("sku"), ledger.quantity.label("delta")).where(store == store_id,
                                                                                   _NOT_YET_PULLED)
    reserved = select(held.sku, -held.quantity).where(
        held.store_id == store_id, held.status == "active", held.reserved_until > now)
    if except_ticket is not None:  # a ticket being rung up may take the stock held for it
        reserved = reserved.where(held.ticket_id.is_distinct_from(except_ticket))
    if skus is not None:
        deltas, reserved = deltas.where(ledger.sku.in_(skus)), reserved.where(held.sku.in_(skus))
    moves = union_all(deltas, reserved).subquery()
    return select(moves.c.sku, func.sum(moves.c.delta).label("delta")).group_by(moves.c.sku)


def stock_adjustments(store_id: uuid.UUID, now=None):
    """The same adjustments as a subquery (`sku`, `delta`) to join to levels in a larger query (kiosk browse).
    ``now`` may be a bound parameter, for a statement built once and run at different times."""
    return _adjustments(store_id, None, utcnow() if now is None else now, None).subquery("adjustments")


def available_on_hand(session: Session, store_id: uuid.UUID, skus: Iterable[str] | None = None, *,
                      now: datetime | None = None, except_ticket: uuid.UUID | None = None) -> dict[str, int]:
    """Available as this till should count it: the pulled level, plus local deltas the hub has not counted,
    less active reservations (but those of `except_ticket`)."""
    skus = None if skus is None else list(skus)
    query = select(OcsInventory.sku, OcsInventory.quantity_on_hand).where(OcsInventory.store_id == store_id)
    if skus is not None:
        query = query.where(OcsInventory.sku.in_(skus))
    levels = {sku: int(quantity) for sku, quantity in session.execute(query)}
    for sku, delta in session.execute(_adjustments(store_id, skus, now or utcnow(), except_ticket)):
        levels[sku] = levels.get(sku, 0) + int(delta)
    return levels


def sellable_lots(session: Session, store_id: uuid.UUID, skus: Iterable[str]) -> dict[str, list[Lot]]:
    """Every lot of these SKUs with its pulled quantity less the local deltas not counted yet, in one query."""
    skus = list(skus)
    if not skus:
        return {}
    rows = session.execute(_SELLABLE_LOTS, {"store_id": store_id, "skus": skus})
    lots: dict[str, list[Lot]] = defaultdict(list)
    for sku, batch_lot, remaining, delta, received, expiry, recalled, metadata in rows:
        recall = describe_recall((metadata or {}).get("recall")) if recalled else None
        lots[sku].append(Lot(batch_lot=batch_lot, sku=sku, quantity_remaining=remaining + int(delta),
                             received_date=received, expiry_date=expiry, recalled=recalled, recall=recall))
    return dict(lots)


def available_stock(session: Session, store_id: uuid.UUID, on_hand: dict[str, int], *,
                    now: datetime | None = None) -> dict[str, int]:
    """Pulled on-hand levels less the local sales, refunds and voids the hub has not counted yet, and less
    active reservations."""
    if not on_hand:
        return {}
    moves = dict(session.execute(_adjustments(store_id, list(on_hand), now or utcnow(), None)).all())
    return {sku: level + int(moves.get(sku) or 0) for sku, level in on_hand.items()}


def on_hand_levels(session: Session, store_id: uuid.UUID, skus: Iterable[str], *,
                   except_ticket: uuid.UUID | None = None) -> dict[str, int]:
    """What the stock check as an item goes into the cart counts for the SKUs given: the available rule above
    (a kiosk ticket's sale may take the stock held for that ticket)."""
    skus = list(skus)
    return available_on_hand(session, store_id, skus, except_ticket=except_ticket) if skus else {}
