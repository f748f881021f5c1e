"""Scan → line shown: the register's scan (SaleService.scan) plus the cart model's update and repaint.

Floor: the indexed SQLite lookup of the same GTIN with plain sqlite3.
"""

from __future__ import annotations

from tests.perf.metrics import Metric, at_most
from tests.perf.stats import ms_since, now, p50, p99
from tests.perf.terminal_env import bare_connection, cashier, open_bench_terminal, scan_codes

LINES_PER_SALE = 5  # a basket; the cart is emptied (untimed) after this many scans


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


def timed_scans(terminal, codes, progress) -> tuple[list[float], int]:
    app, panel = build_panel(terminal)
    staff = cashier(terminal)
    terminal.sales.start_sale(staff)
    samples, refused = [], 0
    for index, code in enumerate(codes):
        if index and index % LINES_PER_SALE == 0:
            terminal.sales.start_sale(staff)
            panel.refresh()
            app.processEvents()
        started = now()
        panel.add_code(code)
        app.processEvents()  # the line is on screen once the view has repainted
        samples.append(ms_since(started))
        if panel.notice.isVisible() and panel.notice.property("kind") == "error":
            refused += 1
        if (index + 1) % 500 == 0:
            progress(f"{index + 1:,} of {len(codes):,} scans")
    panel.close()
    return samples, refused


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


def run(size, progress):
    terminal = open_bench_terminal(size, "scan", progress)
    try:
        codes = scan_codes(terminal.settings.db_path, size.scans, seed=1)
        floor_lookups(terminal.settings.db_path, codes[:50])  # warm the page cache the same for both
        samples, refused = timed_scans(terminal, codes, progress)
        floor = floor_lookups(terminal.settings.db_path, codes)
    finally:
        terminal.close()
    how = (f"{len(samples):,} scans of random in-stock GTINs through the register's SalePanel.add_code "
           f"(SaleService.scan, cart model reset, repaint via processEvents), a new sale every {LINES_PER_SALE}; "
           f"floor: plain sqlite3 SELECT by each_gtin (unique index) on the same file")
    problems = [f"scan: {refused} of {len(samples)} scans were refused by the register"] if refused else []
    rows = [Metric("scan → line shown p50", p50(samples), "ms", floor=p50(floor), how=how),
            at_most(Metric("scan → line shown p99", p99(samples), "ms", floor=p99(floor), how=how), 10)]
    return rows, problems
