"""Killing a terminal process at random points and checking it after each restart (test and soak share it)."""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from collections import Counter

from tests.e2e.harness import TerminalProcess, check_terminal
from tests.e2e.hub_checks import terminal_orders


def identity(db_path):
    db = sqlite3.connect(db_path)
    try:
        client_id, terminal_id = db.execute("SELECT client_id, terminal_id FROM sync_state").fetchone()
        return uuid.UUID(client_id), uuid.UUID(terminal_id)
    finally:
        db.close()


def crash_rounds(hub, folder, codes, kills: int, rng: random.Random, *, deadline: float | None = None,
                 progress=None) -> tuple[list[str], Counter]:
    """`kills` lives of the terminal, each killed at a random point; stops early once `time.monotonic()` passes
    `deadline`. `progress(kills done, phases, orders checked)` is called after every kill."""
    db_path = folder / "terminal.db"
    _client_id, terminal_id = identity(db_path)
    reported: list[str] = []
    phases: Counter = Counter()
    for round_no in range(kills):
        if deadline is not None and time.monotonic() >= deadline:
            break
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
        assert set(on_hub) <= set(reported) | local_orders(db_path), "the hub has an order the terminal lost"
        if progress is not None:
            progress(round_no + 1, phases, len(on_hub))
    return reported, phases


def local_orders(db_path) -> set[str]:
    db = sqlite3.connect(db_path)
    try:
        return {row[0] for row in db.execute("SELECT order_number FROM orders")}
    finally:
        db.close()
