"""Cold start to ready-to-scan, and memory at idle: `pos-app run --data-dir` on the cached catalog.

Timed from just before the process is started until its main window's first show event (the sign-in
screen, ready for a cashier); floor: a Python process showing a bare QWidget, timed the same way. RSS is read
inside the program after it idles a few seconds with the catalog loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.coldstart_app import IDLE_S
from tests.perf.datagen import ROOT, terminal_copy
from tests.perf.metrics import Metric, at_most, ratio_at_most

HERE = Path(__file__).parent
MB = 1024 * 1024


def timed_start(script: Path, *args: str) -> tuple[float, int | None]:
    # The program of this tree, whatever the installed one is (the script's folder comes first on its path).
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "POS_APP_KEYRING": "file", "PYTHONPATH": str(ROOT)}
    started = time.time()
    completed = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, env=env,
                               timeout=120)
    shown = rss = None
    for line in completed.stdout.splitlines():
        if line.startswith("SHOWN "):
            shown = float(line.split()[1])
        elif line.startswith("RSS "):
            rss = int(line.split()[1])
    if shown is None:
        tail = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{script.name} never showed its window (exit {completed.returncode}): {tail}")
    return shown - started, rss


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def run(size, progress):
    folder = terminal_copy(size, "startup", progress)
    app_script, floor_script = HERE / "coldstart_app.py", HERE / "coldstart_floor.py"
    if size.repeats > 1:  # warm-up: the first start on a fresh copy also warms the page cache
        timed_start(app_script, str(folder))
    timed_start(floor_script)
    starts, floors, rss = [], [], []
    for attempt in range(size.cold_starts):
        floors.append(timed_start(floor_script)[0])
        seconds, memory = timed_start(app_script, str(folder))
        starts.append(seconds)
        rss.append(memory or 0)
        progress(f"start {attempt + 1}: {seconds:.2f} s (floor {floors[-1]:.2f} s), RSS {(memory or 0) / MB:.0f} MB")
    how = (f"median of {len(starts)} runs of `pos-app run --data-dir` (through tests/perf/coldstart_app.py) from "
           "process start to the main window's first show event (sign-in screen); floor: python showing a bare "
           "QWidget (tests/perf/coldstart_floor.py), same method")
    how_rss = f"RSS of that process after {IDLE_S:g} s idle on the sign-in screen with the catalog loaded (median)"
    return [ratio_at_most(Metric("cold start to ready-to-scan", median(starts), "s", floor=median(floors), how=how),
                          2, also_at_most=1.5),
            at_most(Metric("memory at idle (RSS)", median(rss) / MB, "MB", how=how_rss), 250)], []
