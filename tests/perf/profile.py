"""`python -m tests.perf.profile TARGET [--full]`: one benchmark scenario under pyinstrument, to explain a miss.

Writes tmp/bench/profiles/TARGET.html and TARGET.txt (for hub-push and bootstrap also TARGET-hub.html, the
server's side). Targets: hub-push, checkout, scan, scan-promotions (the same with 1,000 promotions and 50-line
carts), search, cold-start, z-report, bootstrap, kiosk (the kiosk's
filter changes, category opens and scroll).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tests.perf.datagen import BENCH_DIR
from tests.perf.sizes import QUICK, Size, size_named

PROFILES = BENCH_DIR / "profiles"


def progress(message: str) -> None:
    print(f"    {message}", flush=True)


def _profiled(target: str, work: Callable[[], object]) -> None:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        work()
    finally:
        profiler.stop()
    (PROFILES / f"{target}.html").write_text(profiler.output_html())
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    (PROFILES / f"{target}.txt").write_text(text)
    print(text[:6000])


def scan(size: Size) -> None:
    from tests.perf import bench_scan
    from tests.perf.terminal_env import open_bench_terminal, scan_codes

    terminal = open_bench_terminal(size, "profile_scan", progress)
    codes = scan_codes(terminal.settings.db_path, min(size.scans, 500), seed=1)
    _profiled("scan", lambda: bench_scan.timed_scans(terminal, codes, progress))
    terminal.close()


def scan_promotions(size: Size) -> None:
    """The scan bench's second half: 50-line carts re-priced with 1,000 promotions on every scan."""
    from tests.perf import bench_scan
    from tests.perf.terminal_env import open_bench_terminal, scan_codes

    terminal = open_bench_terminal(size, "profile_scan_promotions", progress)
    bench_scan.with_promotions(terminal)
    codes = scan_codes(terminal.settings.db_path, min(size.scans, 500), seed=1,
                       max_dried_g=bench_scan.LEGAL_GRAMS / bench_scan.LINES_WITH_PROMOTIONS * 0.9)
    _profiled("scan-promotions",
              lambda: bench_scan.timed_scans(terminal, codes, progress, bench_scan.LINES_WITH_PROMOTIONS))
    terminal.close()


def search(size: Size) -> None:
    from tests.perf import bench_search
    from tests.perf.terminal_env import open_bench_terminal

    terminal = open_bench_terminal(size, "profile_search", progress)
    asked = bench_search.queries(terminal.settings.db_path, size.searches, seed=2)
    _profiled("search", lambda: [terminal.catalog.search(text, bench_search.LIMIT) for _kind, text in asked])
    terminal.close()


def checkout(size: Size) -> None:
    from tests.perf import bench_checkout
    from tests.perf.terminal_env import open_bench_terminal

    terminal = open_bench_terminal(size, "profile_checkout", progress)
    _profiled("checkout", lambda: bench_checkout.timed_checkouts(terminal, size.checkouts, progress))
    terminal.close()


def z_report(size: Size) -> None:
    from tests.perf import bench_zreport
    from tests.perf.terminal_env import open_bench_terminal

    terminal = open_bench_terminal(size, "profile_z_report", progress)
    _profiled("z-report", lambda: bench_zreport.one_close(terminal, size, 0, progress))
    terminal.close()


def cold_start(size: Size) -> None:
    from tests.perf.datagen import terminal_copy

    folder = terminal_copy(size, "profile_startup", progress)
    script = Path(__file__).with_name("coldstart_app.py")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "POS_APP_KEYRING": "file"}
    for renderer, suffix in (("html", "html"), ("text", "txt")):
        subprocess.run([sys.executable, "-m", "pyinstrument", "-r", renderer, "-o",
                        str(PROFILES / f"cold-start.{suffix}"), str(script), str(folder)], env=env, check=True)
    print((PROFILES / "cold-start.txt").read_text()[:6000])


def _render_hub_side(target: str) -> None:
    """The server's own profile, saved as a pyinstrument session when it stopped, as HTML and text."""
    session = PROFILES / f"{target}-hub.pyisession"
    for renderer, suffix in (("html", "html"), ("text", "txt")):
        subprocess.run([sys.executable, "-m", "pyinstrument", f"--load={session}", "-r", renderer, "-o",
                        str(PROFILES / f"{target}-hub.{suffix}")], check=True)
    print(f"The hub's side: {PROFILES / target}-hub.html and .txt")
    print((PROFILES / f"{target}-hub.txt").read_text()[:6000])


def hub_push(size: Size) -> None:
    from tests.perf import bench_hub
    from tests.perf.hub_env import HubProcess
    from tests.perf.sale_factory import make_templates
    from tests.perf.terminal_env import open_bench_terminal, scan_codes

    terminal = open_bench_terminal(size, "profile_templates", progress)
    templates = make_templates(terminal, 10, scan_codes(terminal.settings.db_path, 20, seed=5))
    terminal.close()
    with HubProcess(size, progress, profile_to=str(PROFILES / "hub-push-hub.pyisession")) as hub:
        _profiled("hub-push", lambda: bench_hub.ingest(hub, templates, size, progress))
    _render_hub_side("hub-push")


def bootstrap(size: Size) -> None:
    from tests.perf import bench_sync
    from tests.perf.datagen import WORK_DIR
    from tests.perf.hub_env import HubProcess

    with HubProcess(size, progress, profile_to=str(PROFILES / "bootstrap-hub.pyisession")) as hub:
        _profiled("bootstrap", lambda: bench_sync.bootstrap(hub, WORK_DIR / "profile_bootstrap", progress)[1].close())
    _render_hub_side("bootstrap")


def kiosk(size: Size) -> None:
    from tests.perf import kiosk_browse as kb
    from tests.perf.bench_kiosk import SEED
    from tests.perf.terminal_env import open_bench_terminal

    terminal = open_bench_terminal(size, "profile_kiosk", progress)
    screen = kb.KioskScreen(terminal)
    changes = kb.filter_changes(terminal.kiosk_catalog, size.kiosk_filters, SEED)
    key, _held = kb.long_category(terminal, size.kiosk_scroll_items)

    def browse():
        kb.timed_filters(screen, changes, progress)
        kb.timed_opens(screen, kb.category_order(size.kiosk_opens, SEED))
        kb.timed_scroll(screen, key, size.kiosk_scroll_items, progress)

    _profiled("kiosk", browse)
    screen.close()
    terminal.close()


TARGETS = {"hub-push": hub_push, "checkout": checkout, "scan": scan,
           "scan-promotions": scan_promotions, "search": search, "cold-start": cold_start,
           "z-report": z_report, "bootstrap": bootstrap, "kiosk": kiosk}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.profile", description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--full", action="store_true", help="on the full-size data (default: the quick data)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["POS_APP_KEYRING"] = "file"
    PROFILES.mkdir(parents=True, exist_ok=True)
    size = size_named("full") if args.full else replace(QUICK, time_budget_s=20)
    TARGETS[args.target](size)
    print(f"Wrote {PROFILES / args.target}.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
