"""Bad input gets a 4xx with a plain message, and nothing is half-written."""

from __future__ import annotations

from sqlalchemy import func, select

from sync.hub.models import Order, SyncClient
from tests.sync.hub.helpers import mutation, sale_args, sales


def _nothing_written(db, terminal) -> bool:
    with db.read() as session:
        orders = session.scalar(select(func.count()).select_from(Order).where(Order.store_id == terminal.store_id))
        client = session.get(SyncClient, terminal.client_id)
        return orders == 0 and client.last_mutation_id == 0


def test_malformed_json_gets_400(client, world, hub_app):
    terminal = world.terminals["A1"]
    response = client.post("/sync/v1/push", content=b'{"client_id": ', headers={
        **terminal.headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["detail"] == "The request body is not valid JSON."
    assert _nothing_written(hub_app.state.db, terminal)


def test_wrong_types_get_422_with_a_sentence(client, world, hub_app):
    terminal = world.terminals["A1"]
    body = {"client_id": "not-a-uuid", "schema_version": "one", "mutations": "many"}
    response = client.post("/sync/v1/push", json=body, headers=terminal.headers)
    assert response.status_code == 422
    assert response.json()["message"].startswith("The request was refused, nothing was written: client_id")
    assert _nothing_written(hub_app.state.db, terminal)


def test_more_than_100_mutations_is_refused_whole(client, world, hub_app):
    terminal = world.terminals["A1"]
    body = {"client_id": str(terminal.client_id), "schema_version": 1, "mutations": sales(terminal, 101)}
    response = client.post("/sync/v1/push", json=body, headers=terminal.headers)
    assert response.status_code == 422
    assert "100" in response.json()["message"]
    assert _nothing_written(hub_app.state.db, terminal)


def test_a_body_over_2_mb_gets_413(client, world, hub_app):
    terminal = world.terminals["A1"]
    args = sale_args(terminal)
    args["padding"] = "x" * (2 * 1024 * 1024)
    body = {"client_id": str(terminal.client_id), "schema_version": 1,
            "mutations": [mutation(1, "order.completed.v1", args)]}
    response = client.post("/sync/v1/push", json=body, headers=terminal.headers)
    assert response.status_code == 413
    assert "2 MB" in response.json()["detail"]
    assert _nothing_written(hub_app.state.db, terminal)


def test_a_chunked_body_over_the_limit_gets_413(client, world, hub_app):
    terminal = world.terminals["A1"]

    def chunks():
        yield b'{"client_id": "' + str(terminal.client_id).encode() + b'", "padding": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    response = client.post("/sync/v1/push", content=chunks(), headers={
        **terminal.headers, "Content-Type": "application/json"})
    assert response.status_code == 413


def test_an_unknown_mutation_is_deferred_with_a_sentence(client, world, hub_app):
    terminal = world.terminals["A1"]
    body = {"client_id": str(terminal.client_id), "schema_version": 1,
            "mutations": [mutation(1, "drawer.exploded.v1", {"why": "?"})]}
    response = client.post("/sync/v1/push", json=body, headers=terminal.headers).json()
    result = response["results"][0]
    assert (result["status"], result["code"]) == ("deferred", None)
    assert "drawer.exploded.v1" in result["message"] and response["last_mutation_id"] == 1


def test_a_bad_pairing_code_is_a_plain_400(client):
    body = {"pairing_code": "NOPE-NOPE", "terminal_name": "x", "client_id": "00000000-0000-4000-8000-000000000009"}
    response = client.post("/sync/v1/pair", json=body)
    assert response.status_code == 400
    assert "Ask a manager" in response.json()["detail"]
