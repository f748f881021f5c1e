"""The self-serve kiosk: browsing (filter, category, scroll), its cold start, and its tickets at the register.

Each part runs on its own, so one that fails (PostgreSQL down, say) leaves the others' figures standing. How each
figure is taken: tests/perf/kiosk_browse.py and kiosk_tickets.py; the cold start as the register's
(bench_startup.py), to the attract screen's first show.
"""

from __future__ import annotations

import traceback

from tests.perf.clock import BENCH_CLOCK
from tests.perf.groups import GROUPS
from tests.perf.metrics import Metric, at_most, failed
from tests.perf.stats import p50, p95, p99

SEED = 14


def _part(names: list[str], work, progress) -> list[Metric]:
    """`work()`'s rows, or, if it fails, an error row for each of `names`."""
    try:
        return work()
    except Exception as error:
        traceback.print_exc()
        progress(f"failed: {type(error).__name__}: {error}")
        rows = {name: (unit, target) for name, unit, target in GROUPS["kiosk"][1]}
        return [failed(name, rows[name][0], rows[name][1] or None, f"{type(error).__name__}: {error}")
                for name in names]


def browse_rows(terminal, size, progress) -> list[Metric]:
    from tests.perf import kiosk_browse as kb

    screen = kb.KioskScreen(terminal)
    try:
        changes = kb.filter_changes(terminal.kiosk_catalog, size.kiosk_filters, SEED)
        kb.timed_filters(screen, changes[:10], lambda _m: None)  # warm: the pages the filters touch are read once
        filters, empty = kb.timed_filters(screen, changes, progress)
        keys = kb.category_order(size.kiosk_opens, SEED)
        opens = kb.timed_opens(screen, keys)
        key, held = kb.long_category(terminal, size.kiosk_scroll_items)
        frames = kb.timed_scroll(screen, key, size.kiosk_scroll_items, progress)
        bare_frames = kb.bare_scroll(screen.app, size.kiosk_scroll_items, screen.browse.grid.gridSize(), progress)
    finally:
        screen.close()
    from pos_app.domain.kiosk_browse import Filters

    db = terminal.settings.db_path
    floor_filters = kb.bare_pages(db, kb.page_queries(terminal, changes))
    floor_opens = kb.bare_pages(db, kb.page_queries(terminal, [Filters(category=k) for k in keys]))
    how_filter = (f"{len(filters):,} filter changes (strain type, THC/CBD bounds, price range, brand, size, in stock, "
                  "sort; a new category every 10) through the kiosk window's BrowseScreen.apply_filters: "
                  "KioskCatalog.page, the grid's model reset, repaint via processEvents, portrait 1080×1920 "
                  f"offscreen; {empty} showed no product. Floor: the same page's SQL and values by plain sqlite3")
    how_open = (f"{len(opens):,} taps on category chips (BrowseScreen.open_category: the filter panel's choices, "
                "KioskCatalog.page, model reset, repaint), every category in turn. Floor: the first page's SQL by "
                "plain sqlite3")
    scale = "" if size.kiosk_scroll_items >= 5_000 else (
        f" (quick data: {size.kiosk_scroll_items:,} items stand for 5,000, the catalog being a tenth the size)")
    how_scroll = (f"the kiosk grid scrolled one row of tiles per frame, processEvents each, through the first "
                  f"{size.kiosk_scroll_items:,} of the {held:,} in-stock products of '{key}' (best sellers), "
                  f"{len(frames):,} frames: pages fetched as the view nears the end, thumbnails made on first paint "
                  f"and cached{scale}. Floor: a bare QListView of as many one-line texts, scrolled the same way")
    extra_scroll = {"p50_ms": round(p50(frames), 2), "p99_ms": round(p99(frames), 2), "frames": len(frames),
                    "category": key, "in_stock": held}
    return [Metric("kiosk filter → first page p50", p50(filters), "ms", floor=p50(floor_filters), how=how_filter),
            at_most(Metric("kiosk filter → first page p99", p99(filters), "ms", floor=p99(floor_filters),
                           how=how_filter), 16),
            Metric("kiosk category opened p50", p50(opens), "ms", floor=p50(floor_opens), how=how_open),
            at_most(Metric("kiosk category opened p99", p99(opens), "ms", floor=p99(floor_opens), how=how_open), 16),
            at_most(Metric("kiosk scroll, worst frame", max(frames), "ms", floor=max(bare_frames), how=how_scroll,
                           extra=extra_scroll), 16)]


def qr_rows(terminal, size) -> list[Metric]:
    from tests.perf import kiosk_tickets as kt

    carts = kt.ticket_lines(terminal.settings.db_path, size.kiosk_qr_loads, SEED)
    texts = kt.qr_codes(terminal, carts, BENCH_CLOCK)
    kt.timed_qr_loads(terminal, texts[:10], BENCH_CLOCK)  # warm
    samples, flagged = kt.timed_qr_loads(terminal, texts, BENCH_CLOCK)
    floor = kt.bare_qr_loads(terminal, texts, BENCH_CLOCK)
    how = (f"{len(samples):,} QR codes of 1–5 lines, signed as a kiosk signs them, loaded with the register's "
           "KioskTicketService.load(qr_text) on a terminal that never saw the ticket (offline: decode, check, re-price "
           f"at its prices, stock and lots; {flagged} lines flagged). Floor: the domain's decode plus a plain sqlite3 "
           "SELECT of the lines' catalog rows")
    return [Metric("kiosk QR ticket loaded p50", p50(samples), "ms", floor=p50(floor), how=how),
            at_most(Metric("kiosk QR ticket loaded p99", p99(samples), "ms", floor=p99(floor), how=how), 50)]


def cold_start_rows(folder, size, progress) -> list[Metric]:
    from tests.perf.bench_startup import HERE, median, timed_start

    app_script, floor_script = HERE / "coldstart_app.py", HERE / "coldstart_floor.py"
    if size.repeats > 1:  # warm-up: the page cache, as on a kiosk that has run before
        timed_start(app_script, str(folder), "kiosk")
    starts, floors = [], []
    for attempt in range(size.cold_starts):
        floors.append(timed_start(floor_script)[0])
        starts.append(timed_start(app_script, str(folder), "kiosk")[0])
        progress(f"kiosk start {attempt + 1}: {starts[-1]:.2f} s (floor {floors[-1]:.2f} s)")
    how = (f"median of {len(starts)} runs of `pos-app run --data-dir --mode kiosk` (tests/perf/coldstart_app.py) "
           "from process start to the attract screen's first show event; floor: python showing a bare QWidget")
    return [at_most(Metric("kiosk cold start to attract screen", median(starts), "s", floor=median(floors), how=how),
                    1.5)]


def hub_rows(size, progress) -> list[Metric]:
    from tests.perf import kiosk_tickets as kt
    from tests.perf.hub_env import HubProcess

    with HubProcess(size, progress) as hub:
        kiosk, register = kt.paired_pair(hub, size, progress)
        try:
            carts = kt.ticket_lines(kiosk.terminal.settings.db_path, size.kiosk_tickets, SEED + 1)
            delays = kt.ticket_delays(kiosk, register, carts, 30, progress)
        finally:
            kiosk.close()
            register.close()
    how = (f"{len(delays)} tickets of 1–5 lines: the kiosk terminal's KioskTicketService.send and one SyncEngine.push "
           "to `pos-hub serve` on PostgreSQL, until the register terminal's SyncRunner (long-poll pull) brings it "
           "into its open_tickets()")
    return [Metric("kiosk ticket at the register p50", p50(delays), "s", how=how),
            at_most(Metric("kiosk ticket at the register p95", p95(delays), "s", how=how), 2)]


def run(size, progress):
    from tests.perf.datagen import terminal_copy
    from tests.perf.terminal_env import on_bench_clock

    folder = terminal_copy(size, "kiosk", progress)
    rows = _part(["kiosk cold start to attract screen"], lambda: cold_start_rows(folder, size, progress), progress)
    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings

    terminal = on_bench_clock(open_terminal(load_settings(folder), log_to_file=False))
    try:
        browse = _part([name for name, _u, _t in GROUPS["kiosk"][1][:5]],
                       lambda: browse_rows(terminal, size, progress), progress)
        qr = _part(["kiosk QR ticket loaded p50", "kiosk QR ticket loaded p99"], lambda: qr_rows(terminal, size),
                   progress)
    finally:
        terminal.close()
    hub = _part(["kiosk ticket at the register p50", "kiosk ticket at the register p95"],
                lambda: hub_rows(size, progress), progress)
    by_name = {m.metric: m for m in [*browse, *rows, *hub, *qr]}
    return [by_name[name] for name, _unit, _target in GROUPS["kiosk"][1]], []
