"""The UI tests' cashier (signed in at a wired till, the shift open on the usual float) and receipt printer."""

import pytest

from hardware.simulators.printer import PrinterSimulator
from tests.ui.register_driver import Cashier, wired


@pytest.fixture
def cashier(qtbot, terminal):
    with wired(terminal) as till:
        person = Cashier(qtbot, till)
        person.start_the_day()
        yield person


@pytest.fixture
def printer(tmp_path):
    """The receipt printer simulator on a real socket, keeping each job's text and picture."""
    sim = PrinterSimulator(port=0, save_dir=tmp_path / "printed")
    sim.start()
    yield sim
    sim.stop()
