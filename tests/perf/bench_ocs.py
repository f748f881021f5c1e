"""OCS daily report: `GET /api/v1/stores/{id}/reports/ocs-daily?date=...` for a store with 1,000,000 order lines of
history at full size (the `history_lines` of the size), and its list of days.

The history is made in PostgreSQL with generate_series (setup, not measured), reusing the recall bench's orders
and lines (2,000 SKUs, four lines an order, a sale every 20 seconds from 2026-01-01), plus one ledger row per
line as the sale handler writes it, a receipt per SKU before the first sale, and an export of every day the
morning after it (so the list of days checks each exported day against the rows written since). The ledger is
vacuumed, as autovacuum keeps a live one. The day asked is the history's last full day, so its opening sums nearly
the whole ledger. Timed end to end through the admin API in process.
"""

from __future__ import annotations

import statistics
import uuid
from datetime import date, datetime, timedelta

from tests.perf import bench_recalls
from tests.perf.metrics import Metric, at_most
from tests.perf.pg import admin_connection, drop_database, dsn_of, url_of
from tests.perf.stats import now

ASKS = 5
START = datetime(2026, 1, 1)
SECONDS_PER_ORDER = 20

LEDGER = """
INSERT INTO ocs_product_catalog (id, tenant_id, ocs_variant_number, ocs_product_name, product_name, brand_name,
                                 category, product_form, net_content, unit_of_measure, case_quantity,
                                 price_per_unit, price_version, is_active, version, created_at, updated_at)
SELECT md5('p' || s)::uuid, %(tenant)s, 'SKU-' || s, 'Bench Flower 3.5 g', 'Bench Flower 3.5 g', 'Bench', 'Flower',
       'dried_flower', '3.5', 'g', 1, 3099, 1, true, 0, now(), now()
FROM generate_series(0, %(skus)s - 1) AS s;
INSERT INTO ocs_inventory_transactions (id, store_id, sku, transaction_type, quantity, reference_type, created_at,
                                        occurred_at)
SELECT md5('r' || s)::uuid, %(store)s, 'SKU-' || s, 'receipt', 1000000, 'purchase_order',
       timestamp '2025-12-31 12:00', timestamp '2025-12-31 12:00'
FROM generate_series(0, %(skus)s - 1) AS s;
INSERT INTO ocs_inventory_transactions (id, store_id, sku, transaction_type, quantity, reference_type, reference_id,
                                        line_id, created_at, occurred_at)
SELECT md5('t' || g)::uuid, %(store)s, 'SKU-' || (g %% %(skus)s), 'sale', -1, 'order',
       md5('o' || ((g - 1) / 4 + 1))::uuid, md5('i' || g)::uuid,
       timestamp '2026-01-01' + ((g - 1) / 4 + 1) * interval '20 seconds',
       timestamp '2026-01-01' + ((g - 1) / 4 + 1) * interval '20 seconds'
FROM generate_series(1, %(lines)s) AS g;
VACUUM ANALYZE ocs_inventory_transactions; ANALYZE ocs_product_catalog;
INSERT INTO ocs_report_exports (id, store_id, business_date, province, exported_at, exported_by, sha256, rows,
                                content)
SELECT md5('e' || d)::uuid, %(store)s, d::date, 'ON', d + interval '1 day 11 hours', 'bench', repeat('0', 64), 0, ''
FROM generate_series(timestamp '2026-01-01', %(last)s::timestamp - interval '1 day', interval '1 day') AS d;
ANALYZE ocs_report_exports;
"""


def _ledger(name: str, ids: dict, tenant_id, lines: int, progress) -> None:
    import psycopg

    progress(f"writing {lines:,} ledger rows with generate_series, and an export of every day the morning after")
    with psycopg.connect(dsn_of(name), autocommit=True) as conn:
        params = {"store": ids["store"], "tenant": tenant_id, "skus": bench_recalls.SKUS, "lines": lines,
                  "last": last_full_day(lines).isoformat()}
        for statement in filter(str.strip, LEDGER.split(";")):
            conn.execute(statement, {k: v for k, v in params.items() if f"%({k})s" in statement} or None)


def last_full_day(lines: int) -> date:
    orders = -(-lines // bench_recalls.LINES_PER_ORDER)
    return (START + timedelta(seconds=orders * SECONDS_PER_ORDER)).date() - timedelta(days=1)


def run(size, progress, *, asks: int = ASKS):
    from fastapi.testclient import TestClient

    from sync.hub.app import create_app
    from sync.hub.migrate import upgrade
    from sync.hub.models import Store

    lines = size.history_lines
    name = f"bench_ocs_{uuid.uuid4().hex[:10]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = url_of(name)
    day = last_full_day(lines)
    back = max((datetime.now().date() - day).days - 15, 0)  # a page of days with the exported one in its middle
    try:
        upgrade(url)
        db, _recall, token, ids = bench_recalls._world(url)
        with db.read() as session:
            tenant_id = session.get(Store, ids["store"]).tenant_id
        db.dispose()
        bench_recalls._fill(name, ids, lines, progress)
        _ledger(name, ids, tenant_id, lines, progress)
        app = create_app(url)
        timings: dict[str, list[float]] = {"file": [], "days": []}
        skus = None
        with TestClient(app) as client:
            headers = {"Authorization": f"Bearer {token}"}
            base = f"/api/v1/stores/{ids['store']}/reports/ocs-daily"
            for attempt in range(asks + 1):
                started = now()
                response = client.get(base, headers=headers, params={"date": day.isoformat()})
                seconds = now() - started
                if response.status_code != 200:
                    raise RuntimeError(f"the report answered {response.status_code}: {response.text[:300]}")
                skus = response.text.count("\n") - 1
                started = now()
                listing = client.get(f"{base}/days", headers=headers, params={"limit": 31, "offset": back})
                listed = now() - started
                if listing.status_code != 200:
                    raise RuntimeError(f"the days answered {listing.status_code}: {listing.text[:300]}")
                if attempt:
                    timings["file"].append(seconds)
                    timings["days"].append(listed)
        app.state.db.dispose()
    finally:
        drop_database(name)
    problems = [] if skus == bench_recalls.SKUS else [f"the file had {skus} SKUs, not {bench_recalls.SKUS}"]
    file_how = (f"GET .../reports/ocs-daily?date={day} over {lines:,} order lines and as many ledger rows, "
                f"{skus} SKUs, PostgreSQL; median of {len(timings['file'])} asks after one warm-up (worst "
                f"{max(timings['file']):.3f} s)")
    days_how = (f"GET .../reports/ocs-daily/days?limit=31, a page of days each exported the morning after; median of "
                f"{len(timings['days'])} (worst {max(timings['days']):.3f} s)")
    return [at_most(Metric("OCS daily report", statistics.median(timings["file"]), "s", how=file_how), 2),
            at_most(Metric("OCS report days listed", statistics.median(timings["days"]), "s", how=days_how), 1)
            ], problems
