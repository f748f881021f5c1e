"""A terminal process SIGKILLed at random points, during checkout and during sync, 50 times: nothing that
was reported completed is lost or doubled, locally or on the hub, and the outbox never gains or drops a row."""

from __future__ import annotations

import random
import time
from collections import Counter

from tests.e2e.crash import crash_rounds, identity, local_orders
from tests.e2e.harness import TerminalProcess, check_terminal
from tests.e2e.hub_checks import client_lmid, terminal_orders

KILLS = 50


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
    client_id, terminal_id = identity(folder / "terminal.db")
    on_hub = terminal_orders(hub, terminal_id)
    assert on_hub == Counter(local_orders(folder / "terminal.db")), "hub and terminal hold the same orders"
    assert set(reported) <= set(on_hub)
    assert counts["pending"] == 0 and client_lmid(hub, client_id) == counts["outbox"]
    seconds = time.monotonic() - started
    record_property("kills", KILLS)
    print(f"\n{KILLS} kills ({dict(phases)}) in {seconds:.0f} s; {len(reported)} sales reported, "
          f"{counts['orders']} orders, {counts['outbox']} outbox rows, all on the hub once")
    assert phases["checkout"] and phases["sync"], "kills landed both during checkout and during sync"
