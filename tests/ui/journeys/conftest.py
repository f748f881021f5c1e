"""Journeys across terminals: the sync tests' real hub on PostgreSQL (under uvicorn), seeded with the demo tenant,
and terminals paired with it; the printer and scanner simulators on real sockets."""

from __future__ import annotations

import pytest

from hardware.simulators.printer import PrinterSimulator
from hardware.simulators.scanner import ScannerSimulator
from tests.conftest import DEMO_PRODUCTS, DEMO_SEED, DEMO_TODAY
from tests.sync.client.conftest import (  # noqa: F401
    hub,
    make_till,
    proxy,
    seeded_database,
    seeded_hub_url,
    till_template,
)
from tests.sync.conftest import pg_database  # noqa: F401


@pytest.fixture(scope="session")
def hub_pins() -> dict[str, str]:
    """The seeded tenant's staff PINs (the hub never stores them; the generator makes the same ones again)."""
    from demo import generate_demo_tenant

    return generate_demo_tenant(products=DEMO_PRODUCTS, seed=DEMO_SEED, today=DEMO_TODAY).pins


@pytest.fixture
def printer(tmp_path):
    simulator = PrinterSimulator(port=0, save_dir=tmp_path / "printed")
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture
def scanner():
    simulator = ScannerSimulator(port=0)  # the register's serial scanner, over a real socket
    simulator.start()
    yield simulator
    simulator.stop()
