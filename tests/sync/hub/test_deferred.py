"""A terminal upgraded before its hub loses nothing: names the hub does not know are kept as `deferred`, the LMID
moves past them, and they are applied in order once the hub knows them (`pos-hub db maintain`, or at start)."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sync.hub.cli import main
from sync.hub.handlers import HANDLERS
from sync.hub.handlers.orders import order_completed
from sync.hub.inventory import on_hand
from sync.hub.models import Order, SyncClient, SyncMutation
from sync.mutations import MUTATIONS, OrderCompletedV1
from tests.sync.hub.helpers import mutation, push, sale_args


class OrderCompletedV2(OrderCompletedV1):
    """What a newer terminal might send: a sale with the promotions it applied."""

    promotions: list[str] = []


def _order_completed_v2(session, ctx, args: OrderCompletedV2) -> None:
    order_completed(session, ctx, OrderCompletedV1.model_validate(args.model_dump(exclude={"promotions"})))


@pytest.fixture
def hub_knows_v2(monkeypatch):
    """Upgrade the hub, as far as this test can: `order.completed.v2` gets its model and its handler."""

    def upgrade() -> None:
        monkeypatch.setitem(MUTATIONS, "order.completed.v2", OrderCompletedV2)
        monkeypatch.setitem(HANDLERS, OrderCompletedV2, _order_completed_v2)

    return upgrade


def _v2(terminal, **changes) -> dict:
    return {**sale_args(terminal), "promotions": ["SPRING10"], **changes}


def _status(db, terminal, mutation_id: int) -> tuple[str, str | None]:
    with db.read() as session:
        row = session.get(SyncMutation, (terminal.client_id, mutation_id))
        return row.status, row.code


def _has_order(db, order_id: str) -> bool:
    with db.read() as session:
        return session.get(Order, uuid.UUID(order_id)) is not None


def _on_hand(db, terminal) -> int:
    with db.read() as session:
        return on_hand(session, terminal.store_id, "SKU-1")


def _deferred_listing(client, world, terminal) -> list[dict]:
    response = client.get("/api/v1/sync/deferred", headers=world.admin("A"),
                          params={"store_id": str(terminal.store_id)})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_an_unknown_version_is_deferred_listed_and_applied_by_db_maintain(client, world, hub_app, hub_url,
                                                                          hub_knows_v2, capsys):
    terminal, db = world.terminals["A1"], hub_app.state.db
    ids = terminal.take_ids(2)
    newer = mutation(ids[0], "order.completed.v2", _v2(terminal))
    response = push(client, terminal, [newer, mutation(ids[1], "order.completed.v1", sale_args(terminal))])

    assert response.status_code == 200, response.text
    body = response.json()
    assert [r["status"] for r in body["results"]] == ["deferred", "applied"]
    assert body["last_mutation_id"] == ids[1], "the queue moves on past the deferred mutation"
    assert not _has_order(db, newer["args"]["order_id"]) and _on_hand(db, terminal) == 4
    [listed] = _deferred_listing(client, world, terminal)
    assert (listed["mutation_id"], listed["name"], listed["hash"]) == (ids[0], "order.completed.v2", newer["hash"])
    assert listed["args"] == newer["args"]
    assert client.get("/api/v1/sync/deferred", params={"store_id": str(terminal.store_id)}).status_code == 401
    assert _deferred_listing(client, world, world.terminals["A2"]) == []

    hub_knows_v2()
    assert main(["db", "maintain", "--db", hub_url]) == 0
    assert "applied" in capsys.readouterr().out
    assert _status(db, terminal, ids[0]) == ("applied", None)
    assert _has_order(db, newer["args"]["order_id"]) and _on_hand(db, terminal) == 3
    assert _deferred_listing(client, world, terminal) == []
    # A resend is recognised as before: the same hash, already applied.
    again = push(client, terminal, [newer]).json()["results"]
    assert [(r["status"], r["code"]) for r in again] == [("already_applied", None)]


def test_the_hub_applies_what_it_now_knows_when_it_starts(client, world, hub_app, hub_knows_v2):
    terminal, db = world.terminals["A2"], hub_app.state.db
    [mutation_id] = terminal.take_ids(1)
    newer = mutation(mutation_id, "order.completed.v2", _v2(terminal))
    assert push(client, terminal, [newer]).json()["results"][0]["status"] == "deferred"

    hub_knows_v2()
    with TestClient(hub_app):  # the app's start
        pass
    assert _status(db, terminal, mutation_id) == ("applied", None)
    assert _has_order(db, newer["args"]["order_id"])


def test_deferred_mutations_apply_in_order_and_a_refused_one_is_rejected_with_its_code(
        client, world, hub_app, hub_url, hub_knows_v2):
    terminal, db = world.terminals["B1"], hub_app.state.db
    ids = terminal.take_ids(3)
    batch = [mutation(ids[0], "order.completed.v2", _v2(world.terminals["A1"])),  # another store's sale
             mutation(ids[1], "loyalty.points.v9", {"points": 5}),
             mutation(ids[2], "order.completed.v2", _v2(terminal))]
    assert [r["status"] for r in push(client, terminal, batch).json()["results"]] == ["deferred"] * 3

    hub_knows_v2()
    assert main(["db", "maintain", "--db", hub_url]) == 0
    assert _status(db, terminal, ids[0]) == ("rejected", "wrong_store")
    # The hub still does not know loyalty points, so the sale after it waits rather than jump the queue.
    assert [_status(db, terminal, i)[0] for i in ids[1:]] == ["deferred", "deferred"]
    assert not _has_order(db, batch[2]["args"]["order_id"])
    rejections = client.get("/api/v1/sync/rejections", headers=world.admin("B"),
                            params={"store_id": str(terminal.store_id)}).json()["items"]
    assert [(r["mutation_id"], r["code"]) for r in rejections] == [(ids[0], "wrong_store")]
    with db.read() as session:
        assert session.get(SyncClient, terminal.client_id).last_mutation_id == ids[2]
    other_tenant = client.get("/api/v1/sync/deferred", headers=world.admin("A"),
                              params={"store_id": str(terminal.store_id)})
    assert other_tenant.status_code == 403
    listed = client.get("/api/v1/sync/deferred", headers=world.admin("B"),
                        params={"store_id": str(terminal.store_id)}).json()["items"]
    assert [m["mutation_id"] for m in listed] == ids[1:]


def test_db_maintain_drops_tombstones_older_than_the_versions_it_keeps(world, hub_app, hub_url, capsys):
    from sync.hub.feed import record_delete
    from sync.hub.models import OcsProduct, StoreFeed, SyncChange

    terminal, db = world.terminals["A1"], hub_app.state.db
    with db.write() as session:
        product = session.get(OcsProduct, world.product_ids["A"])
        record_delete(session, product)
    with db.read() as session:
        version = session.get(StoreFeed, terminal.store_id).version
        tombstones = session.scalars(select(SyncChange).where(SyncChange.store_id == terminal.store_id,
                                                              SyncChange.op == "delete")).all()
    assert tombstones
    assert main(["db", "maintain", "--db", hub_url, "--keep-versions", "1000000"]) == 0
    with db.read() as session:
        assert session.get(StoreFeed, terminal.store_id).compacted_through < version
    assert main(["db", "maintain", "--db", hub_url, "--keep-versions", "1"]) == 0
    assert "Feed tombstones removed" in capsys.readouterr().out
    with db.read() as session:
        assert session.get(StoreFeed, terminal.store_id).compacted_through == version - 1
        left = session.scalars(select(SyncChange).where(SyncChange.store_id == terminal.store_id,
                                                        SyncChange.op == "delete")).all()
    assert all(change.version > version - 1 for change in left)


def test_db_maintain_refuses_a_nonsense_count(hub_url, capsys):
    with pytest.raises(SystemExit):
        main(["db", "maintain", "--db", hub_url, "--keep-versions", "0"])
    assert "not a whole number of 1 or more" in capsys.readouterr().err
