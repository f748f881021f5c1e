"""Simulators on ephemeral loopback ports, and a check that no test leaves a thread behind."""

from __future__ import annotations

import threading
import time

import pytest

from hardware.simulators.scanner import ScannerSimulator


@pytest.fixture(autouse=True)
def no_leaked_threads():
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3.0
    while time.monotonic() < deadline:
        leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not leaked:
            return
        time.sleep(0.02)
    pytest.fail(f"threads left running: {[t.name for t in leaked]}")


@pytest.fixture
def scanner_sim():
    sim = ScannerSimulator(port=0)
    sim.start()
    yield sim
    sim.stop()
