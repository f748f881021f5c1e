"""Push (DESIGN §4): exactly-once effects, gaps, reused ids, rejections that never block the queue."""

from __future__ import annotations

from sqlalchemy import func, select

from sync.hub.models import OcsInventory, Order, SyncClient, SyncMutation
from tests.sync.hub.helpers import mutation, push, sale_args, sales


def _lmid(db, terminal) -> int:
    with db.read() as session:
        return session.get(SyncClient, terminal.client_id).last_mutation_id


def _orders(db, terminal) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Order).where(Order.store_id == terminal.store_id))


def _on_hand(db, terminal, sku="SKU-1") -> int:
    with db.read() as session:
        return session.scalar(select(OcsInventory.quantity_on_hand).where(
            OcsInventory.store_id == terminal.store_id, OcsInventory.sku == sku))


def test_the_same_batch_pushed_twice_has_one_effect(client, world, hub_app):
    terminal = world.terminals["A1"]
    batch = sales(terminal, 3)
    first = push(client, terminal, batch)
    assert first.status_code == 200, first.text
    assert [r["status"] for r in first.json()["results"]] == ["applied"] * 3
    again = push(client, terminal, batch)
    assert again.status_code == 200
    assert [r["status"] for r in again.json()["results"]] == ["already_applied"] * 3
    assert again.json()["last_mutation_id"] == 3
    db = hub_app.state.db
    assert _orders(db, terminal) == 3
    assert _on_hand(db, terminal) == 2


def test_a_gap_gives_409_with_the_expected_id(client, world, hub_app):
    terminal = world.terminals["A1"]
    assert push(client, terminal, sales(terminal, 2)).status_code == 200
    skipped = [mutation(5, "order.completed.v1", sale_args(terminal))]
    response = push(client, terminal, skipped)
    assert response.status_code == 409
    assert response.json()["expected_id"] == 3
    assert _lmid(hub_app.state.db, terminal) == 2


def test_an_id_reused_with_another_hash_gives_422(client, world, hub_app):
    terminal = world.terminals["A1"]
    assert push(client, terminal, sales(terminal, 1)).status_code == 200
    reused = [mutation(1, "order.completed.v1", sale_args(terminal))]
    response = push(client, terminal, reused)
    assert response.status_code == 422
    assert "restored or copied" in response.json()["detail"]
    assert _orders(hub_app.state.db, terminal) == 1


def test_a_hash_that_does_not_match_its_args_is_refused_whole(client, world, hub_app):
    terminal = world.terminals["A1"]
    batch = sales(terminal, 2)
    batch[1]["hash"] = "0" * 64
    response = push(client, terminal, batch)
    assert response.status_code == 422
    assert _lmid(hub_app.state.db, terminal) == 0
    assert _orders(hub_app.state.db, terminal) == 0


def test_a_rejection_advances_the_lmid_is_recorded_and_does_not_block(client, world, hub_app):
    terminal = world.terminals["A1"]
    ids = terminal.take_ids(4)
    refund_of_nothing = {"refund_id": "00000000-0000-4000-8000-000000000001",
                         "order_id": "00000000-0000-4000-8000-000000000002", "subtotal_cents": 100,
                         "tax_amount_cents": 13, "total_cents": 113, "method": "cash",
                         "staff_id": str(terminal.staff_id),
                         "lines": [{"line_id": "00000000-0000-4000-8000-000000000003", "sku": "SKU-1", "quantity": 1,
                                    "amount_cents": 100, "total_cents": 113}]}
    batch = [
        mutation(ids[0], "order.completed.v1", sale_args(terminal)),
        mutation(ids[1], "order.refunded.v1", refund_of_nothing),
        mutation(ids[2], "loyalty.points.v9", {"points": 5}),
        mutation(ids[3], "order.completed.v1", sale_args(terminal)),
    ]
    response = push(client, terminal, batch)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "deferred", "applied"]
    assert results[1]["code"] == "unknown_order"
    # A name the hub does not know is kept for a later hub, not refused: no code, a sentence naming it.
    assert results[2]["code"] is None and "loyalty.points.v9" in results[2]["message"]
    assert response.json()["last_mutation_id"] == ids[3]
    db = hub_app.state.db
    with db.read() as session:
        recorded = session.scalars(select(SyncMutation).where(
            SyncMutation.client_id == terminal.client_id, SyncMutation.status.in_(["rejected", "deferred"]))).all()
    assert {(m.mutation_id, m.status, m.code) for m in recorded} == {(ids[1], "rejected", "unknown_order"),
                                                                     (ids[2], "deferred", None)}
    deferred = next(m for m in recorded if m.status == "deferred")
    assert (deferred.args, deferred.hash) == (batch[2]["args"], batch[2]["hash"])
    assert _orders(db, terminal) == 2
    # Resending the batch reports the earlier rejection again, without a second effect.
    again = push(client, terminal, batch).json()["results"]
    assert [r["status"] for r in again] == ["already_applied"] * 4
    assert again[1]["code"] == "unknown_order"


def test_a_rejected_mutation_leaves_no_partial_effect(client, world, hub_app):
    terminal = world.terminals["A1"]
    args = sale_args(terminal)
    args["lines"][0]["quantity"] = "three"
    response = push(client, terminal, [mutation(terminal.take_ids(1)[0], "order.completed.v1", args)])
    assert response.json()["results"][0]["code"] == "invalid_args"
    assert _orders(hub_app.state.db, terminal) == 0
    assert _on_hand(hub_app.state.db, terminal) == 5


def test_a_sale_below_zero_is_accepted_and_raises_an_oversell(client, world, hub_app):
    terminal = world.terminals["A1"]
    response = push(client, terminal, sales(terminal, 1, quantity=7))
    assert response.json()["results"][0]["status"] == "applied"
    assert _on_hand(hub_app.state.db, terminal) == -2
    listing = client.get("/api/v1/inventory/oversells", headers=world.admin("A"),
                         params={"store_id": str(terminal.store_id)})
    assert listing.status_code == 200
    assert [(e["sku"], e["quantity_on_hand"]) for e in listing.json()["items"]] == [("SKU-1", -2)]


def test_mutations_for_another_store_are_rejected(client, world, hub_app):
    terminal = world.terminals["A1"]
    args = sale_args(world.terminals["A2"])
    response = push(client, terminal, [mutation(terminal.take_ids(1)[0], "order.completed.v1", args)])
    assert response.json()["results"][0]["code"] == "wrong_store"
    assert _orders(hub_app.state.db, world.terminals["A2"]) == 0
