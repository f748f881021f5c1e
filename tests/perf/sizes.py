"""How big a run is: the full sizes the targets are set for, and a quick set that finishes in under two minutes warm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Lots, expiries and restocks are dated relative to this day, so a cached catalog means the same whenever it
# is reused. The seed is the demo tenant's, so the terminal and the hub build the very same store.
BENCH_TODAY = date(2026, 11, 21)
BENCH_SEED = 7


@dataclass(frozen=True)
class Size:
    name: str  # "full" or "quick"
    products: int
    history_lines: int
    scans: int
    searches: int  # per kind of query
    checkouts: int
    cold_starts: int
    ingest_orders: int
    ingest_terminals: int
    ingest_batch: int  # mutations per push; the pusher sends 100, a quick run fewer so it ends in time
    push_samples: int
    propagation_samples: int
    backlog: int
    z_orders: int
    floor_samples: int
    time_budget_s: int  # a push loop stops after this long, whatever is left (load tests are bounded)
    repeats: int  # of the slow, one-shot measures (Z report, bootstrap); the median is reported


FULL = Size(name="full", products=100_000, history_lines=1_000_000, scans=2_000, searches=200, checkouts=300,
            cold_starts=3, ingest_orders=10_000, ingest_terminals=10, ingest_batch=100,
            push_samples=200, propagation_samples=20,
            backlog=10_000, z_orders=10_000, floor_samples=2_000, time_budget_s=120, repeats=3)
QUICK = Size(name="quick", products=10_000, history_lines=100_000, scans=300, searches=20, checkouts=30,
             cold_starts=1, ingest_orders=2_000, ingest_terminals=10, ingest_batch=20, push_samples=15,
             propagation_samples=3, backlog=1_000, z_orders=2_000, floor_samples=300, time_budget_s=12, repeats=1)


def size_named(name: str) -> Size:
    return {"full": FULL, "quick": QUICK}[name]
