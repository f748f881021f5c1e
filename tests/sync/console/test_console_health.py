"""The sync health pages on PostgreSQL: a terminal's rejected mutation shown with the hub's sentence, its terminal
and the store's time, acknowledged (audited, hidden, shown again by the filter); oversells, late kiosk claims and
codes over their limit; silent terminals and their setting; the tenant overview; the admin API through the same
service."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from sync.column_types import utcnow
from sync.hub.models import DiscountUsage, HubAudit, OversellEvent, SyncClient, SyncMutation
from tests.sync.console.conftest import console_as, pair_terminal
from tests.sync.hub.helpers import mutation

UNKNOWN_STAFF = "The hub has no such staff member in this tenant."


def push_rejected_unlock(http, headers: dict, client_id: uuid.UUID, mutation_id: int = 1) -> None:
    """An unlock of a staff member the hub does not have: refused with its sentence, as a real terminal's would be."""
    args = {"staff_id": str(uuid.uuid4()), "unlocked_by": str(uuid.uuid4()), "unlocks": 1}
    answer = http.post("/sync/v1/push", headers=headers, json={
        "client_id": str(client_id), "schema_version": 1,
        "mutations": [mutation(mutation_id, "staff.unlocked.v1", args)]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "rejected"


def test_a_rejected_mutation_is_shown_acknowledged_and_found_again(console_app, tenant):
    owner = console_as(console_app, tenant.owner)
    till = pair_terminal(console_app, tenant, name="Front till")
    headers, client_id = till.headers, till.client_id
    push_rejected_unlock(owner.http, headers, client_id)
    page_url = f"/console/stores/{tenant.store_a}/health"
    page = owner.get(page_url)
    assert page.status_code == 200
    assert UNKNOWN_STAFF in page.text and "Front till" in page.text and "A staff unlock" in page.text
    assert " EST" in page.text or " EDT" in page.text, "times are the store's own (America/Toronto)"
    assert owner.get(f"{page_url}?q=nothing-like-this").text.count(UNKNOWN_STAFF) == 0, "searched on the server"
    assert UNKNOWN_STAFF in owner.get(f"{page_url}?q=Front").text

    key = {"client_id": str(client_id), "mutation_id": "1"}
    for token in ("", "forged"):
        assert owner.post(f"{page_url}/acknowledge", key, csrf=token).status_code == 403
    assert UNKNOWN_STAFF in owner.get(page_url).text, "a forged form acknowledged nothing"
    done = owner.post(f"{page_url}/acknowledge", key)
    assert done.status_code == 303 and done.headers["location"] == page_url
    hidden = owner.get(page_url).text
    assert UNKNOWN_STAFF not in hidden and "Nothing rejected is waiting for a look" in hidden
    shown = owner.get(f"{page_url}?acknowledged=true").text
    assert UNKNOWN_STAFF in shown and "Acknowledged" in shown
    again = owner.post(f"{page_url}/acknowledge", {"client_id": str(client_id), "mutation_id": "1"})
    assert again.status_code == 303, "acknowledging twice changes nothing"
    wrong = owner.post(f"{page_url}/acknowledge", {"client_id": str(client_id), "mutation_id": "99"})
    assert wrong.status_code == 404 and "no such rejected mutation" in wrong.text
    elsewhere = owner.post(f"/console/stores/{tenant.store_b}/health/acknowledge",
                           {"client_id": str(client_id), "mutation_id": "1"})
    assert elsewhere.status_code == 404, "a store A mutation is not acknowledged through store B"
    with console_app.state.db.read() as session:
        row = session.get(SyncMutation, (client_id, 1))
        assert row.acknowledged_at is not None and row.acknowledged_by is not None
        audits = session.scalars(select(HubAudit).where(HubAudit.action == "sync_mutation.acknowledged",
                                                        HubAudit.store_id == tenant.store_a)).all()
        assert len(audits) == 1 and audits[0].via == "console" and audits[0].details["mutation_id"] == 1


def test_oversells_codes_over_limit_and_silent_terminals(console_app, tenant):
    from sync.hub.models import Order

    owner = console_as(console_app, tenant.owner)
    db = console_app.state.db
    with db.write() as session:
        session.add(OversellEvent(store_id=tenant.store_b, sku="PR-OVER-1", batch_lot="LOT-9", quantity_on_hand=-2))
        order = Order(order_number=f"{tenant.code}B-1", store_id=tenant.store_b, terminal_id=tenant.terminal_b,
                      staff_id=tenant.staff_b, subtotal=Decimal(20), discount_amount=Decimal(5), tax_amount=0,
                      total_amount=Decimal(15))
        session.add(order)
        session.flush()
        session.add(DiscountUsage(tenant_id=tenant.tenant_id, store_id=tenant.store_b, terminal_id=tenant.terminal_b,
                                  code=f"OVER{tenant.code}", order_id=order.id, amount=Decimal(5), use_number=6,
                                  usage_limit=5, over_limit=True))
    page = owner.get(f"/console/stores/{tenant.store_b}/health").text
    assert "PR-OVER-1" in page and "LOT-9" in page
    assert "B till" in page and "Nothing sent yet" in page, "paired, never synced: silent"
    assert f"OVER{tenant.code}" in page and "6 of 5" in page

    with db.write() as session:  # it synced a minute ago: no longer silent
        session.execute(SyncClient.__table__.update().where(SyncClient.terminal_id == tenant.terminal_b)
                        .values(last_push_at=utcnow() - timedelta(minutes=1)))
    assert "Every paired terminal has synced in the last 15 minutes" in owner.get(
        f"/console/stores/{tenant.store_b}/health").text
    settings = f"/console/stores/{tenant.store_b}/health/settings"
    bad = owner.post(settings, {"minutes": "soon"})
    assert bad.status_code == 422 and "not a number of minutes" in bad.text
    assert owner.post(settings, {"minutes": "0"}).status_code == 422
    assert owner.post(settings, {"minutes": "30"}).status_code == 303
    assert "silent after 30 minutes" in owner.get(f"/console/stores/{tenant.store_b}/health?saved=1").text

    overview = owner.get("/console/health")
    assert overview.status_code == 200 and "Store A" in overview.text and "Store B" in overview.text
    assert "Needs a look" in overview.text
    manager = console_as(console_app, tenant.manager)
    mine = manager.get("/console/health").text
    assert "Store A" in mine and "Store B" not in mine, "a manager sees only their stores"


def test_the_admin_api_lists_and_acknowledges_through_the_same_service(console_app, tenant):
    from fastapi.testclient import TestClient

    from sync.hub.tokens import issue_token

    with console_app.state.db.write() as session:
        token = issue_token(session, kind="admin", tenant_id=tenant.tenant_id)
    admin = {"Authorization": f"Bearer {token}"}
    http = TestClient(console_app)
    till = pair_terminal(console_app, tenant, name="Back till")
    headers, client_id = till.headers, till.client_id
    push_rejected_unlock(http, headers, client_id)
    listed = http.get(f"/api/v1/stores/{tenant.store_a}/sync-health", headers=admin)
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert body["unacknowledged"] == 1 and body["rejected"][0]["message"] == UNKNOWN_STAFF
    assert body["rejected"][0]["terminal_name"] == "Back till" and body["silent_minutes"] == 15
    done = http.post(f"/api/v1/stores/{tenant.store_a}/sync-health/acknowledge", headers=admin,
                     json={"client_id": str(client_id), "mutation_id": 1})
    assert done.status_code == 200 and done.json()["acknowledged_at"]
    assert http.get(f"/api/v1/stores/{tenant.store_a}/sync-health", headers=admin).json()["rejected"] == []
    missing = http.post(f"/api/v1/stores/{tenant.store_a}/sync-health/acknowledge", headers=admin,
                        json={"client_id": str(client_id), "mutation_id": 7})
    assert missing.status_code == 404 and "no such rejected mutation" in missing.json()["detail"]
    with console_app.state.db.read() as session:
        via = session.scalar(select(HubAudit.via).where(HubAudit.action == "sync_mutation.acknowledged",
                                                        HubAudit.store_id == tenant.store_a))
    assert via == "api"
