"""Stock as a till should see it: the hub's pulled levels minus local deltas the hub has not counted yet."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from pos_app.domain.lots import Lot
from pos_app.persistence.models import BatchTracking, OcsInventory, OcsInventoryTransaction, SyncState

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
               BatchTracking.is_recalled)
        .outerjoin(pending, (pending.c.sku == BatchTracking.sku) & (pending.c.batch_lot == BatchTracking.batch_lot))
        .where(BatchTracking.store_id == store_id, BatchTracking.sku.in_(skus))
    )


_SELLABLE_LOTS = _sellable_lots_query()


def _on_hand_query():
    # One statement for the stock check as an item goes into the cart: the level and its pending deltas,
    # both read by (store_id, sku) indexes.
    store_id, skus = bindparam("store_id"), bindparam("skus", expanding=True)
    pending = (select(func.sum(OcsInventoryTransaction.quantity))
               .where(OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku == OcsInventory.sku,
                      _NOT_YET_PULLED)
               .correlate(OcsInventory).scalar_subquery())
    return (select(OcsInventory.sku, OcsInventory.quantity_on_hand + func.coalesce(pending, 0))
            .where(OcsInventory.store_id == store_id, OcsInventory.sku.in_(skus)))


_ON_HAND = _on_hand_query()


def on_hand_levels(session: Session, store_id: uuid.UUID, skus: Iterable[str]) -> dict[str, int]:
    """On hand per SKU as this till counts it (pulled level plus pending local deltas), in one query."""
    skus = list(skus)
    if not skus:
        return {}
    return {sku: int(level) for sku, level in session.execute(_ON_HAND, {"store_id": store_id, "skus": skus})}


def pending_deltas(session: Session, store_id: uuid.UUID, skus: Iterable[str] | None = None) -> dict[str, int]:
    """Local stock deltas per SKU that the pulled levels do not include yet."""
    query = (select(OcsInventoryTransaction.sku, func.sum(OcsInventoryTransaction.quantity))
             .where(OcsInventoryTransaction.store_id == store_id, _NOT_YET_PULLED)
             .group_by(OcsInventoryTransaction.sku))
    if skus is not None:
        query = query.where(OcsInventoryTransaction.sku.in_(list(skus)))
    return {sku: int(delta) for sku, delta in session.execute(query)}


def available_on_hand(session: Session, store_id: uuid.UUID, skus: Iterable[str] | None = None) -> dict[str, int]:
    """On hand as this till should count it: the hub's pulled level plus local deltas it has not counted."""
    skus = None if skus is None else list(skus)
    query = select(OcsInventory.sku, OcsInventory.quantity_on_hand).where(OcsInventory.store_id == store_id)
    if skus is not None:
        query = query.where(OcsInventory.sku.in_(skus))
    levels = {sku: int(quantity) for sku, quantity in session.execute(query)}
    for sku, delta in pending_deltas(session, store_id, skus).items():
        levels[sku] = levels.get(sku, 0) + delta
    return levels


def sellable_lots(session: Session, store_id: uuid.UUID, skus: Iterable[str]) -> dict[str, list[Lot]]:
    """Every lot of these SKUs with its pulled quantity less the local deltas not counted yet, in one query."""
    skus = list(skus)
    if not skus:
        return {}
    rows = session.execute(_SELLABLE_LOTS, {"store_id": store_id, "skus": skus})
    lots: dict[str, list[Lot]] = defaultdict(list)
    for sku, batch_lot, remaining, delta, received, expiry, recalled in rows:
        lots[sku].append(Lot(batch_lot=batch_lot, sku=sku, quantity_remaining=remaining + int(delta),
                             received_date=received, expiry_date=expiry, recalled=recalled))
    return dict(lots)


def available_stock(session: Session, store_id: uuid.UUID, on_hand: dict[str, int]) -> dict[str, int]:
    """Pulled on-hand levels less the local sales, refunds and voids the hub has not counted yet."""
    if not on_hand:
        return {}
    pending = dict(session.execute(
        select(OcsInventoryTransaction.sku, func.sum(OcsInventoryTransaction.quantity))
        .where(OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku.in_(list(on_hand)),
               _NOT_YET_PULLED)
        .group_by(OcsInventoryTransaction.sku)
    ).all())
    return {sku: level + int(pending.get(sku) or 0) for sku, level in on_hand.items()}
