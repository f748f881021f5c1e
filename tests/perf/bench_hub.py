"""Hub ingest: `order.completed.v1` (each after its age check) pushed by 10 concurrent terminals, each paired
with its own client id and token, in batches of 100 through the real HTTP API to `pos-hub serve` on PostgreSQL.

Floor: the same kind of rows (orders, items, payments, stock deltas) written with raw psycopg executemany into
the same database, 50 orders a transaction.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter

import httpx

from tests.perf.hub_env import HubProcess
from tests.perf.metrics import Metric, at_least
from tests.perf.sale_factory import PER_SALE, make_templates, mutations, sales_for
from tests.perf.stats import now
from tests.perf.terminal_env import open_bench_terminal, scan_codes

BATCH = 100  # the pusher's batch size (sync.protocol.MAX_BATCH)
TEMPLATES = 20


def pair_clients(hub: HubProcess, count: int) -> list[tuple[uuid.UUID, str]]:
    from sync.client.transport import HubClient
    from sync.protocol import PairRequest

    client = HubClient(hub.url)
    try:
        paired = []
        for number in range(count):
            client_id = uuid.uuid4()
            answer = client.pair(PairRequest(pairing_code=hub.pairing_code(), terminal_name=f"bench till {number}",
                                             client_id=client_id))
            paired.append((client_id, answer.token))
        return paired
    finally:
        client.close()


def push_bodies(client_id: uuid.UUID, rows: list[dict], batch_size: int = BATCH) -> list[bytes]:
    """The push requests a terminal's pusher sends, serialised up front so the clients cost the hub little CPU."""
    from sync.protocol import PROTOCOL_VERSION, Mutation, PushRequest

    bodies = []
    for start in range(0, len(rows), batch_size):
        batch = [Mutation(id=r["mutation_id"], name=r["name"], args=r["args"], hash=r["hash"])
                 for r in rows[start:start + batch_size]]
        bodies.append(PushRequest(client_id=client_id, schema_version=PROTOCOL_VERSION,
                                  mutations=batch).model_dump_json().encode())
    return bodies


def push_all(url: str, token: str, bodies: list[bytes], statuses: Counter, lock: threading.Lock,
             errors: list[str], deadline: float = float("inf")) -> None:
    with httpx.Client(base_url=url, timeout=120) as http:
        for body in bodies:
            if now() > deadline:  # bounded in time as well as in count
                return
            try:
                response = http.post("/sync/v1/push", content=body, headers={
                    "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__}: {error}")
                return
            if response.status_code != 200:
                errors.append(f"HTTP {response.status_code}: {response.text[:120]}")
                return
            counted = Counter(result["status"] for result in response.json()["results"])
            with lock:
                statuses.update(counted)


def ingest(hub: HubProcess, templates, size, progress) -> tuple[float, Counter, list[str]]:
    """Push until every sale is in or the time budget is spent; returns (seconds, result counts, errors)."""
    clients = pair_clients(hub, size.ingest_terminals)
    per_terminal = size.ingest_orders // size.ingest_terminals
    work = []
    for number, (client_id, token) in enumerate(clients):
        rows = mutations(sales_for(templates, terminal_no=20 + number, count=per_terminal))
        work.append((token, push_bodies(client_id, rows, size.ingest_batch)))
    statuses: Counter = Counter()
    errors: list[str] = []
    lock = threading.Lock()
    deadline = now() + size.time_budget_s
    threads = [threading.Thread(target=push_all, args=(hub.url, token, bodies, statuses, lock, errors, deadline))
               for token, bodies in work]
    progress(f"{size.ingest_terminals} terminals push {per_terminal * size.ingest_terminals:,} sales "
             f"({PER_SALE} mutations each)")
    started = now()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return now() - started, statuses, errors


def floor_inserts(hub: HubProcess, templates, orders: int) -> float:
    """Raw psycopg: the same rows an ingested sale writes, without the API, validation or locking."""
    import psycopg

    from tests.perf import pg

    with psycopg.connect(pg.dsn_of(hub.database)) as conn:
        store_id = conn.execute("SELECT id FROM stores WHERE store_code = 'ON001'").fetchone()[0]
        sales = [order for _age, order in sales_for(templates, terminal_no=90, count=orders)]
        started = now()
        for start in range(0, len(sales), 50):
            chunk = sales[start:start + 50]
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO orders (id, order_number, store_id, staff_id, sale_id, status, order_type, subtotal,"
                    " discount_amount, tax_amount, total_amount, cash_rounding, change_due, tax_breakdown,"
                    " dried_equivalent_g, payment_status, payment_method, created_at, updated_at, completed_at)"
                    " VALUES (%s, %s, %s, %s, %s, 'completed', 'in-store', %s, %s, %s, %s, %s, %s, %s, %s, 'paid',"
                    " 'cash', now(), now(), now())",
                    [(o["order_id"], o["order_number"], store_id, o["staff_id"], o["sale_id"], o["subtotal_cents"],
                      o["discount_amount_cents"], o["tax_amount_cents"], o["total_amount_cents"],
                      o["cash_rounding_cents"], o["change_due_cents"], json.dumps(o["tax_components_cents"]),
                      o["dried_equivalent_grams"]) for o in chunk])
                cur.executemany(
                    "INSERT INTO order_items (id, order_id, line_no, sku, product_name, quantity, unit_price,"
                    " price_version, discount_amount, taxable_amount, tax_amount, tax_breakdown, line_total,"
                    " is_cannabis, dried_equivalent_g) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
                    " %s, %s)",
                    [(line["line_id"], o["order_id"], n, line["sku"], line["name"], line["quantity"],
                      line["unit_price_cents"], line["price_version"], line["discount_cents"],
                      line["taxable_amount_cents"], sum(line["taxes_cents"].values()), json.dumps(line["taxes_cents"]),
                      line["line_total_cents"], line["is_cannabis"], line["dried_equivalent_grams"])
                     for o in chunk for n, line in enumerate(o["lines"], start=1)])
                cur.executemany(
                    "INSERT INTO payment_transactions (id, store_id, order_id, provider, amount, currency, status,"
                    " payment_method, tendered_amount, created_at, updated_at) VALUES (%s, %s, %s, 'cash', %s,"
                    " 'CAD', 'captured', 'cash', %s, now(), now())",
                    [(uuid.uuid4(), store_id, o["order_id"], o["total_amount_cents"],
                      o["tenders"][0]["amount_cents"]) for o in chunk])
                cur.executemany(
                    "INSERT INTO ocs_inventory_transactions (id, store_id, sku, batch_lot, transaction_type, quantity,"
                    " reference_type, reference_id, line_id, staff_id, created_at, occurred_at) VALUES (%s, %s, %s, %s,"
                    " 'sale', %s, 'order', %s, %s, %s, now(), now())",
                    [(uuid.uuid4(), store_id, d["sku"], d["batch_lot"], d["quantity_delta"], o["order_id"],
                      d["line_id"], o["staff_id"]) for o in chunk for d in o["inventory_deltas"]])
        return now() - started


def run(size, progress):
    terminal = open_bench_terminal(size, "hub_templates", progress)
    try:
        templates = make_templates(terminal, TEMPLATES, scan_codes(terminal.settings.db_path, TEMPLATES * 2, seed=5))
    finally:
        terminal.close()
    with HubProcess(size, progress) as hub:
        seconds, statuses, errors = ingest(hub, templates, size, progress)
        offered = (size.ingest_orders // size.ingest_terminals) * size.ingest_terminals
        orders = sum(statuses.values()) // PER_SALE
        floor_seconds = floor_inserts(hub, templates, offered)
    rate, floor_rate = orders / seconds * 60, offered / floor_seconds * 60
    problems = []
    if statuses.get("rejected") or errors:
        problems.append(f"hub ingest: {statuses.get('rejected', 0)} mutations rejected, {len(errors)} pushes failed "
                        f"({'; '.join(errors[:2])}): a run with rejections is a broken benchmark")
    if orders < offered:
        problems.append(f"hub ingest: only {orders:,} of {offered:,} sales were pushed within the "
                        f"{size.time_budget_s} s budget; the rate is over those")
    how = (f"{orders:,} of {offered:,} sales (bounded by {size.time_budget_s} s; {orders * PER_SALE:,} mutations: "
           f"age check, then order) pushed by {size.ingest_terminals} threads, each a paired client with its own "
           f"token, in batches of {size.ingest_batch} to "
           f"`pos-hub serve` (uvicorn, PostgreSQL); results {dict(statuses)}; floor: raw psycopg executemany of "
           "the orders, items, payments and stock deltas, 50 orders a transaction")
    metric = Metric("hub ingest", rate, "orders/min", floor=floor_rate, how=how,
                    extra={"seconds": round(seconds, 2), "statuses": dict(statuses), "push_errors": errors[:5]})
    return [at_least(metric, 30_000)], problems
