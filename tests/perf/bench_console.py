"""The web console's pages: p95 of a signed-in GET of each page from a real `pos-hub serve` (uvicorn) over HTTP,
on the seeded hub (100,000 products at full size) with the size's order history (1,000,000 lines at full size)
and the sync history those orders leave (one applied mutation each), plus rejected mutations, oversells,
promotions and codes for the health and promotion pages to list.

A page joins the group with one line in CONSOLE_PAGES; its row in the table follows from it.
"""

from __future__ import annotations

import re
import uuid

from tests.perf.metrics import Metric, at_most
from tests.perf.stats import now, p50, p95

TARGET_MS = 200
REJECTED = 300
PROMOTIONS = 120
CODES = 120

# (what the row calls the page, its URL); {store}, {promotion} are the bench store's and one of its promotions.
CONSOLE_PAGES: tuple[tuple[str, str], ...] = (
    ("stores", "/console/stores"),
    ("terminals", "/console/stores/{store}/terminals"),
    ("staff", "/console/stores/{store}/staff"),
    ("prices", "/console/stores/{store}/prices"),
    ("prices, searched", "/console/stores/{store}/prices?q=Kush"),
    ("sync health, all stores", "/console/health"),
    ("sync health", "/console/stores/{store}/health"),
    ("sync health, searched", "/console/stores/{store}/health?q=staff&acknowledged=true"),
    ("promotions", "/console/stores/{store}/promotions"),
    ("new promotion", "/console/stores/{store}/promotions/new"),
    ("edit promotion", "/console/stores/{store}/promotions/{promotion}/edit"),
    ("discount codes", "/console/stores/{store}/discount-codes"),
    ("catalog", "/console/catalog"),
    ("catalog, searched", "/console/catalog?q=Kush"),
    ("suppliers", "/console/suppliers"),
    ("tax rates", "/console/tax-rates"),
    ("purchase orders", "/console/stores/{store}/purchase-orders"),
    ("card batches", "/console/stores/{store}/card-batches"),
    ("audit trail", "/console/stores/{store}/audit"),
    ("age checks", "/console/stores/{store}/age-checks"),
    ("OCS reports", "/console/stores/{store}/reports/ocs"),
    # The order history starts on 2026-01-01 (bench_recalls: an order every 20 seconds).
    # The sales page (its summary) and the tables it then asks for, the heaviest ones: a week of history each.
    ("sales, a week", "/console/stores/{store}/sales?first=2026-01-01&last=2026-01-07"),
    ("sales, all stores, a week", "/console/sales?first=2026-01-01&last=2026-01-07"),
    ("sales by category", "/console/stores/{store}/sales/section?table=by_category&first=2026-01-01&last=2026-01-07"),
    ("sales by hour", "/console/stores/{store}/sales/section?table=by_hour&first=2026-01-01&last=2026-01-07"),
    ("sales tax", "/console/stores/{store}/sales/section?table=tax&first=2026-01-01&last=2026-01-07"),
    ("sales CSV, products", "/console/stores/{store}/sales/export?table=by_product&first=2026-01-01&last=2026-01-07"),
    # The whole history: the bench's 1,000,000 order lines are sold 2026-01-01 to 2026-02-27 (one order each 20 s).
    ("sales, all 1M lines", "/console/stores/{store}/sales?first=2026-01-01&last=2026-03-01"),
    ("sales by category, all 1M lines",
     "/console/stores/{store}/sales/section?table=by_category&first=2026-01-01&last=2026-03-01"),
)
FLOOR_URL = "/healthz"  # the same server and client answering with no page and no query: the floor of every row


def row_name(label: str) -> str:
    return f"console {label} p95"


ROWS = [(row_name(label), "ms", f"≤ {TARGET_MS} ms") for label, _url in CONSOLE_PAGES]

SYNC_HISTORY = """
INSERT INTO sync_clients (client_id, tenant_id, store_id, terminal_id, last_mutation_id, created_at, last_push_at)
VALUES (%(client)s, %(tenant)s, %(store)s, %(terminal)s, %(mutations)s, now(), now() - interval '1 hour');
INSERT INTO sync_mutations (client_id, mutation_id, store_id, name, hash, args, status, code, message, received_at)
SELECT %(client)s, g, %(store)s, 'order.completed.v1', md5('m' || g), '{}'::json,
       CASE WHEN g %% %(every)s = 0 THEN 'rejected' ELSE 'applied' END,
       CASE WHEN g %% %(every)s = 0 THEN 'unknown_staff' END,
       CASE WHEN g %% %(every)s = 0 THEN 'The hub has no such staff member in this tenant.' END,
       timestamp '2026-01-01' + g * interval '20 seconds'
FROM generate_series(1, %(mutations)s) AS g;
INSERT INTO oversell_events (id, store_id, sku, batch_lot, quantity_on_hand, resolved, created_at)
SELECT md5('v' || g)::uuid, %(store)s, 'SKU-' || g, 'LOT-' || g, -1, false, now() FROM generate_series(1, 50) AS g;
ANALYZE sync_mutations; ANALYZE sync_clients
"""


def _world(url: str) -> dict:
    """The bench store's ids, a terminal, and promotions and codes for the promotion pages (written as rows:
    checking them is the promotions group's work, not this one's)."""
    from decimal import Decimal

    from sqlalchemy import select

    from sync.hub.database import Database
    from sync.hub.models import DiscountCode, OcsProduct, Promotion, Store, Terminal, User
    from tests.perf.hub_env import STORE_CODE

    db = Database(url)
    try:
        with db.write() as session:
            store = session.scalar(select(Store).where(Store.store_code == STORE_CODE))
            terminal = Terminal(tenant_id=store.tenant_id, store_id=store.id, name="Bench till")
            session.add(terminal)
            category = session.scalar(select(OcsProduct.category).where(OcsProduct.tenant_id == store.tenant_id)
                                      .limit(1))
            for number in range(1, PROMOTIONS + 1):
                row = {"id": number, "name": f"Bench deal {number}", "kind": "percent_off", "percent": "5",
                       "applies_to": {"categories": [category]}, "priority": number % 7}
                session.add(Promotion(tenant_id=store.tenant_id, store_id=store.id if number % 2 else None,
                                      number=number, name=row["name"], promo_type="percent_off", value=Decimal(5),
                                      priority=row["priority"], definition=row))
            session.add_all(DiscountCode(tenant_id=store.tenant_id, code=f"BENCH{number:04d}", number=number,
                                         discount_type="fixed", discount_value=Decimal(2), usage_limit=100,
                                         usage_count=number % 100) for number in range(1, CODES + 1))
            session.flush()
            staff = session.scalar(select(User.id).where(User.store_id == store.id).limit(1))
            promotion = session.scalar(select(Promotion.id).where(Promotion.store_id == store.id).limit(1))
            return {"tenant": store.tenant_id, "store": store.id, "terminal": terminal.id,
                    "staff": staff or uuid.uuid4(), "promotion": promotion}
    finally:
        db.dispose()


def _fill(name: str, ids: dict, lines: int, progress) -> int:
    """The order history (the recall group's) and the sync history it leaves; the number of mutations."""
    import psycopg

    from sync.hub.analytics.rollup import REBUILD_POSTGRESQL
    from tests.perf import bench_recalls
    from tests.perf.pg import dsn_of

    bench_recalls._fill(name, {key: ids[key] for key in ("store", "terminal", "staff")}, lines, progress)
    with psycopg.connect(dsn_of(name), autocommit=True) as conn:  # rows written bare: made when they arrived,
        conn.execute("UPDATE orders SET sold_at = completed_at WHERE sold_at IS NULL")  # and summed per day as the
        conn.execute("DELETE FROM sales_sku_days")  # handlers would have (sync.hub.analytics.rollup)
        conn.execute("DELETE FROM sales_tax_days")
        for statement in REBUILD_POSTGRESQL.split(";"):
            conn.execute(statement.replace(":default_zone", "'America/Toronto'"))
        # As autovacuum leaves them after a load: the seeded catalogs had no statistics, and the planner then
        # believed a tenant had one product.
        for table in ("orders", "sales_sku_days", "sales_tax_days", "ocs_product_catalog", "accessories_catalog",
                      "accessory_categories"):
            conn.execute(f"ANALYZE {table}")
    mutations = -(-lines // bench_recalls.LINES_PER_ORDER)
    progress(f"writing {mutations:,} pushed mutations, {REJECTED} of them rejected")
    params = {**ids, "client": uuid.uuid4(), "mutations": mutations, "every": max(1, mutations // REJECTED)}
    with psycopg.connect(dsn_of(name), autocommit=True) as conn:
        for statement in filter(str.strip, SYNC_HISTORY.split(";")):
            used = {key: value for key, value in params.items() if f"%({key})s" in statement}
            conn.execute(statement, used or None)
    return mutations


def sign_in(client, login: str, password: str) -> None:
    page = client.get("/console/sign-in")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    done = client.post("/console/sign-in", data={"login": login, "password": password, "next": "/console/stores",
                                                 "csrf_token": token})
    if done.status_code != 303:
        raise RuntimeError(f"the demo owner could not sign in: {done.status_code} {done.text[:200]}")


def measure(client, urls: dict[str, str], samples: int) -> dict[str, list[float]]:
    """Each page asked in turn (so no page runs only on warm caches of its own), twice first to warm up."""
    timings: dict[str, list[float]] = {label: [] for label in urls}
    for attempt in range(samples + 2):
        for label, url in urls.items():
            started = now()
            response = client.get(url)
            elapsed = (now() - started) * 1000
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:200]}")
            if attempt >= 2:
                timings[label].append(elapsed)
    return timings


def run(size, progress, *, samples: int | None = None):
    import httpx

    from sync.hub.seed import DEMO_CONSOLE_LOGIN, DEMO_CONSOLE_PASSWORD
    from tests.perf.hub_env import HubProcess

    samples = samples or (100 if size.name == "full" else 20)
    with HubProcess(size, progress) as hub:
        ids = _world(hub.db_url)
        mutations = _fill(hub.database, ids, size.history_lines, progress)
        urls = {label: url.format(store=ids["store"], promotion=ids["promotion"]) for label, url in CONSOLE_PAGES}
        urls[FLOOR_URL] = FLOOR_URL
        with httpx.Client(base_url=hub.url, timeout=30) as client:
            sign_in(client, DEMO_CONSOLE_LOGIN, DEMO_CONSOLE_PASSWORD)
            progress(f"asking {len(urls)} pages {samples} times each")
            timings = measure(client, urls, samples)
    world = (f"{size.products:,} products, {size.history_lines:,} order lines, {mutations:,} pushed mutations "
             f"({REJECTED} rejected), {PROMOTIONS} promotions, {CODES} codes")
    floor = p95(timings.pop(FLOOR_URL))
    metrics = []
    for label, url in CONSOLE_PAGES:
        values = timings[label]
        how = (f"GET {url} signed in as the demo owner, over HTTP from pos-hub serve (uvicorn) on PostgreSQL with "
               f"{world}; {len(values)} asks after two warm-ups, p50 {p50(values):.1f} ms, worst "
               f"{max(values):.1f} ms; floor: GET {FLOOR_URL} p95 asked in turn with the pages")
        metrics.append(at_most(Metric(row_name(label), p95(values), "ms", floor=floor, how=how), TARGET_MS))
    return metrics, []
