"""Reading and bending the hub's database from a test: counts, levels, a restore to an older LMID."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select, update

from sync.hub.inventory import on_hand, refresh_level, refresh_lot
from sync.hub.models import (
    ApiToken,
    OcsInventoryTransaction,
    Order,
    OrderItem,
    OrderItemLot,
    OrderStatusHistory,
    OversellEvent,
    PaymentTransaction,
    SyncClient,
    SyncMutation,
)
from tests.retention import retention_guard_lifted


def order_counts(hub, numbers) -> dict[str, int]:
    with hub.db.read() as session:
        rows = session.execute(select(Order.order_number, func.count()).where(Order.order_number.in_(list(numbers)))
                               .group_by(Order.order_number)).all()
    return dict(rows)


def lmid(hub, client_id: uuid.UUID) -> int:
    with hub.db.read() as session:
        client = session.get(SyncClient, client_id)
        return 0 if client is None else client.last_mutation_id


def hub_on_hand(hub, store_id: uuid.UUID, sku: str) -> int:
    with hub.db.read() as session:
        return on_hand(session, store_id, sku)


def revoke_tokens(hub, terminal_id: uuid.UUID) -> None:
    with hub.db.write() as session:
        session.execute(update(ApiToken).where(ApiToken.terminal_id == terminal_id).values(revoked_at=func.now()))


def restore_to_lmid(hub, client_id: uuid.UUID, keep_through: int) -> None:
    """As if the hub's database came back from a backup taken when this client's LMID was `keep_through`."""
    with hub.db.write() as session:
        later = session.scalars(select(SyncMutation).where(SyncMutation.client_id == client_id,
                                                           SyncMutation.mutation_id > keep_through)).all()
        order_ids = [uuid.UUID(m.args["order_id"]) for m in later if m.name == "order.completed.v1"]
        store_id = session.get(SyncClient, client_id).store_id
        touched = session.execute(select(OcsInventoryTransaction.sku, OcsInventoryTransaction.batch_lot).where(
            OcsInventoryTransaction.reference_id.in_(order_ids))).all()
        items = select(OrderItem.id).where(OrderItem.order_id.in_(order_ids))
        session.execute(delete(OrderItemLot).where(OrderItemLot.order_item_id.in_(items)))
        for model in (OrderItem, OrderStatusHistory, PaymentTransaction):
            session.execute(delete(model).where(model.order_id.in_(order_ids)))
        with retention_guard_lifted(session, "ocs_inventory_transactions"):  # a backup has no later rows at all
            session.execute(delete(OcsInventoryTransaction).where(OcsInventoryTransaction.reference_id.in_(order_ids)))
        session.execute(delete(OversellEvent).where(OversellEvent.reference_id.in_(order_ids)))
        session.execute(delete(Order).where(Order.id.in_(order_ids)))
        session.execute(delete(SyncMutation).where(SyncMutation.client_id == client_id,
                                                   SyncMutation.mutation_id > keep_through))
        session.execute(update(SyncClient).where(SyncClient.client_id == client_id)
                        .values(last_mutation_id=keep_through))
        for sku, lot in set(touched):
            refresh_level(session, store_id, sku)
            if lot:
                refresh_lot(session, store_id, sku, lot)
