"""Scan → line shown: the register's scan (SaleService.scan) plus the cart model's update and repaint.

Then the same with 1,000 active promotions in the replica (the promotions group's, over this store's own SKUs,
brands and categories): every scan re-prices the whole cart, and the carts grow to 50 lines.
Floor: the indexed SQLite lookup of the same GTIN with plain sqlite3.
"""

from __future__ import annotations

from datetime import time

from tests.perf.bench_promotions import file_row
from tests.perf.metrics import Metric, at_most
from tests.perf.stats import cpu_ms_since, cpu_now, ms_since, now, p50, p99
from tests.perf.terminal_env import bare_connection, cashier, open_bench_terminal, scan_codes

LINES_PER_SALE = 5  # a basket; the cart is emptied (untimed) after this many scans
LINES_WITH_PROMOTIONS = 50  # the promotions' worst case: a big order, re-priced whole on every scan
LEGAL_GRAMS = 30  # of dried equivalent in one sale


def build_panel(terminal):
    from pos_app.ui.app import qt_application
    from pos_app.ui.register.sale_panel import SalePanel

    app = qt_application(terminal.settings.theme)
    panel = SalePanel(terminal.sales, terminal.catalog, [c.code for c in terminal.context.tax_components])
    panel.can_sell = lambda: None  # a shift is open: selling is allowed
    panel.resize(1024, 600)
    panel.show()
    app.processEvents()
    return app, panel


def timed_scans(terminal, codes, progress, lines_per_sale: int = LINES_PER_SALE,
                cpu: list[float] | None = None) -> tuple[list[float], int]:
    """Each scan's time to the line on screen, in ms, and how many were refused; `cpu`, if given, gets each
    scan's CPU time (this thread's: the scan, the model, the layout and the paint all run on it)."""
    app, panel = build_panel(terminal)
    staff = cashier(terminal)
    terminal.sales.start_sale(staff)
    samples, refused = [], 0
    for index, code in enumerate(codes):
        if index and index % lines_per_sale == 0:
            terminal.sales.start_sale(staff)
            panel.refresh()
            app.processEvents()
        started, started_cpu = now(), cpu_now()
        panel.add_code(code)
        app.processEvents()  # the line is on screen once the view has repainted
        samples.append(ms_since(started))
        if cpu is not None:
            cpu.append(cpu_ms_since(started_cpu))
        if panel.notice.isVisible() and panel.notice.property("kind") == "error":
            refused += 1
        if (index + 1) % 500 == 0:
            progress(f"{index + 1:,} of {len(codes):,} scans")
    panel.close()
    return samples, refused


def cpu_note(cpu: list[float]) -> str:
    return (f"CPU time of the same scans (the till's thread, without waiting for a core): p50 {p50(cpu):.2f} ms, "
            f"p99 {p99(cpu):.2f} ms")


def cpu_extra(cpu: list[float]) -> dict:
    return {"cpu_p50_ms": round(p50(cpu), 3), "cpu_p99_ms": round(p99(cpu), 3)}


def floor_lookups(db_path, codes) -> list[float]:
    conn = bare_connection(db_path)
    samples = []
    for code in codes:
        started = now()
        conn.execute("SELECT ocs_variant_number, product_name, price_per_unit FROM ocs_product_catalog "
                     "WHERE each_gtin = ?", (code.zfill(14),)).fetchone()
        samples.append(ms_since(started))
    conn.close()
    return samples


def without_clashes(made) -> list[dict]:
    """The promotions as file rows; a happy hour of the same kind on the same items as an earlier one runs all day
    instead (a store has few categories, and the hub refuses two such prices at overlapping times)."""
    rows, scheduled = [], set()
    for promotion in made:
        row = file_row(promotion)
        if row["schedule"]:
            key = (row["kind"], repr(row["applies_to"]))
            if key in scheduled:
                row["schedule"] = []
            scheduled.add(key)
        rows.append(row)
    return rows


def with_promotions(terminal, seed: int = 17) -> None:
    """1,000 promotions written into the replica as the hub feeds them, all on at the bench's time, and the
    terminal's sales priced with them the way the program wires them (PromotionCatalog)."""
    import random

    from sqlalchemy import select

    from pos_app.domain.promotions import Window
    from pos_app.persistence.models import OcsProduct
    from pos_app.persistence.promotions import put_promotions_file
    from pos_app.services.promotions import PromotionCatalog
    from pos_app.services.selling import SaleService
    from sync.promotions_file import PromotionsFile
    from tests.perf.bench_promotions import promotions
    from tests.perf.clock import BENCH_CLOCK

    context = terminal.context
    local = BENCH_CLOCK().astimezone(context.zone)
    days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    happy_hour = Window(frozenset({days[local.weekday()], days[(local.weekday() + 1) % 7]}), time(0, 0),
                        time(23, 59))  # a day-long "happy hour", so a long run stays inside it
    with terminal.session_factory.begin() as session:
        rows = session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.brand_name, OcsProduct.category)
                               .order_by(OcsProduct.ocs_variant_number)).all()
        made = promotions(random.Random(seed), [(sku,) for sku, _b, _c in rows], sorted({b for _s, b, _c in rows}),
                          sorted({c for _s, _b, c in rows}), happy_hour)
        put_promotions_file(session, PromotionsFile.model_validate({"promotions": without_clashes(made)}),
                            context.zone)
    catalog = PromotionCatalog(terminal.session_factory, context.store_id, context.zone)
    assert len(catalog.book().rules) == len(made), "the replica's promotions did not load"
    vars(terminal).update(sales=SaleService(terminal.session_factory, context, clock=BENCH_CLOCK,
                                            promotions=catalog))


def run(size, progress):
    terminal = open_bench_terminal(size, "scan", progress)
    try:
        codes = scan_codes(terminal.settings.db_path, size.scans, seed=1)
        floor_lookups(terminal.settings.db_path, codes[:50])  # warm the page cache the same for both
        cpu, cpu_promoted = [], []
        samples, refused = timed_scans(terminal, codes, progress, cpu=cpu)
        floor = floor_lookups(terminal.settings.db_path, codes)
        progress("again with 1,000 promotions")
        with_promotions(terminal)
        # A 50-line order stays within the 30 g of one sale only with light items (pre-rolls, edibles, drinks):
        # heavier ones would be refused, and a refused scan is not the scan being measured.
        light = scan_codes(terminal.settings.db_path, size.scans, seed=1,
                           max_dried_g=LEGAL_GRAMS / LINES_WITH_PROMOTIONS * 0.9)
        promoted, refused_promoted = timed_scans(terminal, light, progress, LINES_WITH_PROMOTIONS, cpu_promoted)
        applied = len(terminal.sales.sale.totals.pricing.applied) if terminal.sales.sale.lines else 0
    finally:
        terminal.close()
    how = (f"{len(samples):,} scans of random in-stock GTINs through the register's SalePanel.add_code "
           f"(SaleService.scan, cart model reset, repaint via processEvents), a new sale every {LINES_PER_SALE}; "
           f"floor: plain sqlite3 SELECT by each_gtin (unique index) on the same file; {cpu_note(cpu)}")
    how_promoted = (f"{len(promoted):,} scans as above with 1,000 active promotions in the replica (SKUs, brands and "
                    f"categories of this store; {applied} applied on the last cart), a new sale every "
                    f"{LINES_WITH_PROMOTIONS} lines: each scan re-prices the whole cart; floor as above; "
                    f"{cpu_note(cpu_promoted)}")
    problems = [f"scan: {count} of {len(samples)} scans were refused by the register"
                for count in (refused, refused_promoted) if count]
    rows = [Metric("scan → line shown p50", p50(samples), "ms", floor=p50(floor), how=how),
            at_most(Metric("scan → line shown p99", p99(samples), "ms", floor=p99(floor), how=how,
                           extra=cpu_extra(cpu)), 10),
            Metric("scan → line shown with 1,000 promotions p50", p50(promoted), "ms", floor=p50(floor),
                   how=how_promoted),
            at_most(Metric("scan → line shown with 1,000 promotions p99", p99(promoted), "ms", floor=p99(floor),
                           how=how_promoted, extra=cpu_extra(cpu_promoted)), 10)]
    return rows, problems
