"""Three terminal processes sell from the same scarce stock while their network flaps; once it settles the
hub and every terminal agree to the unit, no order is lost or doubled, and oversells match the ledger."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections import Counter, defaultdict

from sqlalchemy import select

from pos_app.persistence.models import OcsInventory, OcsProduct
from pos_app.persistence.stock import available_on_hand
from sync.hub.models import OcsInventory as HubLevel
from tests.e2e.harness import TerminalProcess, check_terminal
from tests.e2e.hub_checks import expected_oversells, levels, recorded_oversells, terminal_orders
from tests.sync.client.faults import FaultProxy
from tests.sync.client.tills import open_till

TERMINALS = 3
SALES_EACH = 25


def _scarce_products(till, count: int) -> list[tuple[str, str]]:
    """Low-stock products light enough that four units stay under the 30 g possession limit."""
    with till.terminal.session_factory() as session:
        rows = session.execute(
            select(OcsProduct.each_gtin, OcsProduct.ocs_variant_number, OcsProduct.dried_equivalent_g)
            .join(OcsInventory, OcsInventory.sku == OcsProduct.ocs_variant_number)
            .where(OcsInventory.quantity_on_hand.between(5, 30), OcsProduct.is_active.is_(True))
            .order_by(OcsInventory.quantity_on_hand, OcsProduct.ocs_variant_number)).all()
    light = [(code, sku) for code, sku, grams in rows if code and grams <= 7]
    assert len(light) >= count
    return light[:count]


def _flap(proxies: list[FaultProxy], stop: threading.Event, rng: random.Random, log: Counter) -> None:
    while not stop.is_set():
        proxy = rng.choice(proxies)
        action = rng.choice(("down", "up", "up", "drop"))
        if action == "down" and proxy.is_up:
            proxy.down()
        elif action == "up" and not proxy.is_up:
            proxy.up()
        elif action == "drop":
            proxy.drop_answers(1)
        log[action] += 1
        stop.wait(rng.uniform(0.05, 0.4))
    for proxy in proxies:
        if not proxy.is_up:
            proxy.up()


def _local_movements(db_path) -> tuple[dict[str, int], dict[str, int], Counter]:
    db = sqlite3.connect(db_path)
    try:
        sold = dict(db.execute("SELECT sku, sum(quantity) FROM order_items GROUP BY sku").fetchall())
        back = dict(db.execute(
            "SELECT i.sku, sum(r.quantity) FROM order_refund_items r JOIN order_items i ON i.id = r.order_item_id "
            "WHERE r.restock GROUP BY i.sku").fetchall())
        orders = Counter(row[0] for row in db.execute("SELECT order_number FROM orders"))
        return sold, back, orders
    finally:
        db.close()


def test_three_terminals_on_flapping_networks_converge_exactly(hub, make_till, record_property):
    proxies = [FaultProxy(hub.port).up() for _ in range(TERMINALS)]
    tills = [make_till(proxy.url, hub_timeout=3) for proxy in proxies]
    products = _scarce_products(tills[0], 3)
    codes, skus = [code for code, _ in products], [sku for _, sku in products]
    store_id = tills[0].terminal.context.store_id
    folders = [till.folder for till in tills]
    identities = [till.sync.overview().client_id for till in tills]
    for till in tills:
        till.close()
    initial = levels(hub, store_id, skus)

    stop, flaps = threading.Event(), Counter()
    flapper = threading.Thread(target=_flap, args=(proxies, stop, random.Random(7), flaps), daemon=True)
    processes = [TerminalProcess.start(folder, codes, sales=SALES_EACH, seed=number, extra=(
        "--pause", "0.1", "--refund-share", "0.2", "--settle", "90", "--hub-timeout", "2"))
        for number, folder in enumerate(folders)]
    flapper.start()
    deadline = time.monotonic() + 120
    while any(len(p.completed()) < SALES_EACH for p in processes) and time.monotonic() < deadline:
        assert all(p.process.poll() in (None, 0) for p in processes), [p.stderr() for p in processes]
        time.sleep(0.1)
    stop.set()
    flapper.join(5)
    for process in processes:
        assert process.finish(120) == 0, process.stderr()
        assert process.seen("SETTLED")

    for folder in folders:  # the last pushes of the others came after each one settled: pull once more
        till = open_till(folder)
        till.sync.engine.pull()
        till.close()
    for proxy in proxies:
        proxy.down()

    sold, back, orders = defaultdict(int), defaultdict(int), Counter()
    for folder, process in zip(folders, processes, strict=True):
        check_terminal(folder / "terminal.db", process.completed())
        s, b, o = _local_movements(folder / "terminal.db")
        for sku, quantity in s.items():
            sold[sku] += quantity
        for sku, quantity in b.items():
            back[sku] += quantity
        orders += o
    after = levels(hub, store_id, skus)
    assert after == {sku: initial[sku] - sold[sku] + back[sku] for sku in skus}
    assert any(after[sku] < 0 for sku in skus), "the stock was scarce enough to oversell"

    hub_orders = Counter()
    for folder in folders:
        db = sqlite3.connect(folder / "terminal.db")
        terminal_id = db.execute("SELECT terminal_id FROM sync_state").fetchone()[0]
        db.close()
        import uuid

        hub_orders += terminal_orders(hub, uuid.UUID(terminal_id))
    assert hub_orders == orders and all(count == 1 for count in orders.values())

    with hub.db.read() as session:
        hub_view = {row.sku: row.quantity_on_hand for row in session.scalars(
            select(HubLevel).where(HubLevel.store_id == store_id))}
    for folder in folders:
        till = open_till(folder)
        with till.terminal.session_factory() as session:
            assert available_on_hand(session, store_id) == hub_view, f"{folder.name} sees other stock than the hub"
        till.close()

    assert recorded_oversells(hub, store_id, skus) == expected_oversells(hub, store_id, skus)
    record_property("flaps", dict(flaps))
    print(f"\n{sum(orders.values())} orders from {TERMINALS} terminals, {sum(back.values())} units refunded, "
          f"flaps {dict(flaps)}, levels {initial} -> {after}, identities {len(set(identities))}")
