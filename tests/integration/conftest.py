"""The card terminal simulator, over a real socket, for the integration tests that take cards."""

from __future__ import annotations

import pytest

from hardware.payments.driver import PosLinkTerminal
from hardware.simulators.payment_terminal import PaymentTerminalSimulator


@pytest.fixture
def card_simulator():
    sim = PaymentTerminalSimulator(port=0, customer_timeout_s=2.0)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def card_port(card_simulator):
    """The terminal's driver, connected to the simulator."""
    port = PosLinkTerminal(f"socket://127.0.0.1:{card_simulator.port}", response_timeout_s=2.0)
    yield port
    port.close()
