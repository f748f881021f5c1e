"""Crash soak: kill a terminal process at random points many times, then check nothing was lost or doubled.

    make soak                     # 1,000 kills on a fresh PostgreSQL database, within 60 minutes
    .venv/bin/python scripts/soak_crash.py --kills 1000 --postgres --budget 60
    .venv/bin/python scripts/soak_crash.py --kills 50 [--db postgresql://postgres@127.0.0.1/soak]

The hub runs in this process (uvicorn on a loopback port) on a fresh SQLite file, a fresh PostgreSQL database
(--postgres: on 127.0.0.1:5432, dropped afterwards) or the database --db names; the terminal runs as a child
process that is SIGKILLed at random. The checks are the crash test's, after every kill, and a full comparison
with the hub at the end. Every 50 kills it prints the kills so far, their phases, the orders checked and the
time left. --budget stops starting new lives once its minutes are spent; the final checks still run. The last
result goes to BENCHMARKS.md (its soak section, which `make bench` keeps). Exit status 0 means all held.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("POS_APP_KEYRING", "file")
os.environ.setdefault("POS_HUB_SECRET_KEY_FILE", str(Path(tempfile.mkdtemp(prefix="soak-key-")) / "secret.key"))
EVERY = 50


def _minutes(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes above 0")
    return value


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _phases(phases: Counter) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(phases.items())) or "none"


def write_result(path: Path, lines: list[str]) -> None:
    from tests.perf.report import with_soak_section

    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    path.write_text(with_soak_section(text, "\n".join(["## Crash soak (last run)", "", *lines])), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", help="hub database URL (default: a new SQLite file)")
    where.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database on 127.0.0.1:5432")
    parser.add_argument("--budget", type=_minutes, metavar="MINUTES", help="stop starting new kills after this")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--benchmarks", type=Path, default=ROOT / "BENCHMARKS.md",
                        help="where the last result is written (default: the repository's BENCHMARKS.md)")
    args = parser.parse_args(argv)
    if args.postgres:
        from tests.sync.conftest import fresh_pg_database

        database = fresh_pg_database()
        try:
            return _soak(args, next(database), "PostgreSQL")
        finally:
            next(database, None)  # dropped
    return _soak(args, args.db, "PostgreSQL" if args.db and args.db.startswith("postgres") else "SQLite")


def _soak(args, url: str | None, engine: str) -> int:
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

    work = Path(tempfile.mkdtemp(prefix="soak-crash-"))
    url = url or f"sqlite:///{work / 'hub.db'}"
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
        deadline = None if args.budget is None else started + args.budget * 60
        print(f"Crash soak: {args.kills:,} kills on {engine}"
              + (f", within {args.budget:g} minutes" if args.budget else "") + f". Work folder: {work}", flush=True)

        def progress(done: int, phases: Counter, checked: int) -> None:
            if done % EVERY and done != args.kills:
                return
            elapsed = time.monotonic() - started
            left = (deadline - time.monotonic()) if deadline else elapsed / done * (args.kills - done)
            print(f"{done:,} of {args.kills:,} kills ({_phases(phases)}); {checked:,} orders checked on the hub; "
                  f"{_clock(elapsed)} so far, {_clock(left)} left{'' if deadline else ' (estimated)'}", flush=True)

        reported, phases = crash_rounds(hub, work / "terminal", codes, args.kills, random.Random(args.seed),
                                        deadline=deadline, progress=progress)
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
    kills, seconds = sum(phases.values()), time.monotonic() - started
    stopped = f" (the {args.budget:g}-minute budget ran out first)" if kills < args.kills else ""
    summary = (f"{kills:,} kills ({_phases(phases)}) in {_clock(seconds)}{stopped}: {len(reported):,} sales "
               f"reported, {counts['orders']:,} orders and {counts['outbox']:,} outbox rows, each on the hub once.")
    print(summary + f" Work folder: {work}")
    write_result(args.benchmarks, [
        f"`scripts/soak_crash.py --kills {args.kills}` on {engine}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC: **held**.", "", f"- {summary}",
        f"- Asked for {args.kills:,} kills" + (f" within {args.budget:g} minutes" if args.budget else "") + "; "
        "after every kill the terminal's orders and outbox were checked against the hub (none lost, none twice)."])
    return 0


if __name__ == "__main__":
    sys.exit(main())
