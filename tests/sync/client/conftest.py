"""The hub on PostgreSQL under real uvicorn, seeded with the demo tenant, and paired terminals in front of it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from tests.conftest import DEMO_PRODUCTS, DEMO_SEED, DEMO_TODAY
from tests.sync.client.faults import FaultProxy
from tests.sync.client.tills import copy_as_new_terminal, open_till
from tests.sync.conftest import fresh_pg_database


@dataclass
class Hub:
    app: object
    url: str
    port: int

    @property
    def db(self):
        return self.app.state.db

    def pairing_code(self, store_code: str = "ON001") -> str:
        from sync.hub.models import Store
        from sync.hub.tokens import issue_pairing_code

        with self.db.write() as session:
            return issue_pairing_code(session, session.scalar(select(Store).where(Store.store_code == store_code)))


@pytest.fixture(scope="session")
def seeded_database():
    """A database of the demo tenant's own: the hub tests' tenants (and their provinces) are made elsewhere."""
    yield from fresh_pg_database()


@pytest.fixture(scope="session")
def seeded_hub_url(seeded_database) -> str:
    from sync.hub.database import Database
    from sync.hub.migrate import upgrade
    from sync.hub.seed import seed_demo

    upgrade(seeded_database)
    db = Database(seeded_database)
    seed_demo(db, products=DEMO_PRODUCTS, seed=DEMO_SEED, today=DEMO_TODAY)
    db.dispose()
    return seeded_database


@pytest.fixture(scope="session")
def hub(seeded_hub_url):
    from sync.hub.app import create_app
    from tests.sync.hub.servers import HubServer

    app = create_app(seeded_hub_url)
    with HubServer(app) as server:
        yield Hub(app, server.url, server.port)
    app.state.db.dispose()


@pytest.fixture
def proxy(hub):
    proxy = FaultProxy(hub.port).up()
    yield proxy
    proxy.down()


@pytest.fixture(scope="session")
def till_template(hub, tmp_path_factory):
    """A terminal paired with the hub and bootstrapped once; each test copies it as a new terminal."""
    folder = tmp_path_factory.mktemp("till-template") / "terminal"
    till = open_till(folder)
    till.sync.pair(hub.url, hub.pairing_code(), terminal_no=9)
    till.sync.bootstrap()
    till.close()
    return folder


@pytest.fixture
def make_till(hub, till_template, tmp_path):
    opened = []

    def make(url: str, *, hub_timeout: float = 30.0, page_size: int | None = None):
        number = next(_terminal_numbers)
        folder = copy_as_new_terminal(till_template, tmp_path / f"terminal-{number}")
        till = open_till(folder, hub_timeout=hub_timeout, page_size=page_size)
        # Every terminal of the session sells under its own number, so receipt numbers never clash on the hub.
        till.sync.pair(url, hub.pairing_code(), terminal_no=number)
        till.sync.bootstrap()
        opened.append(till)
        return till

    yield make
    for till in opened:
        till.close()


_terminal_numbers = itertools.count(10)
