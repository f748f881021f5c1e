"""`make bench`: run every group in its own subprocess, keep their results, and write the report.

    python -m tests.perf.run [--quick] [--fresh] [--only GROUPS] [--out DIR] [--report-only]

A finished group's results are reused (the run resumes) unless --fresh. A group that crashes or times out is
reported as "error: <one line>" in its rows; the others still run and the report is still written.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.perf.datagen import BENCH_DIR, ROOT
from tests.perf.groups import GROUPS, error_rows
from tests.perf.machine import machine_note
from tests.perf.metrics import Metric
from tests.perf.report import write_report

RESULTS_DIR = BENCH_DIR / "results"
TIMEOUT_S = {"quick": 300, "full": 2400}


def drop_stale_databases() -> None:
    """Hub copies left by a group that was killed (a time-out): nobody is connected to them any more."""
    from tests.perf import pg

    try:
        for name in pg.databases_like("bench_run_"):
            if not pg.connections_to(name):
                pg.drop_database(name)
    except Exception as error:  # PostgreSQL down: the hub groups will say so in their rows
        print(f"(could not tidy PostgreSQL: {type(error).__name__})", flush=True)


def result_path(size: str, group: str) -> Path:
    return RESULTS_DIR / size / f"{group}.json"


def run_group(group: str, size: str) -> None:
    path = result_path(size, group)
    path.unlink(missing_ok=True)
    started = time.monotonic()
    print(f"[{group}] running ({size})…", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "POS_APP_KEYRING": "file", "PYTHONUNBUFFERED": "1"}
    try:
        completed = subprocess.run([sys.executable, "-m", "tests.perf.groups", group, "--size", size,
                                    "--result", str(path)], cwd=ROOT, env=env, timeout=TIMEOUT_S[size],
                                   stderr=subprocess.PIPE, text=True)
        stderr = completed.stderr
        if completed.returncode != 0:
            sys.stderr.write(stderr[-4000:])
    except subprocess.TimeoutExpired:
        stderr = f"the group did not finish in {TIMEOUT_S[size]} s"
    if not path.exists():  # it died before writing anything: say so in its rows
        last = [line for line in stderr.splitlines() if line.strip()][-1:] or ["the process ended without results"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"group": group, "size": size, "problems": [],
                                    "metrics": [m.as_json() for m in error_rows(group, last[0])]}))
    print(f"[{group}] finished in {time.monotonic() - started:.0f} s", flush=True)


def collect(size: str, groups: list[str]) -> tuple[list[Metric], list[str]]:
    metrics: list[Metric] = []
    problems: list[str] = []
    for group in groups:
        path = result_path(size, group)
        if not path.exists():
            metrics += error_rows(group, "not run yet (run `make bench` without --report-only)")
            continue
        data = json.loads(path.read_text())
        metrics += [Metric.from_json(row) for row in data["metrics"]]
        problems += data.get("problems", [])
    return metrics, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k products, fewer samples: under 2 minutes warm")
    parser.add_argument("--fresh", action="store_true", help="run every group again, ignoring kept results")
    parser.add_argument("--only", help=f"comma-separated groups: {', '.join(GROUPS)}")
    parser.add_argument("--out", type=Path, default=ROOT, help="where BENCHMARKS.md and bench.json go")
    parser.add_argument("--report-only", action="store_true", help="write the report from kept results")
    args = parser.parse_args(argv)
    size = "quick" if args.quick else "full"
    chosen = [g.strip() for g in args.only.split(",")] if args.only else list(GROUPS)
    unknown = [g for g in chosen if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    machine_file = RESULTS_DIR / size / "machine.json"
    if args.report_only and machine_file.exists():  # the machine as it was when the figures were measured
        machine = json.loads(machine_file.read_text())
    else:
        machine = machine_note()
        machine_file.parent.mkdir(parents=True, exist_ok=True)
        machine_file.write_text(json.dumps(machine, indent=2))
    drop_stale_databases()
    started = time.monotonic()
    if not args.report_only:
        for group in chosen:
            if not args.fresh and result_path(size, group).exists():
                print(f"[{group}] kept from an earlier run (--fresh measures it again)", flush=True)
                continue
            run_group(group, size)
    metrics, problems = collect(size, list(GROUPS))
    md, js = write_report(metrics, args.out, mode=size, machine=machine, problems=problems,
                          date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    missed = sum(1 for m in metrics if m.met is False)
    errors = sum(1 for m in metrics if m.error)
    print(f"Wrote {md} and {js} in {time.monotonic() - started:.0f} s: {len(metrics)} rows, {missed} missed, "
          f"{errors} not measured.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
