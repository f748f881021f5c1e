"""Percentiles and a timer, without numpy."""

from __future__ import annotations

import time
from collections.abc import Sequence


def percentile(samples: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks, q in [0, 100]."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def p50(samples: Sequence[float]) -> float:
    return percentile(samples, 50)


def p95(samples: Sequence[float]) -> float:
    return percentile(samples, 95)


def p99(samples: Sequence[float]) -> float:
    return percentile(samples, 99)


def now() -> float:
    return time.perf_counter()


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def cpu_now() -> float:
    """This thread's CPU time: on a loaded machine it leaves out the time spent waiting for a core."""
    return time.thread_time()


def cpu_ms_since(start: float) -> float:
    return (time.thread_time() - start) * 1000
