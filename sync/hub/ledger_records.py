"""Reading the inventory ledger for what a mutation needs to know, and opening it on a seeded hub.

Writes that move stock go through `sync.hub.inventory`; these only read the ledger or add its opening rows.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hub.inventory import Delta
from sync.hub.models import BatchTracking, OcsInventory, OcsInventoryTransaction


def adjustment_recorded(session: Session, adjustment_id: uuid.UUID) -> bool:
    """True when the ledger holds a row of this adjustment already (a resend, or an id used twice)."""
    return session.scalar(select(OcsInventoryTransaction.id).where(
        OcsInventoryTransaction.reference_id == adjustment_id).limit(1)) is not None


def sale_reversal(session: Session, order_id: uuid.UUID, reason: str) -> list[Delta]:
    """The deltas that put back what an order's sale took out of stock, line by line and lot by lot."""
    sold = session.scalars(select(OcsInventoryTransaction).where(
        OcsInventoryTransaction.reference_id == order_id, OcsInventoryTransaction.transaction_type == "sale"))
    return [Delta(t.sku, t.batch_lot, -t.quantity, t.line_id, reason) for t in sold]


def open_ledger(session: Session) -> None:
    """Opening balances per lot, and per SKU for stock no lot accounts for, so on-hand is the ledger's sum.

    For a hub whose levels and lots were written directly (the demo seed): the ledger then agrees with them.
    """
    lots: dict[tuple, int] = {}
    for lot in session.scalars(select(BatchTracking)):
        if lot.quantity_remaining:
            session.add(_opening(lot.store_id, lot.sku, lot.batch_lot, lot.quantity_remaining))
        lots[(lot.store_id, lot.sku)] = lots.get((lot.store_id, lot.sku), 0) + lot.quantity_remaining
    for level in session.scalars(select(OcsInventory)):
        rest = level.quantity_on_hand - lots.get((level.store_id, level.sku), 0)
        if rest:
            session.add(_opening(level.store_id, level.sku, None, rest))


def _opening(store_id, sku: str, batch_lot: str | None, quantity: int) -> OcsInventoryTransaction:
    return OcsInventoryTransaction(store_id=store_id, sku=sku, batch_lot=batch_lot, transaction_type="opening",
                                   quantity=quantity, reference_type="opening", reference_id=None)
