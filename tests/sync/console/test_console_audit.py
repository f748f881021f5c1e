"""The console's audit trail and age-check log of a store, from entries a paired terminal pushed through the sync
API: filters by staff member, action, terminal and date; each chain's badge, and a re-hash on demand; age checks by
method and result, never with an ID number; another store's manager gets 403."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import update

from sync.hub.models import AuditLog
from tests.sync.console.conftest import console_as, pair_terminal
from tests.sync.hub.helpers import mutation, push
from tests.sync.hub.test_audit_verify import _chained


def _push(console, till, batch: list[dict]) -> None:
    answer = push(console.http, till, batch)
    assert answer.status_code == 200, answer.text
    assert {r["status"] for r in answer.json()["results"]} == {"applied"}, answer.text


def _age_check(till, *, result: str, method: str, id_hash: str | None = None) -> dict:
    args = {"id": str(uuid.uuid4()), "store_id": str(till.store_id), "sale_id": None,
            "staff_id": str(till.staff_id) if method != "kiosk_confirm" else None, "method": method,
            "result": result, "customer_age": 17 if result == "failed" else 34, "min_age": 19, "jurisdiction": "ON",
            "id_number_hash": id_hash, "failure_reason": "Under 19" if result == "failed" else None,
            "created_at": datetime.now(UTC).isoformat()}
    return mutation(till.take_ids(1)[0], "age_verification.logged.v1", args)


def test_the_audit_trail_filters_and_shows_each_chain(console_app, tenant):
    till = pair_terminal(console_app, tenant)
    manager = console_as(console_app, tenant.manager)
    _push(manager, till, _chained(till))
    page = manager.get(f"/console/stores/{tenant.store_a}/audit")
    assert page.status_code == 200, page.text
    assert "A till: chain intact, 3 entries" in page.text
    for action in ("login", "drawer.no_sale", "override.approved"):
        assert action in page.text
    assert "Cashier A" in page.text

    only = manager.get(f"/console/stores/{tenant.store_a}/audit", params={"action": "drawer"})
    assert "drawer.no_sale" in only.text and "override.approved</td>" not in only.text
    dated = manager.get(f"/console/stores/{tenant.store_a}/audit", params={"since": "2026-12-05",
                                                                          "until": "2026-12-05"})
    assert dated.text.count("<tr>") - 1 == 1, "only the entry of 5 December, store time"
    bad = manager.get(f"/console/stores/{tenant.store_a}/audit", params={"since": "5/12/2026"})
    assert bad.status_code == 422 and "is not a date: use YYYY-MM-DD" in bad.text

    # An entry edited on the hub: the badge still says intact (it linked when it came); the re-hash finds it.
    with console_app.state.db.write() as session:
        session.execute(update(AuditLog).where(AuditLog.terminal_id == till.terminal_id, AuditLog.seq == 2)
                        .values(details={"note": "edited"}))
    checked = manager.post(f"/console/stores/{tenant.store_a}/audit/verify")
    assert checked.status_code == 200 and "the chain breaks at entry 2" in checked.text

    assert manager.get(f"/console/stores/{tenant.store_b}/audit").status_code == 403
    assert manager.post(f"/console/stores/{tenant.store_b}/audit/verify").status_code == 403


def test_age_checks_show_how_and_who_but_never_the_id(console_app, tenant):
    till = pair_terminal(console_app, tenant, name="A kiosk")
    manager = console_as(console_app, tenant.manager)
    secret_hash = "9f" * 32
    _push(manager, till, [_age_check(till, result="passed", method="id_scan", id_hash=secret_hash),
                          _age_check(till, result="failed", method="id_scan", id_hash=secret_hash),
                          _age_check(till, result="passed", method="kiosk_confirm")])
    page = manager.get(f"/console/stores/{tenant.store_a}/age-checks")
    assert page.status_code == 200, page.text
    assert page.text.count("ID scanned") == 2 and "Kiosk: customer confirmed" in page.text
    assert "The customer, at a kiosk" in page.text and "Under 19" in page.text
    assert secret_hash not in page.text and secret_hash[:12] not in page.text
    refused = manager.get(f"/console/stores/{tenant.store_a}/age-checks", params={"result": "failed"})
    assert refused.text.count("Under 19") == 1 and "Kiosk: customer confirmed" not in refused.text
    assert manager.get(f"/console/stores/{tenant.store_b}/age-checks").status_code == 403
