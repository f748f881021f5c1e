"""One transaction per push batch: what a quick run gathers, and what the careful run does on a clash."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from sync.hub.inventory import on_hand
from sync.hub.models import BatchTracking, OcsInventory, Order, OversellEvent, SyncChange
from tests.sync.hub.helpers import mutation, push, sale_args


def _level_and_lot(db, terminal) -> tuple[int, int, int]:
    with db.read() as session:
        level = session.scalar(select(OcsInventory.quantity_on_hand).where(
            OcsInventory.store_id == terminal.store_id, OcsInventory.sku == "SKU-1"))
        lot = session.scalar(select(BatchTracking.quantity_remaining).where(
            BatchTracking.store_id == terminal.store_id, BatchTracking.batch_lot == "LOT-1"))
        return level, lot, on_hand(session, terminal.store_id, "SKU-1")


def test_a_clash_in_the_middle_of_a_batch_rejects_that_mutation_only(client, world, hub_app):
    terminal = world.terminals["A1"]
    first = sale_args(terminal)
    same_number = sale_args(terminal)
    same_number["order_number"] = first["order_number"]
    ids = terminal.take_ids(4)
    batch = [mutation(ids[0], "order.completed.v1", first),
             mutation(ids[1], "order.completed.v1", sale_args(terminal)),
             mutation(ids[2], "order.completed.v1", same_number),
             mutation(ids[3], "order.completed.v1", {**first, "order_number": "other-number"})]
    response = push(client, terminal, batch)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected", "rejected"]
    assert [r["code"] for r in results[2:]] == ["duplicate_order_number", "duplicate_order"]
    assert response.json()["last_mutation_id"] == ids[3]
    db = hub_app.state.db
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Order).where(
            Order.store_id == terminal.store_id)) == 2
    # Only the two applied sales moved stock, and the level and the lot still equal the ledger.
    assert _level_and_lot(db, terminal) == (3, 3, 3)


def test_each_sale_of_a_batch_that_goes_below_zero_raises_its_own_oversell(client, world, hub_app):
    terminal = world.terminals["A1"]
    orders = [sale_args(terminal, quantity=2) for _ in range(4)]  # 5 on hand: 3, 1, -1, -3
    response = push(client, terminal, [mutation(i, "order.completed.v1", args)
                                       for i, args in zip(terminal.take_ids(4), orders, strict=True)])
    assert [r["status"] for r in response.json()["results"]] == ["applied"] * 4
    db = hub_app.state.db
    assert _level_and_lot(db, terminal) == (-3, -3, -3)
    with db.read() as session:
        events = session.execute(select(OversellEvent.reference_id, OversellEvent.quantity_on_hand).where(
            OversellEvent.store_id == terminal.store_id)).all()
    assert sorted(events, key=lambda e: -e[1]) == [(uuid.UUID(orders[2]["order_id"]), -1),
                                                    (uuid.UUID(orders[3]["order_id"]), -3)]


def test_a_batch_feeds_each_level_once_with_its_final_value(client, world, hub_app):
    terminal = world.terminals["A1"]
    response = push(client, terminal, [mutation(i, "order.completed.v1", sale_args(terminal))
                                       for i in terminal.take_ids(3)])
    assert response.status_code == 200
    with hub_app.state.db.read() as session:
        change = session.scalar(select(SyncChange).where(
            SyncChange.store_id == terminal.store_id, SyncChange.entity == "inventory_level"))
        level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == terminal.store_id))
    assert change.data["quantity_on_hand"] == 2 == level.quantity_on_hand
    assert change.data["version"] == change.version == level.version


def test_a_count_in_a_batch_sees_the_sales_before_it(client, world, hub_app):
    terminal = world.terminals["A1"]
    ids = terminal.take_ids(3)
    count = {"adjustment_id": str(uuid.uuid4()), "sku": "SKU-1", "counted_quantity": 10, "reason": "count"}
    batch = [mutation(ids[0], "order.completed.v1", sale_args(terminal)),
             mutation(ids[1], "inventory.adjusted.v1", count),
             mutation(ids[2], "order.completed.v1", sale_args(terminal))]
    assert [r["status"] for r in push(client, terminal, batch).json()["results"]] == ["applied"] * 3
    level, _lot, ledger = _level_and_lot(hub_app.state.db, terminal)
    assert level == ledger == 9
