"""Client ids are bound to their terminal: a token pushes and pulls only with its terminal's current client id;
a new one only after the hub answered 422 (a restored terminal database), a few times an hour, each audited.
OPTIONS says which methods a path really has."""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy import func, select

from sync.hub.client_ids import NEW_CLIENT_IDS_PER_HOUR
from sync.hub.models import HubAudit, SyncClient
from tests.sync.hub.helpers import pull, push, sales


def _clients(hub_app, terminal) -> int:
    with hub_app.state.db.read() as session:
        return session.scalar(select(func.count()).select_from(SyncClient)
                              .where(SyncClient.terminal_id == terminal.terminal_id))


def _restored(client, terminal):
    """The terminal's database comes back from a backup: mutation 1 again, with other content."""
    again = dataclasses.replace(terminal, next_id=1)
    answer = push(client, again, sales(again, 1))
    assert answer.status_code == 422 and answer.json()["code"] == "restored_database", answer.text


def test_client_id_flooding_is_refused(client, hub_app, world):
    a1 = world.terminals["A1"]
    assert push(client, a1, sales(a1, 2)).status_code == 200
    for _ in range(10):
        flood = dataclasses.replace(a1, client_id=uuid.uuid4(), next_id=1)
        answer = push(client, flood, sales(flood, 1))
        assert answer.status_code == 403, answer.text
        assert "client id" in answer.json()["detail"]
        assert pull(client, flood).status_code == 403
    assert _clients(hub_app, a1) == 1

    # The restored-database path: the 422, then one new client id, which replaces the old one.
    current = a1
    for _renewal in range(NEW_CLIENT_IDS_PER_HOUR):
        _restored(client, current)
        renewed = dataclasses.replace(current, client_id=uuid.uuid4(), next_id=1)
        assert push(client, renewed, sales(renewed, 1)).status_code == 200
        assert push(client, current, sales(current, 1)).status_code == 403, "the old client id is retired"
        flood = dataclasses.replace(renewed, client_id=uuid.uuid4(), next_id=1)
        assert push(client, flood, sales(flood, 1)).status_code == 403, "one new id per 422"
        current = renewed
    _restored(client, current)
    over = dataclasses.replace(current, client_id=uuid.uuid4(), next_id=1)
    answer = push(client, over, sales(over, 1))
    assert answer.status_code == 429 and "hour" in answer.json()["detail"]
    assert _clients(hub_app, a1) == 1 + NEW_CLIENT_IDS_PER_HOUR
    with hub_app.state.db.read() as session:
        audited = session.scalars(select(HubAudit).where(HubAudit.action == "sync.client_id_renewed",
                                                         HubAudit.store_id == a1.store_id)).all()
    assert len(audited) == NEW_CLIENT_IDS_PER_HOUR
    assert {entry.details["terminal_id"] for entry in audited} == {str(a1.terminal_id)}


def test_options_lists_every_method_a_path_has(client):
    for path, methods in {"/api/v1/stores": {"GET", "POST"}, "/sync/v1/push": {"POST"},
                          "/healthz": {"GET"}}.items():
        answer = client.options(path)
        assert answer.status_code == 204, (path, answer.status_code)
        allowed = {method.strip() for method in answer.headers["allow"].split(",")}
        assert allowed - {"OPTIONS", "HEAD"} == methods, (path, allowed)
    assert client.options("/no/such/path").status_code == 404
