"""The UI tests' cashier: signed in at a wired till, with the shift open on the usual float."""

import pytest

from tests.ui.register_driver import Cashier, wired


@pytest.fixture
def cashier(qtbot, terminal):
    with wired(terminal) as till:
        person = Cashier(qtbot, till)
        person.start_the_day()
        yield person
