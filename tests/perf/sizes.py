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
    kiosk_filters: int  # filter changes at the kiosk
    kiosk_opens: int  # categories opened
    kiosk_scroll_items: int  # how far down one category the kiosk's grid is scrolled
    kiosk_tickets: int  # tickets sent through the hub to a register
    kiosk_qr_loads: int  # QR codes loaded at a register


FULL = Size(name="full", products=100_000, history_lines=1_000_000, scans=2_000, searches=200, checkouts=300,
            cold_starts=3, ingest_orders=10_000, ingest_terminals=10, ingest_batch=100,
            push_samples=200, propagation_samples=20,
            backlog=10_000, z_orders=10_000, floor_samples=2_000, time_budget_s=120, repeats=3,
            kiosk_filters=300, kiosk_opens=100, kiosk_scroll_items=5_000, kiosk_tickets=20, kiosk_qr_loads=300)
QUICK = Size(name="quick", products=10_000, history_lines=100_000, scans=300, searches=20, checkouts=30,
             cold_starts=1, ingest_orders=2_000, ingest_terminals=10, ingest_batch=20, push_samples=15,
             propagation_samples=3, backlog=1_000, z_orders=2_000, floor_samples=300, time_budget_s=12, repeats=1,
             # A tenth of the catalog, so a tenth of a category: 500 items scrolled stand for 5,000.
             kiosk_filters=40, kiosk_opens=18, kiosk_scroll_items=500, kiosk_tickets=6, kiosk_qr_loads=60)


def size_named(name: str) -> Size:
    return {"full": FULL, "quick": QUICK}[name]
