"""The card terminal driver connected to the simulator, for the integration tests that take cards, and the
receipt printer simulator, for those that print."""

from __future__ import annotations

import pytest

from hardware.payments.driver import PosLinkTerminal
from hardware.simulators.printer import PrinterSimulator


@pytest.fixture
def card_port(card_simulator):
    """The terminal's driver, connected to the simulator."""
    port = PosLinkTerminal(f"socket://127.0.0.1:{card_simulator.port}", response_timeout_s=2.0)
    yield port
    port.close()


@pytest.fixture
def printer_sim(tmp_path):
    """A receipt printer on a free local port, keeping what it printed."""
    sim = PrinterSimulator(port=0, save_dir=tmp_path / "receipts")
    sim.start()
    yield sim
    sim.stop()
