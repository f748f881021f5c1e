"""The admin API's store edits, pairing codes and terminal revocation: the same service as the console."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from sync.hub.models import HubAudit
from tests.sync.hub.helpers import pull


def test_edit_a_store_and_its_province(client, world, hub_app):
    a1 = world.terminals["A1"]
    admin = world.admin("A")
    url = f"/api/v1/stores/{a1.store_id}"
    edited = client.put(url, headers=admin, json={"name": "Queen West", "license_number": "CRSA-123",
                                                  "license_expiry": "2027-03-31", "city": "Toronto"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["license_number"] == "CRSA-123" and edited.json()["license_expiry"] == "2027-03-31"
    moved = client.put(url, headers=admin, json={"province_code": "BC"})
    assert moved.status_code == 200, moved.text
    refused = client.put(url, headers=admin, json={"province_code": "ZZ"})
    assert refused.status_code == 422 and "not a Canadian province" in refused.json()["detail"]
    assert client.put(url, headers=admin, json={"name": ""}).status_code == 422
    changes = pull(client, a1).json()["changes"]
    assert any(c["entity"] == "store" and c["data"]["name"] == "Queen West" for c in changes)
    with hub_app.state.db.read() as session:
        actions = set(session.scalars(select(HubAudit.action).where(HubAudit.store_id == a1.store_id,
                                                                    HubAudit.via == "api")))
    assert "store.updated" in actions


def test_a_pairing_code_pairs_a_terminal_that_can_then_be_revoked(client, world):
    a2 = world.terminals["A2"]
    admin = world.admin("A")
    made = client.post(f"/api/v1/stores/{a2.store_id}/pairing-codes", headers=admin)
    assert made.status_code == 201 and made.json()["valid_hours"] == 24
    paired = client.post("/sync/v1/pair", json={"pairing_code": made.json()["pairing_code"],
                                                "terminal_name": "Back till", "client_id": str(uuid.uuid4())})
    assert paired.status_code == 200, paired.text
    listing = client.get(f"/api/v1/stores/{a2.store_id}/terminals", headers=admin).json()
    assert {row["name"] for row in listing} == {"T-A2", "Back till"}
    assert all(row["revoked"] is False and row["rejected"] == 0 for row in listing)
    revoked = client.post(f"/api/v1/terminals/{a2.terminal_id}/revoke", headers=admin)
    assert revoked.status_code == 200
    assert pull(client, a2).status_code == 401, "a revoked terminal's token stops working at once"
    listing = client.get(f"/api/v1/stores/{a2.store_id}/terminals", headers=admin).json()
    assert {row["name"]: row["revoked"] for row in listing} == {"T-A2": True, "Back till": False}
    assert client.post(f"/api/v1/terminals/{uuid.uuid4()}/revoke", headers=admin).status_code == 404


def test_a_deactivated_store_gets_no_pairing_code(client, world):
    a2 = world.terminals["A2"]
    admin = world.admin("A")
    assert client.post(f"/api/v1/stores/{a2.store_id}/deactivate", headers=admin).status_code == 200
    refused = client.post(f"/api/v1/stores/{a2.store_id}/pairing-codes", headers=admin)
    assert refused.status_code == 422 and "activate it before pairing" in refused.json()["detail"]
    taken = client.post("/api/v1/stores", headers=admin, json={"store_code": a2.store_code, "name": "Again",
                                                                "province_code": "ON"})
    assert taken.status_code == 409
