"""`pos-hub audit verify`: each terminal's audit chain, as the hub received it, re-hashed from the stored rows."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import delete, update

from sync.canonical import canonical_json
from sync.hub.cli import main
from sync.hub.models import AuditLog
from tests.retention import retention_guard_lifted
from tests.sync.hub.helpers import Terminal, build_world, mutation, push

ACTIONS = ("login", "drawer.no_sale", "override.approved")


def _chained(terminal: Terminal, actions=ACTIONS) -> list[dict]:
    """Audit entries chained the way a terminal chains them: each hash covers the one before it."""
    previous, batch = "0" * 64, []
    for seq, action in enumerate(actions, start=1):
        # One time on a whole second: its ISO text has no fraction, and must re-hash the same after storage.
        created = datetime(2026, 12, 5, 10, 0, tzinfo=UTC) if seq == 1 else datetime.now(UTC)
        fields = {"id": str(uuid.uuid4()), "seq": seq, "action": action, "staff_id": str(terminal.staff_id),
                  "approved_by": None, "entity_type": "drawer", "entity_id": str(seq),
                  "details": {"note": action, "amount_cents": 500 * seq}, "created_at": created.isoformat()}
        digest = hashlib.sha256((previous + canonical_json(fields)).encode()).hexdigest()
        args = {**fields, "store_id": str(terminal.store_id), "prev_hash": previous, "entry_hash": digest}
        batch.append(mutation(terminal.take_ids(1)[0], "audit.logged.v1", args))
        previous = digest
    return batch


def _send(client, terminal: Terminal, actions=ACTIONS) -> None:
    answer = push(client, terminal, _chained(terminal, actions))
    assert answer.status_code == 200, answer.text
    assert {r["status"] for r in answer.json()["results"]} == {"applied"}


def _verify(capsys, url: str, *extra: str) -> tuple[int, str, str]:
    status = main(["audit", "verify", "--db", url, *extra])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_an_intact_chain_is_counted(client, world, hub_url, capsys):
    terminal = world.terminals["A1"]
    _send(client, terminal)
    status, out, err = _verify(capsys, hub_url, "--store", terminal.store_code)
    assert (status, err) == (0, "")
    assert out == f"Store {terminal.store_code}, terminal 'T-A1': 3 entries, chain intact.\n"


def test_an_entry_changed_on_the_hub_is_named_and_fails(client, world, hub_app, hub_url, capsys):
    terminal = world.terminals["A2"]
    _send(client, terminal)
    with hub_app.state.db.write() as session:
        session.execute(update(AuditLog).where(AuditLog.terminal_id == terminal.terminal_id, AuditLog.seq == 2)
                        .values(details={"note": "nothing to see"}))
    status, out, err = _verify(capsys, hub_url, "--store", terminal.store_code)
    assert status == 1 and out == ""
    assert f"Store {terminal.store_code}, terminal 'T-A2': the chain is broken at entry 2 (drawer.no_sale, " in err
    assert "UTC): it was changed after it reached the hub." in err
    assert err.endswith("pos-hub: 1 of 1 audit chains are broken; the lines above say where.\n")


def test_an_entry_removed_from_the_hub_is_named_as_missing(client, world, hub_app, hub_url, capsys):
    terminal = world.terminals["B1"]
    _send(client, terminal)
    with hub_app.state.db.write() as session, retention_guard_lifted(session, "audit_log"):
        session.execute(delete(AuditLog).where(AuditLog.terminal_id == terminal.terminal_id, AuditLog.seq == 2))
    status, _, err = _verify(capsys, hub_url, "--store", terminal.store_code)
    assert status == 1
    assert "the chain is broken at entry 2: entry 2 is missing (never received, or removed from the hub)." in err


def test_an_unknown_store_is_a_sentence(hub_url, capsys):
    status, _, err = _verify(capsys, hub_url, "--store", "NOPE")
    assert status == 1
    assert err == "pos-hub: There is no store with the code NOPE. Check `--store`, or run `pos-hub seed-demo`.\n"


def test_without_a_store_every_terminal_is_checked(tmp_path, capsys):
    from sync.hub.app import create_app
    from sync.hub.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'hub.db'}"
    upgrade(url)
    assert _verify(capsys, url) == (0, "No audit entries have reached this hub.\n", "")
    app = create_app(url)
    try:
        with TestClient(app) as client:
            world = build_world(app.state.db, client)
            _send(client, world.terminals["A1"])
            _send(client, world.terminals["B1"], ACTIONS[:2])
        with app.state.db.write() as session:
            session.execute(update(AuditLog).where(AuditLog.terminal_id == world.terminals["B1"].terminal_id,
                                                   AuditLog.seq == 1).values(action="login.failed"))
    finally:
        app.state.db.dispose()
    status, out, err = _verify(capsys, url)
    assert status == 1
    assert out == f"Store {world.terminals['A1'].store_code}, terminal 'T-A1': 3 entries, chain intact.\n"
    assert "terminal 'T-B1': the chain is broken at entry 1 (login.failed, 2026-12-05 10:00:00 UTC)" in err
    assert "1 of 2 audit chains are broken" in err
