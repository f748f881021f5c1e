"""Terminal ↔ hub through the product's sync client (SyncService, SyncEngine, SyncRunner) and `pos-hub serve`.

- bootstrap: a fresh terminal folder is paired and pulls the store's whole catalog, then loads its context
  and scans one code: ready to sell.
- push latency: one sale (age check + order) pushed by the terminal's engine, p95.
- propagation: a sale on terminal A, pushed; terminal B's runner (long-poll pull) brings the new level into
  B's local stock; from A's completed sale until B reads the lower level, p50 and p95.
- backlog drain: sales queued in a terminal's outbox while it was offline, drained by its runner.
"""

from __future__ import annotations

import shutil
import time

from sqlalchemy import insert, update

from tests.perf.bootstrap_floor import bootstrap_floor
from tests.perf.datagen import WORK_DIR
from tests.perf.hub_env import HubProcess
from tests.perf.metrics import Metric, at_most
from tests.perf.sale_factory import PER_SALE, make_templates, mutations, sales_for
from tests.perf.stats import ms_since, now, p50, p95
from tests.perf.terminal_env import cashier, on_bench_clock, ring_up, scan_codes, sellable_items


def bootstrap(hub: HubProcess, folder, progress) -> tuple[float, object]:
    from tests.sync.client.tills import open_till

    shutil.rmtree(folder, ignore_errors=True)
    started = now()
    till = open_till(folder, hub_timeout=120)
    till.sync.pair(hub.url, hub.pairing_code(), terminal_no=30)
    report = till.sync.bootstrap()
    on_bench_clock(till.terminal)
    code = sellable_items(till.terminal.settings.db_path)[0][0]
    till.terminal.sales.start_sale(cashier(till.terminal))
    till.terminal.sales.scan(code)
    seconds = now() - started
    till.terminal.sales.cancel_sale()
    progress(f"bootstrap: {seconds:.1f} s ({report})")
    return seconds, till


def paired_copy(hub: HubProcess, template, name: str, number: int):
    from tests.sync.client.tills import copy_as_new_terminal, open_till

    folder = WORK_DIR / name
    shutil.rmtree(folder, ignore_errors=True)
    copy_as_new_terminal(template, folder)
    till = open_till(folder, hub_timeout=120)
    till.sync.pair(hub.url, hub.pairing_code(), terminal_no=number)
    till.sync.bootstrap()
    on_bench_clock(till.terminal)
    return till


def sell(till, code: str) -> None:
    """One sale of one unit on the data's day, as the register rings it up."""
    ring_up(till.terminal, cashier(till.terminal), [code])
    till.terminal.sales.complete()


def push_latency(till, codes, samples: int, progress) -> tuple[list[float], int]:
    rejected = 0
    latencies = []
    for index in range(samples):
        sell(till, codes[index % len(codes)])
        started = now()
        report = till.sync.engine.push()
        latencies.append(ms_since(started))
        rejected += report.rejected
    progress(f"push latency: {samples} one-sale pushes")
    return latencies, rejected


def propagation(seller, watcher, codes, samples: int, budget_s: float, progress) -> list[float]:
    runner = watcher.sync.runner()
    runner.start()
    try:
        time.sleep(1.0)  # the watcher's long-poll is in place, as on a till that has been up a while
        delays = []
        for index in range(samples):
            sku = codes[index % len(codes)][1]
            before = watcher.stock(sku)
            sell(seller, codes[index % len(codes)][0])
            started = now()
            seller.sync.engine.push()
            deadline = started + budget_s
            while watcher.stock(sku) >= before and now() < deadline:
                time.sleep(0.01)
            if watcher.stock(sku) >= before:
                raise RuntimeError(f"terminal B did not see the sale within {budget_s:.0f} s")
            delays.append(now() - started)
        progress(f"propagation: {samples} sales seen by terminal B")
        return delays
    finally:
        runner.stop()


def backlog_drain(till, templates, count: int, budget_s: float, progress) -> tuple[float, int, int]:
    """Queue `count` sales in the outbox as an offline till would have, then let its runner drain them."""
    from pos_app.persistence.models import SyncOutbox, SyncState

    overview = till.sync.overview()
    assert overview.pending == 0
    with till.terminal.session_factory() as session:
        state = session.get(SyncState, 1)
        first = state.next_mutation_id
        rows = mutations(sales_for(templates, terminal_no=till.terminal.context.terminal_no, count=count,
                                   first_seq=500_000), first_id=first)
        session.execute(insert(SyncOutbox), rows)
        session.execute(update(SyncState).values(next_mutation_id=first + len(rows)))
        session.commit()
    progress(f"backlog: {count:,} sales ({len(rows):,} mutations) queued; draining")
    runner = till.sync.runner()
    started = now()
    runner.start()
    try:
        while till.sync.overview().pending and now() - started < budget_s:
            time.sleep(0.1)
    finally:
        runner.stop()
    seconds = now() - started
    left = till.sync.overview().pending
    return seconds, len(rows) - left, till.sync.overview().rejected


def run(size, progress):
    from tests.perf.terminal_env import open_bench_terminal

    templates_terminal = open_bench_terminal(size, "sync_templates", progress)
    try:
        templates = make_templates(templates_terminal, 10,
                                   scan_codes(templates_terminal.settings.db_path, 20, seed=6))
    finally:
        templates_terminal.close()
    problems: list[str] = []
    tills = []
    with HubProcess(size, progress) as hub:
        try:
            boot_seconds, fresh = bootstrap(hub, WORK_DIR / "sync_fresh", progress)
            fresh.close()
            floor_seconds, floor_rows = bootstrap_floor(WORK_DIR / "sync_fresh" / "terminal.db", WORK_DIR)
            progress(f"bootstrap floor: {floor_seconds:.1f} s for {floor_rows:,} rows")
            seller = paired_copy(hub, WORK_DIR / "sync_fresh", "sync_a", 31)
            watcher = paired_copy(hub, WORK_DIR / "sync_fresh", "sync_b", 32)
            drainer = paired_copy(hub, WORK_DIR / "sync_fresh", "sync_c", 33)
            tills += [seller, watcher, drainer]
            codes = sellable_items(seller.terminal.settings.db_path, min_on_hand=50)[:20]
            latencies, rejected = push_latency(seller, [c for c, _ in codes], size.push_samples, progress)
            delays = propagation(seller, watcher, codes, size.propagation_samples, 30, progress)
            drain_s, drained, drain_rejected = backlog_drain(drainer, templates, size.backlog,
                                                             size.time_budget_s, progress)
        finally:
            for till in tills:
                till.close()
    total = size.backlog * PER_SALE
    if rejected or drain_rejected:
        problems.append(f"sync: {rejected + drain_rejected} mutations rejected: a broken benchmark")
    drain_value = drain_s if drained == total else drain_s * total / max(drained, 1)
    if drained < total:
        problems.append(f"backlog drain: {drained:,} of {total:,} mutations in the {size.time_budget_s} s budget; "
                        f"the figure is extrapolated at that rate")
    how_push = (f"{len(latencies)} pushes of one sale (age check + order) by the terminal's SyncEngine.push to "
                "`pos-hub serve` on PostgreSQL; p95")
    how_prop = (f"{len(delays)} sales on terminal A pushed at once; terminal B's SyncRunner (long-poll pull) "
                "brings the level into its SQLite; from A's push until B's available_on_hand drops")
    how_boot = ("a fresh terminal folder: pair + SyncService.bootstrap (pull of the whole store) + context + one "
                f"scan; {size.products:,} products; floor: the {floor_rows:,} rows it wrote, inserted again by "
                "plain sqlite3 into empty copies of their tables and indexes in one transaction")
    how_drain = (f"{size.backlog:,} sales ({total:,} mutations) queued in the outbox, drained by the terminal's "
                 f"SyncRunner with its default intervals; bounded by {size.time_budget_s} s")
    return [at_most(Metric("push latency p95", p95(latencies), "ms", how=how_push, extra={"p50": p50(latencies)}),
                    50),
            Metric("propagation p50", p50(delays), "s", how=how_prop),
            at_most(Metric("propagation p95", p95(delays), "s", how=how_prop), 2),
            at_most(Metric("bootstrap", boot_seconds, "s", floor=floor_seconds, how=how_boot), 15),
            at_most(Metric("backlog drain", drain_value, "s", how=how_drain,
                           extra={"drained": drained, "of": total, "seconds": round(drain_s, 1)}), 30)], problems
