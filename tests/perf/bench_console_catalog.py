"""The console's Catalog page over a tenant of 100,000 products at full size (the size's `products`), in three
stores that each stock a third of them.

The catalog and the stock are made in PostgreSQL itself with generate_series (setup, not measured). An owner signed
in to the console asks for pages as a person would, over FastAPI's test client, end to end (query, stock of the
page, rendering): the first page, deep pages (the 100th and the last one served, the 200th), a word many names
hold, a word none does (every name read), a SKU and a GTIN.
"""

from __future__ import annotations

import statistics
import uuid

from tests.perf.metrics import Metric, at_most
from tests.perf.pg import admin_connection, drop_database, dsn_of, url_of
from tests.perf.stats import now

STORES = 3
ASKS = 5
GTIN_OF_PRODUCT_42 = "00628123456797"

CATALOG = """
INSERT INTO ocs_product_catalog (id, tenant_id, ocs_variant_number, ocs_product_name, product_name, brand_name,
                                 category, product_form, net_content, unit_of_measure, case_quantity, price_per_unit,
                                 price_version, is_active, version, created_at, updated_at)
SELECT md5('p' || g)::uuid, %(tenant)s, 'OCS-' || lpad(g::text, 7, '0'),
       'Brand ' || (g %% 300) || ' - ' || (ARRAY['Pink Kush', 'Blue Dream', 'Gelato', 'Wedding Cake', 'Tangie',
           'Jack Herer', 'Sour Diesel', 'Durban Poison'])[g %% 8 + 1] || ' ' || g,
       (ARRAY['Pink Kush', 'Blue Dream', 'Gelato', 'Wedding Cake', 'Tangie', 'Jack Herer', 'Sour Diesel',
           'Durban Poison'])[g %% 8 + 1] || ' ' || g,
       'Brand ' || (g %% 300), 'Flower', 'dried_flower', '3.5', 'g', 1, 2999 + g %% 2000, 1, true, 0, now(), now()
FROM generate_series(1, %(products)s) AS g;
UPDATE ocs_product_catalog SET each_gtin = %(gtin)s WHERE ocs_variant_number = 'OCS-0000042';
INSERT INTO ocs_inventory (id, store_id, sku, product_name, quantity_on_hand, quantity_available, quantity_reserved,
                           unit_cost, reorder_point, reorder_quantity, min_stock_level, max_stock_level, is_available,
                           version, created_at, updated_at)
SELECT md5('i' || s.n || '-' || g)::uuid, s.id, 'OCS-' || lpad(g::text, 7, '0'), 'stocked', g %% 40, g %% 40, 0, 1500,
       0, 0, 0, 0, true, 0, now(), now()
FROM generate_series(1, %(products)s) AS g
JOIN (SELECT id, row_number() OVER (ORDER BY store_code) - 1 AS n FROM stores WHERE tenant_id = %(tenant)s) AS s
  ON g %% 3 = s.n;
ANALYZE ocs_product_catalog; ANALYZE ocs_inventory;
"""


def _world(url: str):
    """A tenant with its owner (a password set) and three stores: (tenant id, owner's login)."""
    from sync.hub import accounts, tenancy
    from sync.hub.database import Database
    from tests.sync.console.conftest import PASSWORD

    db = Database(url)
    try:
        with db.write() as session:
            made = accounts.create_tenant(session, name="Bench", code="BENCH", province_code="ON")
            accounts.set_password_with_token(session, made.password_token, PASSWORD, PASSWORD)
            scope = tenancy.Scope(made.tenant.id, via="cli")
            for n in range(1, STORES + 1):
                tenancy.create_store(session, scope, store_code=f"ON00{n}", name=f"Store {n}", province_code="ON")
            return made.tenant.id, made.owner.username
    finally:
        db.dispose()


def _fill(name: str, tenant_id: uuid.UUID, products: int, progress) -> None:
    import psycopg

    progress(f"writing {products:,} products and their stock in {STORES} stores with generate_series")
    with psycopg.connect(dsn_of(name), autocommit=True) as conn:
        params = {"tenant": tenant_id, "products": products, "gtin": GTIN_OF_PRODUCT_42}
        for statement in filter(str.strip, CATALOG.split(";")):
            used = {key: value for key, value in params.items() if f"%({key})s" in statement}
            conn.execute(statement, used or None)


def asked(products: int) -> dict[str, int]:
    """What a person asks -> how many rows the page must show (deep pages: the middle one and the last served)."""
    last = min(200, products // 50)
    return {"/console/catalog": 50, f"/console/catalog?page={last // 2}": 50, f"/console/catalog?page={last}": 50,
            "/console/catalog?q=gelato": 50, "/console/catalog?q=nothing-called-this": 0,
            "/console/catalog?q=OCS-0000042": 1, f"/console/catalog?q={GTIN_OF_PRODUCT_42}": 1}


def run(size, progress, *, asks: int = ASKS):
    from sync.hub.app import create_app
    from sync.hub.migrate import upgrade
    from tests.sync.console.conftest import console_as

    name = f"bench_console_catalog_{uuid.uuid4().hex[:10]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = url_of(name)
    problems: list[str] = []
    samples: list[float] = []
    try:
        upgrade(url)
        tenant_id, owner = _world(url)
        _fill(name, tenant_id, size.products, progress)
        app = create_app(url)
        person = console_as(app, owner)
        for attempt in range(asks + 1):
            for page, rows in asked(size.products).items():
                started = now()
                response = person.get(page)
                seconds = now() - started
                shown = response.text.count('href="/console/catalog/cannabis/')
                if response.status_code != 200 or shown != rows:
                    problems.append(f"{page} answered {response.status_code} with {shown} rows, not {rows}")
                if attempt:  # the first round warms the caches and the app
                    samples.append(seconds * 1000)
        person.http.close()
        app.state.db.dispose()
    finally:
        drop_database(name)
    samples.sort()
    how = (f"GET /console/catalog signed in as the owner, over {size.products:,} products in {STORES} stores, "
           "PostgreSQL: the first page, the middle one and the last served, a common word, a word no name holds, "
           f"a SKU, a GTIN; {len(samples)} asks after one warm-up round")
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return [Metric("console catalog page p50", statistics.median(samples), "ms", how=how),
            at_most(Metric("console catalog page p95", p95, "ms", how=how), 250)], sorted(set(problems))
