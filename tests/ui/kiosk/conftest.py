"""A kiosk on its own copy of the demo store, with the terminal's kiosk ticket service."""

import pytest

from tests.ui.kiosk.customer_driver import Customer


@pytest.fixture
def tickets(terminal):
    return terminal.kiosk_tickets


@pytest.fixture
def customer(qtbot, terminal, tickets):
    person = Customer(qtbot, terminal)
    yield person
    person.leave()
