"""Crash soak: kill a terminal process at random points many times, then check nothing was lost or doubled.

    .venv/bin/python scripts/soak_crash.py --kills 500 [--db postgresql://postgres@127.0.0.1/soak]

The hub runs in this process (uvicorn on a loopback port) on a fresh SQLite file unless --db names a
database; the terminal runs as a child process that is SIGKILLed at random. The checks are the crash
test's, after every kill, and a full comparison with the hub at the end. Exit status 0 means all held.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("POS_APP_KEYRING", "file")


def main(argv: list[str] | None = None) -> int:
    from sync.hub.app import create_app
    from sync.hub.database import Database
    from sync.hub.migrate import upgrade
    from sync.hub.seed import seed_demo
    from tests.e2e.crash import crash_rounds, identity, local_orders
    from tests.e2e.harness import TerminalProcess, check_terminal
    from tests.e2e.hub_checks import client_lmid, terminal_orders
    from tests.sync.client.conftest import Hub
    from tests.sync.client.tills import open_till
    from tests.sync.hub.servers import HubServer

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--db", help="hub database URL (default: a new SQLite file)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="soak-crash-"))
    url = args.db or f"sqlite:///{work / 'hub.db'}"
    upgrade(url)
    db = Database(url)
    seed_demo(db, products=300, seed=11)
    db.dispose()
    app = create_app(url)
    with HubServer(app) as server:
        hub = Hub(app, server.url, server.port)
        till = open_till(work / "terminal", hub_timeout=10)
        till.sync.pair(hub.url, hub.pairing_code(), terminal_no=77)
        till.sync.bootstrap()
        codes = [code for code, _sku in till.products(6)]
        till.close()
        started = time.monotonic()
        reported, phases = crash_rounds(hub, work / "terminal", codes, args.kills, random.Random(args.seed))
        last = TerminalProcess.start(work / "terminal", codes, sales=0, seed=0)
        if last.finish(120) != 0 or not last.seen("SETTLED"):
            print(f"The last run did not settle: {last.stderr()}", file=sys.stderr)
            return 1
        counts = check_terminal(work / "terminal" / "terminal.db", reported)
        client_id, terminal_id = identity(work / "terminal" / "terminal.db")
        on_hub = terminal_orders(hub, terminal_id)
        assert on_hub == Counter(local_orders(work / "terminal" / "terminal.db"))
        assert counts["pending"] == 0 and client_lmid(hub, client_id) == counts["outbox"]
    app.state.db.dispose()
    print(f"{args.kills} kills ({dict(phases)}) in {time.monotonic() - started:.0f} s: {len(reported)} sales "
          f"reported, {counts['orders']} orders and {counts['outbox']} outbox rows, each on the hub once. "
          f"Work folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
