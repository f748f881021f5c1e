"""The card terminal driver connected to the simulator, for the integration tests that take cards."""

from __future__ import annotations

import pytest

from hardware.payments.driver import PosLinkTerminal


@pytest.fixture
def card_port(card_simulator):
    """The terminal's driver, connected to the simulator."""
    port = PosLinkTerminal(f"socket://127.0.0.1:{card_simulator.port}", response_timeout_s=2.0)
    yield port
    port.close()
