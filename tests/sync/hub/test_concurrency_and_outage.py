"""Real HTTP under uvicorn: concurrent pushes for one client, and a database that goes away (503)."""

from __future__ import annotations

import sqlite3
import threading

import httpx
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from sync.hub.app import create_app
from sync.hub.models import Order, SyncClient
from tests.sync.hub.helpers import sales
from tests.sync.hub.servers import HubServer, TcpProxy


def _push_body(terminal, batch):
    return {"client_id": str(terminal.client_id), "schema_version": 1, "mutations": batch}


def test_two_concurrent_pushes_for_one_client_apply_each_mutation_once(hub_app, world):
    terminal = world.terminals["A1"]
    batch = sales(terminal, 15)
    barrier = threading.Barrier(2)
    responses = []

    def send():
        with httpx.Client(base_url=server.url, headers=terminal.headers, timeout=60) as http:
            barrier.wait()
            responses.append(http.post("/sync/v1/push", json=_push_body(terminal, batch)))

    with HubServer(hub_app) as server:
        threads = [threading.Thread(target=send) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert [r.status_code for r in responses] == [200, 200]
    for index in range(15):
        statuses = sorted(r.json()["results"][index]["status"] for r in responses)
        assert statuses == ["already_applied", "applied"]
    with hub_app.state.db.read() as session:
        orders = session.scalar(select(func.count()).select_from(Order).where(Order.store_id == terminal.store_id))
        assert orders == 15
        assert session.get(SyncClient, terminal.client_id).last_mutation_id == 15


def _lmid(db, terminal) -> int:
    with db.read() as session:
        return session.get(SyncClient, terminal.client_id).last_mutation_id


def _assert_outage_gives_503(app, terminal, trusted_db, go_down, come_back):
    with HubServer(app) as server, httpx.Client(base_url=server.url, headers=terminal.headers, timeout=30) as http:
        assert http.post("/sync/v1/push", json=_push_body(terminal, sales(terminal, 1))).status_code == 200
        before = _lmid(trusted_db, terminal)
        go_down()
        try:
            batch = sales(terminal, 2)
            response = http.post("/sync/v1/push", json=_push_body(terminal, batch))
            assert response.status_code == 503, response.text
            assert "cannot be reached" in response.json()["detail"]
            assert _lmid(trusted_db, terminal) == before
        finally:
            come_back()
        retry = http.post("/sync/v1/push", json=_push_body(terminal, batch))
        assert retry.status_code == 200, retry.text
        assert [r["status"] for r in retry.json()["results"]] == ["applied", "applied"]
        assert _lmid(trusted_db, terminal) == before + 2


def test_an_unreachable_database_gives_503_and_leaves_the_lmid(hub_app, hub_url, world, backend):
    terminal = world.terminals["A1"]
    if backend == "postgres":
        url = make_url(hub_url)
        proxy = TcpProxy((url.host, url.port or 5432))
        proxy.start()
        app = create_app(url.set(port=proxy.port).render_as_string(hide_password=False))
        try:
            _assert_outage_gives_503(app, terminal, hub_app.state.db, proxy.stop, proxy.start)
        finally:
            proxy.stop()
            app.state.db.dispose()
        return
    # SQLite has no server to stop; a writer that never lets go is the same temporary failure.
    app = create_app(hub_url, busy_timeout_ms=300)
    blocker = sqlite3.connect(make_url(hub_url).database, isolation_level=None, check_same_thread=False)

    def lock():
        blocker.execute("BEGIN IMMEDIATE")

    try:
        _assert_outage_gives_503(app, terminal, hub_app.state.db, lock, lambda: blocker.execute("ROLLBACK"))
    finally:
        blocker.close()
        app.state.db.dispose()
