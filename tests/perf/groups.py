"""The benchmark groups, the rows each reports, and running one group in this process (its own subprocess).

`python -m tests.perf.groups GROUP --size quick|full --result FILE` runs one group and writes its rows as JSON.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
import traceback
from pathlib import Path

from tests.perf import bench_console
from tests.perf.metrics import Metric, failed
from tests.perf.sizes import size_named

# group -> (module, [(metric, unit, target)]); the rows are listed so a group that fails still shows its rows.
GROUPS: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "scan": ("tests.perf.bench_scan", [
        ("scan → line shown p50", "ms", ""), ("scan → line shown p99", "ms", "≤ 10 ms"),
        ("scan → line shown with 1,000 promotions p50", "ms", ""),
        ("scan → line shown with 1,000 promotions p99", "ms", "≤ 10 ms")]),
    "search": ("tests.perf.bench_search", [
        ("search as you type p50", "ms", ""), ("search as you type p99", "ms", "≤ 16 ms")]),
    "checkout": ("tests.perf.bench_checkout", [
        ("checkout commit p50", "ms", "≤ 3× floor"), ("checkout commit p99", "ms", "≤ 3× floor"),
        ("checkout commit p50 vs the sale's rows", "ms", "≤ 2× floor"),
        ("checkout commit p99 vs the sale's rows", "ms", "≤ 2× floor")]),
    "startup": ("tests.perf.bench_startup", [
        ("cold start to ready-to-scan", "s", "≤ 1.5 s and ≤ 2× floor"),
        ("memory at idle (RSS)", "MB", "≤ 250 MB")]),
    "hub": ("tests.perf.bench_hub", [("hub ingest", "orders/min", "≥ 30,000 orders/min")]),
    "sync": ("tests.perf.bench_sync", [
        ("push latency p95", "ms", "≤ 50 ms"), ("propagation p50", "s", ""), ("propagation p95", "s", "≤ 2 s"),
        ("bootstrap", "s", "≤ 15 s"), ("backlog drain", "s", "≤ 30 s")]),
    "z_report": ("tests.perf.bench_zreport", [("Z report", "s", "≤ 1 s")]),
    "kiosk": ("tests.perf.bench_kiosk", [
        ("kiosk filter → first page p50", "ms", ""), ("kiosk filter → first page p99", "ms", "≤ 16 ms"),
        ("kiosk category opened p50", "ms", ""), ("kiosk category opened p99", "ms", "≤ 16 ms"),
        ("kiosk scroll, worst frame", "ms", "≤ 16 ms"), ("kiosk cold start to attract screen", "s", "≤ 1.5 s"),
        ("kiosk ticket at the register p50", "s", ""), ("kiosk ticket at the register p95", "s", "≤ 2 s"),
        ("kiosk QR ticket loaded p50", "ms", ""), ("kiosk QR ticket loaded p99", "ms", "≤ 50 ms")]),
    "counts": ("tests.perf.bench_counts", [
        ("count submitted (5,000 lines)", "s", "≤ 1 s"), ("count approved (5,000 lines)", "s", "≤ 1 s")]),
    "receiving": ("tests.perf.bench_receiving", [
        ("receiving scan → line updated p50", "ms", ""), ("receiving scan → line updated p99", "ms", "≤ 10 ms"),
        ("finish a 500-line receipt", "ms", "≤ 200 ms"), ("hub applies a 500-line receipt", "ms", "≤ 500 ms")]),
    "recalls": ("tests.perf.bench_recalls", [
        ("recall report (JSON)", "s", "≤ 1 s"), ("recall report (CSV)", "s", "≤ 1 s")]),
    "ocs": ("tests.perf.bench_ocs", [("OCS daily report", "s", "≤ 2 s"), ("OCS report days listed", "s", "≤ 1 s")]),
    "promotions": ("tests.perf.bench_promotions", [
        ("promotions re-priced p50", "ms", ""), ("promotions re-priced p99", "ms", "≤ 2 ms")]),
    "console": ("tests.perf.bench_console", bench_console.ROWS),  # a row per page of bench_console.CONSOLE_PAGES
}


def error_rows(group: str, message: str) -> list[Metric]:
    return [failed(name, unit, target or None, message) for name, unit, target in GROUPS[group][1]]


def progress(message: str) -> None:
    print(f"    {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.groups")
    parser.add_argument("group", choices=sorted(GROUPS))
    parser.add_argument("--size", choices=["quick", "full"], default="quick")
    parser.add_argument("--result", type=Path, required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a group never opens a real window
    os.environ["POS_APP_KEYRING"] = "file"  # nor touches the desktop's keyring
    module = importlib.import_module(GROUPS[args.group][0])
    started = time.monotonic()
    status = 0
    problems: list[str] = []
    try:
        metrics, problems = module.run(size_named(args.size), progress)
    except Exception as error:  # one failed group is one line in the table, never the whole run
        traceback.print_exc()
        metrics = error_rows(args.group, f"{type(error).__name__}: {error}")
        status = 1
    args.result.parent.mkdir(parents=True, exist_ok=True)
    args.result.write_text(json.dumps({
        "group": args.group, "size": args.size, "seconds": round(time.monotonic() - started, 1),
        "metrics": [m.as_json() for m in metrics], "problems": problems,
    }, indent=2, ensure_ascii=False, default=str))
    return status


if __name__ == "__main__":
    sys.exit(main())
