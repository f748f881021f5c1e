"""Card batch closes on the hub: a register's `card.settled.v1` pushed through the sync API is kept as the terminal
checked it, listed on its store's console page with each transaction of a batch that does not match, and in the
admin API; a manager of another store gets 403."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sync.canonical import mutation_hash
from tests.sync.console.conftest import console_as

RECORDED = json.loads((Path(__file__).parents[1] / "recorded_payloads_settlement.json").read_text())["payloads"]


def _paired_in_store_a(console_app, tenant) -> tuple[str, uuid.UUID]:
    from sync.hub import tenancy
    from sync.hub.sync_service import pair
    from sync.protocol import PairRequest

    db = console_app.state.db
    with db.write() as session:
        code = tenancy.new_pairing_code(session, tenancy.Scope(tenant.tenant_id, via="cli"), tenant.store_a)
    client_id = uuid.uuid4()
    paired = pair(db, PairRequest(pairing_code=code, terminal_name="A till", client_id=client_id))
    return paired.token, client_id


def _push_settlement(console, token: str, client_id: uuid.UUID, store_id: uuid.UUID, recorded: dict, *,
                     mutation_id: int = 1) -> dict:
    args = dict(recorded["args"], store_id=str(store_id), settlement_id=str(uuid.uuid4()))
    response = console.http.post("/sync/v1/push", headers={"Authorization": f"Bearer {token}"}, json={
        "client_id": str(client_id), "schema_version": 1,
        "mutations": [{"id": mutation_id, "name": "card.settled.v1", "args": args, "hash": mutation_hash(args)}]})
    assert response.status_code == 200, response.text
    assert [r["status"] for r in response.json()["results"]] == ["applied"], response.text
    return args


def test_a_batch_that_does_not_match_shows_each_transaction_to_the_stores_manager(console_app, tenant):
    token, client_id = _paired_in_store_a(console_app, tenant)
    manager = console_as(console_app, tenant.manager)
    mismatched = _push_settlement(manager, token, client_id, tenant.store_a, RECORDED[0])

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

    token, client_id = _paired_in_store_a(console_app, tenant)
    owner = console_as(console_app, tenant.owner)
    _push_settlement(owner, token, client_id, tenant.store_a, RECORDED[0])
    with console_app.state.db.write() as session:
        admin = issue_token(session, kind="admin", tenant_id=tenant.tenant_id)
    listed = owner.http.get("/api/v1/payments/settlements", params={"store_id": str(tenant.store_a),
                                                                     "mismatched": "true"},
                            headers={"Authorization": f"Bearer {admin}"})
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert item["balanced"] is False and item["mismatches"][0]["reference"] == "TERMINAL-0001"


def test_the_page_in_a_real_browser(console_app, tenant, tmp_path):
    from selenium.webdriver.common.by import By

    from tests.sync.console.browser import require_chromium, screenshot_dir, start_chromium
    from tests.sync.console.conftest import PASSWORD
    from tests.sync.hub.servers import HubServer

    require_chromium()
    token, client_id = _paired_in_store_a(console_app, tenant)
    manager = console_as(console_app, tenant.manager)
    _push_settlement(manager, token, client_id, tenant.store_a, RECORDED[1])
    _push_settlement(manager, token, client_id, tenant.store_a, RECORDED[0], mutation_id=2)
    with HubServer(console_app) as hub:
        browser = start_chromium()
        try:
            browser.get(f"{hub.url}/console/sign-in")
            browser.find_element(By.NAME, "login").send_keys(tenant.manager)
            browser.find_element(By.NAME, "password").send_keys(PASSWORD)
            browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            browser.find_element(By.LINK_TEXT, "Card batches").click()
            main = browser.find_element(By.TAG_NAME, "main").text
            assert "Does not match" in main and "Matches" in main and "TERMINAL-0001" in main
            browser.save_screenshot(str(screenshot_dir(tmp_path) / "console-card-batches.png"))
        finally:
            browser.quit()
