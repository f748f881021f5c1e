"""Card batch closes on the hub: a register's `card.settled.v1` pushed through the sync API is kept as the terminal
checked it, listed on its store's console page with each transaction of a batch that does not match, and in the
admin API; a manager of another store gets 403."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from tests.sync.console.conftest import console_as, pair_terminal
from tests.sync.hub.helpers import mutation, push

RECORDED = json.loads((Path(__file__).parents[1] / "recorded_payloads_settlement.json").read_text())["payloads"]


def _push_settlement(console, till, recorded: dict) -> dict:
    args = dict(recorded["args"], store_id=str(till.store_id), settlement_id=str(uuid.uuid4()))
    response = push(console.http, till, [mutation(till.take_ids(1)[0], "card.settled.v1", args)])
    assert response.status_code == 200, response.text
    assert [r["status"] for r in response.json()["results"]] == ["applied"], response.text
    return args


def test_a_batch_that_does_not_match_shows_each_transaction_to_the_stores_manager(console_app, tenant):
    till = pair_terminal(console_app, tenant)
    manager = console_as(console_app, tenant.manager)
    mismatched = _push_settlement(manager, till, RECORDED[0])

    page = manager.get(f"/console/stores/{tenant.store_a}/card-batches")
    assert page.status_code == 200, page.text
    assert "Does not match" in page.text and "TERMINAL-0001" in page.text
    assert "On the card terminal, not at the POS" in page.text and "$15.00" in page.text
    assert f"#{mismatched['batch_number']}" in page.text
    only = manager.get(f"/console/stores/{tenant.store_a}/card-batches?mismatched=true")
    assert "TERMINAL-0001" in only.text

    other_store = manager.get(f"/console/stores/{tenant.store_b}/card-batches")
    assert other_store.status_code == 403


def test_the_admin_api_lists_the_same_batches(console_app, tenant):
    from sync.hub.tokens import issue_token

    till = pair_terminal(console_app, tenant)
    owner = console_as(console_app, tenant.owner)
    _push_settlement(owner, till, RECORDED[0])
    with console_app.state.db.write() as session:
        admin = issue_token(session, kind="admin", tenant_id=tenant.tenant_id)
    listed = owner.http.get("/api/v1/payments/settlements", params={"store_id": str(tenant.store_a),
                                                                     "mismatched": "true"},
                            headers={"Authorization": f"Bearer {admin}"})
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert item["balanced"] is False and item["mismatches"][0]["reference"] == "TERMINAL-0001"

