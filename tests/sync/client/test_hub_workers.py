"""`pos-hub serve --workers 2` on PostgreSQL: a worker killed in the middle of a push loses nothing and applies
nothing twice, and a push through one worker wakes a long-poll held by the other within half a second (from the
push's answer, when the sale is on the hub, to the level on the other terminal: the push's own time is the push
latency the bench measures)."""

from __future__ import annotations

import os
import signal
import time
import uuid

import httpx
import psycopg
from sqlalchemy import func, select, text

from sync.hub.models import OcsInventory, Order, SyncClient, SyncMutation
from tests.perf.stats import p95
from tests.sync.client.workers import WorkersHub, client_ports, libpq_url, owner_of_connection

SALES_IN_THE_KILLED_PUSH = 15
PROPAGATION_SAMPLES = 20
PG_PORT = 5432


def test_workers_wake_each_other_and_a_killed_worker_loses_no_push(hub, make_till, seeded_hub_url):
    with WorkersHub(seeded_hub_url, workers=2) as served:
        seller, watcher = make_till(served.url), make_till(served.url)
        code, sku = seller.products(1, min_stock=1)[0]
        delays = _propagation_across_workers(served, seller, watcher, code, sku)
        print(f"\npropagation across workers: p95 {p95(delays):.3f} s over {len(delays)} sales")
        assert p95(delays) <= 0.5

        before = _hub_stock(hub, seller, sku)
        workers = served.workers()
        victim = _kill_the_worker_in_the_middle_of_a_push(served, seller, code)
        assert _replaced(served, workers), "the hub started no worker in place of the killed one"
        assert victim not in served.workers()
        with hub.db.read() as session:
            mutations = session.execute(select(SyncMutation.status, func.count()).join(SyncClient).where(
                SyncClient.terminal_id == _terminal_id(seller)).group_by(SyncMutation.status)).all()
            orders = session.scalar(select(func.count()).select_from(Order).where(
                Order.terminal_id == _terminal_id(seller)))
        # Each sale is an age check and an order; the killed push's were applied once, by the surviving worker.
        sales = PROPAGATION_SAMPLES + SALES_IN_THE_KILLED_PUSH
        assert dict(mutations) == {"applied": 2 * sales}
        assert orders == sales
        assert _hub_stock(hub, seller, sku) == before - SALES_IN_THE_KILLED_PUSH


def _replaced(served: WorkersHub, workers: set[int], timeout: float = 10) -> bool:
    """The master starts a new worker for the killed one (its start-up may take longer; not waited for)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if served.workers() - workers:
            return True
        time.sleep(0.1)
    return False


def _kill_the_worker_in_the_middle_of_a_push(served: WorkersHub, seller, code: str) -> int:
    """Hold the store's feed counter, so the push waits inside its transaction, then SIGKILL that worker."""
    for _ in range(SALES_IN_THE_KILLED_PUSH):
        seller.sell(code)
    runner = seller.sync.runner(push_interval=0.1, backoff_cap=0.5)
    with psycopg.connect(libpq_url(served.database_url)) as blocker:
        blocker.execute("SELECT version FROM store_feeds WHERE store_id = %s FOR UPDATE",
                        (seller.terminal.context.store_id,))
        runner.start()
        try:
            backend_port = _waiting_backend_port(blocker)
            victim = owner_of_connection(backend_port, PG_PORT, served.workers())
            assert victim is not None, "the waiting push's database connection belongs to no worker"
            os.kill(victim, signal.SIGKILL)
            blocker.rollback()  # the killed worker's transaction ends with its connection: rolled back
            _drain(seller)
        finally:
            runner.stop()
    assert not seller.sync.overview().rejected
    return victim


def _waiting_backend_port(blocker, timeout: float = 15) -> int:
    deadline = time.monotonic() + timeout
    with psycopg.connect(blocker.info.dsn, autocommit=True) as watcher:
        while time.monotonic() < deadline:
            row = watcher.execute(
                "SELECT client_port FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> %s", (blocker.info.backend_pid,)).fetchone()
            if row:
                return row[0]
            time.sleep(0.05)
    raise AssertionError("no push reached the hub's store feed within the time allowed")


def _drain(till, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while till.sync.engine.status().pending and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not till.sync.engine.status().pending, "the outbox did not drain after the worker was killed"


def _propagation_across_workers(served: WorkersHub, seller, watcher, code: str, sku: str) -> list[float]:
    runner = watcher.sync.runner()
    runner.start()
    try:
        watched_by = _worker_of(served, watcher, wait=True)
        _reconnect_elsewhere(served, seller, avoid=watched_by)
        delays = []
        for _ in range(PROPAGATION_SAMPLES):
            level = watcher.stock(sku)
            seller.sell(code)
            seller.sync.engine.push()
            started = time.monotonic()  # the hub has the sale: from here it is the wake-up across workers
            assert _worker_of(served, seller) != _worker_of(served, watcher), "both terminals on one worker"
            while watcher.stock(sku) >= level and time.monotonic() - started < 5:
                time.sleep(0.005)
            assert watcher.stock(sku) < level, "the other worker's long-poll never woke"
            delays.append(time.monotonic() - started)
        return delays
    finally:
        runner.stop()


def _worker_of(served: WorkersHub, till, *, wait: bool = False) -> int:
    """The worker serving the till's one open connection to the hub."""
    deadline = time.monotonic() + (10 if wait else 0)
    while True:
        owners = {owner_of_connection(served.port, port, served.workers())
                  for port in client_ports(till.sync.engine.hub._http)} - {None}
        if len(owners) == 1 or time.monotonic() >= deadline:
            assert len(owners) == 1, f"the till's connections are served by {owners or 'no worker'}"
            return owners.pop()
        time.sleep(0.05)


def _reconnect_elsewhere(served: WorkersHub, till, *, avoid: int) -> None:
    """New connections until one lands on another worker (the kernel hands each to whichever accepts)."""
    client = till.sync.engine.hub
    for _ in range(40):
        if client.healthy() and _worker_of(served, till) != avoid:
            return
        client._http.close()
        client._http = httpx.Client(base_url=client.base_url, timeout=client._timeout)
    raise AssertionError("every new connection went to the same worker")


def _terminal_id(till) -> uuid.UUID:
    with till.terminal.session_factory() as session:
        return uuid.UUID(str(session.execute(text("SELECT terminal_id FROM sync_state")).scalar_one()))


def _hub_stock(hub, till, sku: str) -> int:
    with hub.db.read() as session:
        return session.scalar(select(func.sum(OcsInventory.quantity_on_hand)).where(
            OcsInventory.store_id == till.terminal.context.store_id, OcsInventory.sku == sku))
