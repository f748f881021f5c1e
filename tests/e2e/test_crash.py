"""A terminal process SIGKILLed at random points, during checkout and during sync, 50 times: nothing that
was reported completed is lost or doubled, locally or on the hub, and the outbox never gains or drops a row."""

from __future__ import annotations

import random
import sqlite3
import time
from collections import Counter

from tests.e2e.harness import TerminalProcess, check_terminal
from tests.e2e.hub_checks import client_lmid, terminal_orders

KILLS = 50


def _identity(db_path):
    db = sqlite3.connect(db_path)
    try:
        import uuid

        client_id, terminal_id = db.execute("SELECT client_id, terminal_id FROM sync_state").fetchone()
        return uuid.UUID(client_id), uuid.UUID(terminal_id)
    finally:
        db.close()


def crash_rounds(hub, folder, codes, kills: int, rng: random.Random) -> tuple[list[str], Counter]:
    db_path = folder / "terminal.db"
    _client_id, terminal_id = _identity(db_path)
    reported: list[str] = []
    phases: Counter = Counter()
    for round_no in range(kills):
        sales = 0 if round_no % 5 == 4 else 60  # every fifth life only syncs what the others left behind
        process = TerminalProcess.start(folder, codes, sales=sales, seed=round_no, extra=("--linger",))
        assert process.wait_for("READY", 30), process.stderr()
        time.sleep(rng.uniform(0.0, 0.7))
        phases[process.phase()] += 1
        process.kill()
        reported += process.completed()
        check_terminal(db_path, reported)
        on_hub = terminal_orders(hub, terminal_id)
        assert all(count == 1 for count in on_hub.values()), "an order is on the hub twice"
        assert set(on_hub) <= set(reported) | _local_orders(db_path), "the hub has an order the terminal lost"
    return reported, phases


def _local_orders(db_path) -> set[str]:
    db = sqlite3.connect(db_path)
    try:
        return {row[0] for row in db.execute("SELECT order_number FROM orders")}
    finally:
        db.close()


def test_fifty_random_kills_lose_and_double_nothing(hub, make_till, record_property):
    till = make_till(hub.url, hub_timeout=10)
    codes = [code for code, _sku in till.products(6, min_stock=1)]
    folder = till.folder
    till.close()
    started = time.monotonic()
    reported, phases = crash_rounds(hub, folder, codes, KILLS, random.Random(20261121))
    last = TerminalProcess.start(folder, codes, sales=0, seed=999)
    assert last.finish(60) == 0, last.stderr()
    assert last.seen("SETTLED")
    counts = check_terminal(folder / "terminal.db", reported)
    client_id, terminal_id = _identity(folder / "terminal.db")
    on_hub = terminal_orders(hub, terminal_id)
    assert on_hub == Counter(_local_orders(folder / "terminal.db")), "hub and terminal hold the same orders"
    assert set(reported) <= set(on_hub)
    assert counts["pending"] == 0 and client_lmid(hub, client_id) == counts["outbox"]
    seconds = time.monotonic() - started
    record_property("kills", KILLS)
    print(f"\n{KILLS} kills ({dict(phases)}) in {seconds:.0f} s; {len(reported)} sales reported, "
          f"{counts['orders']} orders, {counts['outbox']} outbox rows, all on the hub once")
    assert phases["checkout"] and phases["sync"], "kills landed both during checkout and during sync"
