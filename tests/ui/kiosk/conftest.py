"""A kiosk on its own copy of the demo store, with its ticket service (see ticket_stand_in)."""

import pytest

from tests.ui.kiosk.customer_driver import Customer
from tests.ui.kiosk.ticket_stand_in import attach


@pytest.fixture
def tickets(terminal):
    return attach(terminal)


@pytest.fixture
def customer(qtbot, terminal, tickets):
    person = Customer(qtbot, terminal)
    yield person
    person.leave()
