"""Search as you type: CatalogQueries.search(text, 30), as the register's search box calls it.

Queries come from the catalog itself: name and brand prefixes (3 and 5 letters), substrings from inside
names and brands, and exact GTINs. There is no floor: the target is an absolute budget of one frame.
"""

from __future__ import annotations

import random
import sqlite3

from tests.perf.metrics import Metric, at_most
from tests.perf.stats import ms_since, now, p50, p99
from tests.perf.terminal_env import open_bench_terminal

LIMIT = 30  # what ScanSearchBox asks for


def _inner(text: str, rng: random.Random, length: int) -> str:
    if len(text) <= length + 1:
        return text
    start = rng.randint(1, len(text) - length)
    return text[start:start + length].strip() or text[:length]


def queries(db_path, per_kind: int, seed: int) -> list[tuple[str, str]]:
    """(kind, text) pairs, per_kind of each kind, in a shuffled but fixed order."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT product_name, brand_name, each_gtin FROM ocs_product_catalog "
                            "WHERE is_active ORDER BY ocs_variant_number").fetchall()
    rng = random.Random(seed)
    picks = [rng.choice(rows) for _ in range(per_kind)]
    out = []
    for name, brand, gtin in picks:
        out += [("name prefix", name[:3]), ("name prefix", name[:5]), ("name substring", _inner(name, rng, 4)),
                ("brand prefix", brand[:4]), ("brand substring", _inner(brand, rng, 4)), ("exact GTIN", gtin)]
    rng.shuffle(out)
    return out


def run(size, progress):
    terminal = open_bench_terminal(size, "search", progress)
    try:
        catalog = terminal.catalog
        asked = queries(terminal.settings.db_path, size.searches, seed=2)
        for _kind, text in asked[:20]:  # the first searches also load the catalog's pages into the cache
            catalog.search(text, LIMIT)
        by_kind: dict[str, list[float]] = {}
        empty = 0
        for index, (kind, text) in enumerate(asked):
            started = now()
            hits = catalog.search(text, LIMIT)
            by_kind.setdefault(kind, []).append(ms_since(started))
            empty += not hits
            if (index + 1) % 300 == 0:
                progress(f"{index + 1:,} of {len(asked):,} searches")
    finally:
        terminal.close()
    samples = [s for values in by_kind.values() for s in values]
    detail = {kind: {"p50_ms": round(p50(v), 2), "p99_ms": round(p99(v), 2), "n": len(v)}
              for kind, v in sorted(by_kind.items())}
    worst = max(detail.items(), key=lambda item: item[1]["p99_ms"])
    how = (f"{len(samples):,} calls of CatalogQueries.search(text, {LIMIT}) over name/brand prefixes and "
           f"substrings and exact GTINs taken from the catalog; slowest kind: {worst[0]} "
           f"(p99 {worst[1]['p99_ms']} ms)")
    problems = [f"search: {empty} of {len(samples)} queries found nothing"] if empty > len(samples) // 20 else []
    return [Metric("search as you type p50", p50(samples), "ms", how=how, extra=detail),
            at_most(Metric("search as you type p99", p99(samples), "ms", how=how, extra=detail), 16)], problems
