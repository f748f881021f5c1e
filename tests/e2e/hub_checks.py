"""What the hub holds for the end-to-end checks: a terminal's orders, levels, and the oversell replay."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict

from sqlalchemy import select

from sync.hub.inventory import on_hand
from sync.hub.models import OcsInventoryTransaction, Order, OversellEvent, SyncClient


def terminal_orders(hub, terminal_id: uuid.UUID) -> Counter:
    with hub.db.read() as session:
        return Counter(session.scalars(select(Order.order_number).where(Order.terminal_id == terminal_id)))


def levels(hub, store_id: uuid.UUID, skus) -> dict[str, int]:
    with hub.db.read() as session:
        return {sku: on_hand(session, store_id, sku) for sku in skus}


def client_lmid(hub, client_id: uuid.UUID) -> int:
    with hub.db.read() as session:
        client = session.get(SyncClient, client_id)
        return 0 if client is None else client.last_mutation_id


def expected_oversells(hub, store_id: uuid.UUID, skus) -> set[tuple[str, uuid.UUID]]:
    """Replay the ledger in the order the hub wrote it: a sale after which a SKU stood below zero."""
    with hub.db.read() as session:
        rows = session.execute(select(OcsInventoryTransaction).where(
            OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku.in_(list(skus)))
            .order_by(OcsInventoryTransaction.created_at, OcsInventoryTransaction.id)).scalars().all()
    running: dict[str, int] = defaultdict(int)
    expected = set()
    groups: list[tuple[uuid.UUID | None, list]] = []
    for row in rows:
        if groups and groups[-1][0] == row.reference_id and row.reference_id is not None:
            groups[-1][1].append(row)
        else:
            groups.append((row.reference_id, [row]))
    for reference_id, group in groups:
        for row in group:
            running[row.sku] += row.quantity
        for sku in {row.sku for row in group if row.quantity < 0}:
            if running[sku] < 0:
                expected.add((sku, reference_id))
    return expected


def recorded_oversells(hub, store_id: uuid.UUID, skus) -> set[tuple[str, uuid.UUID]]:
    with hub.db.read() as session:
        return set(session.execute(select(OversellEvent.sku, OversellEvent.reference_id).where(
            OversellEvent.store_id == store_id, OversellEvent.sku.in_(list(skus)))).all())
