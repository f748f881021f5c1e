"""Recall report: `GET /api/v1/recalls/{id}/report` (JSON and CSV) over the hub's order history, 1,000,000 order
lines at full size (the `history_lines` of the size).

The history is made in PostgreSQL itself with generate_series (setup, not measured): orders of four lines, 2,000
SKUs with three lots each, so a recall of two lots of one SKU finds about one line in 3,000. The report is asked
through the admin API in process (FastAPI's test client), as an admin would over HTTP, and timed end to end.
"""

from __future__ import annotations

import statistics
import uuid

from tests.perf.metrics import Metric, at_most
from tests.perf.pg import admin_connection, drop_database, dsn_of, url_of
from tests.perf.stats import now

SKUS = 2_000
LOTS_PER_SKU = 3
LINES_PER_ORDER = 4
ASKS = 5

HISTORY = """
INSERT INTO orders (id, order_number, store_id, terminal_id, staff_id, status, order_type, subtotal,
                    discount_amount, tax_amount, total_amount, cash_rounding, change_due, tax_breakdown,
                    dried_equivalent_g, payment_status, payment_method, completed_at, created_at, updated_at)
SELECT md5('o' || g)::uuid, 'ON001-1-' || lpad(g::text, 8, '0'), %(store)s, %(terminal)s, %(staff)s,
       'completed', 'in-store', 12396, 0, 1611, 14007, 0, 0, '{"HST": 1611}'::json, '14.0', 'paid', 'cash',
       timestamp '2026-01-01' + g * interval '20 seconds', now(), now()
FROM generate_series(1, %(orders)s) AS g;
INSERT INTO order_items (id, order_id, line_no, sku, product_name, quantity, unit_price, price_version,
                         discount_amount, taxable_amount, tax_amount, tax_breakdown, line_total, is_cannabis,
                         dried_equivalent_g)
SELECT md5('i' || g)::uuid, md5('o' || ((g - 1) / 4 + 1))::uuid, (g - 1) %% 4 + 1, 'SKU-' || (g %% %(skus)s),
       'Bench Flower 3.5 g', 1, 3099, 1, 0, 3099, 403, '{"HST": 403}'::json, 3502, true, '3.5'
FROM generate_series(1, %(lines)s) AS g;
INSERT INTO order_item_lots (id, order_item_id, batch_lot, quantity)
SELECT md5('l' || g)::uuid, md5('i' || g)::uuid,
       'LOT-' || (g %% %(skus)s) || '-' || ((g / %(skus)s) %% %(lots)s), 1
FROM generate_series(1, %(lines)s) AS g;
ANALYZE orders; ANALYZE order_items; ANALYZE order_item_lots;
"""


def _world(url: str):
    """A tenant with one store, its terminal and a recall of two lots of SKU-42; (database, recall id, token)."""
    from sync.hub.database import Database
    from sync.hub.models import Recall, Tenant, Terminal
    from sync.hub.tokens import issue_token
    from tests.sync.hub.helpers import _province, _store

    db = Database(url)
    with db.write() as session:
        tenant = Tenant(code="BENCH", name="Bench")
        session.add(tenant)
        session.flush()
        store = _store(session, tenant, _province(session), "ON001")
        terminal = Terminal(tenant_id=tenant.id, store_id=store.id, name="Till 1")
        recall = Recall(tenant_id=tenant.id, sku="SKU-42", lots=["LOT-42-0", "LOT-42-1"], reason="Bench recall",
                        reference="RA-BENCH")
        session.add_all([terminal, recall])
        session.flush()
        token = issue_token(session, kind="admin", tenant_id=tenant.id)
        ids = {"store": store.id, "terminal": terminal.id, "staff": uuid.uuid4()}
    return db, recall.id, token, ids


def _fill(name: str, ids: dict, lines: int, progress) -> None:
    import psycopg

    progress(f"writing {lines:,} order lines with generate_series")
    with psycopg.connect(dsn_of(name), autocommit=True) as conn:
        params = {**ids, "orders": -(-lines // LINES_PER_ORDER), "lines": lines, "skus": SKUS,
                  "lots": LOTS_PER_SKU}
        for statement in filter(str.strip, HISTORY.split(";")):
            used = {key: value for key, value in params.items() if f"%({key})s" in statement}
            conn.execute(statement, used or None)


def run(size, progress, *, asks: int = ASKS):
    from fastapi.testclient import TestClient

    from sync.hub.app import create_app
    from sync.hub.migrate import upgrade

    lines = size.history_lines
    name = f"bench_recall_{uuid.uuid4().hex[:10]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = url_of(name)
    try:
        upgrade(url)
        db, recall_id, token, ids = _world(url)
        db.dispose()
        _fill(name, ids, lines, progress)
        app = create_app(url)
        timings: dict[str, list[float]] = {"json": [], "csv": []}
        found = None
        with TestClient(app) as client:
            headers = {"Authorization": f"Bearer {token}"}
            for attempt in range(asks + 1):
                for kind in ("json", "csv"):
                    started = now()
                    response = client.get(f"/api/v1/recalls/{recall_id}/report", headers=headers,
                                          params={"format": kind})
                    seconds = now() - started
                    if response.status_code != 200:
                        raise RuntimeError(f"the report answered {response.status_code}: {response.text[:200]}")
                    if kind == "json":
                        found = len(response.json()["lines"])
                    if attempt:  # the first ask warms the caches and the app
                        timings[kind].append(seconds)
        app.state.db.dispose()
    finally:
        drop_database(name)
    expected = sum(1 for g in range(1, lines + 1) if g % SKUS == 42 and (g // SKUS) % LOTS_PER_SKU in (0, 1))
    problems = [] if found == expected else [f"the report listed {found} lines, not the {expected} sold"]
    metrics = []
    for kind, label in (("json", "recall report (JSON)"), ("csv", "recall report (CSV)")):
        samples = timings[kind]
        how = (f"GET /api/v1/recalls/{{id}}/report{'?format=csv' if kind == 'csv' else ''} over {lines:,} order "
               f"lines ({found:,} lines of the recalled lots), PostgreSQL; median of {len(samples)} asks after one "
               f"warm-up (worst {max(samples):.3f} s)")
        metrics.append(at_most(Metric(label, statistics.median(samples), "s", how=how), 1))
    return metrics, problems
