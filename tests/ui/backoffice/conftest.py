"""A manager at the back office of the demo store."""

import pytest

from tests.ui.backoffice.manager_driver import Manager
from tests.ui.register_driver import wired


@pytest.fixture
def manager(qtbot, terminal):
    with wired(terminal) as till:
        person = Manager(qtbot, till)
        person.sign_in()
        yield person
        person.window.close()
