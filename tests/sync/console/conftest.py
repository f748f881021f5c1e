"""The console's tests: the hub on PostgreSQL (one database and one app per session), and per test a tenant with
two stores, an owner, a manager of store A only, a cashier, and a terminal paired in store B."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from tests.sync.conftest import fresh_pg_database

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def console_database():
    """The console's own database: its tenants and provinces must not meet the demo tenant other tests seed."""
    yield from fresh_pg_database()


@pytest.fixture(scope="session")
def console_app(console_database):
    from sync.hub.app import create_app
    from sync.hub.migrate import upgrade

    upgrade(console_database)
    app = create_app(console_database)
    yield app
    app.state.db.dispose()


@dataclass
class Tenant:
    code: str
    tenant_id: uuid.UUID
    store_a: uuid.UUID
    store_b: uuid.UUID
    terminal_b: uuid.UUID
    terminal_b_token: str
    owner: str
    manager: str
    cashier: str
    staff_a: uuid.UUID  # a register cashier of store A
    staff_b: uuid.UUID  # and one of store B


def page_csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


class Console:
    """A person at the console through the app's HTTP interface: the cookies a browser keeps, and the form token
    read from the page as a browser would send it back."""

    def __init__(self, app) -> None:
        self.http = TestClient(app, raise_server_exceptions=False, follow_redirects=False)
        self.csrf = ""

    def get(self, url: str, **kwargs):
        response = self.http.get(url, **kwargs)
        if 'name="csrf_token"' in response.text:
            self.csrf = page_csrf(response.text)
        return response

    def post(self, url: str, data: dict | None = None, *, csrf: str | None = None, **kwargs):
        body = dict(data or {})
        token = self.csrf if csrf is None else csrf
        if token:
            body["csrf_token"] = token
        return self.http.post(url, data=body, **kwargs)

    def sign_in(self, login: str, password: str = PASSWORD, next_url: str = "/console/stores"):
        self.get("/console/sign-in")
        response = self.post("/console/sign-in", {"login": login, "password": password, "next": next_url})
        if response.status_code == 303:
            self.get("/console/stores")
        return response


@pytest.fixture(scope="module")
def live_hub(console_app):
    """The console's app under uvicorn, for a real browser."""
    from tests.sync.hub.servers import HubServer

    with HubServer(console_app) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    from tests.sync.console.browser import require_chromium, start_chromium

    require_chromium()
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.fixture
def console(console_app):
    made = Console(console_app)
    yield made
    made.http.close()


def console_as(app, login: str) -> Console:
    made = Console(app)
    assert made.sign_in(login).status_code == 303
    return made


@pytest.fixture
def tenant(console_app) -> Tenant:
    return make_tenant(console_app)


def make_tenant(console_app) -> Tenant:
    from sync.hub import accounts, staff, tenancy
    from sync.hub.models import ConsoleUser
    from sync.hub.sync_service import pair
    from sync.protocol import PairRequest

    db = console_app.state.db
    code = f"T{uuid.uuid4().hex[:8].upper()}"
    with db.write() as session:
        made = accounts.create_tenant(session, name=f"Tenant {code}", code=code, province_code="ON")
        scope = tenancy.Scope(made.tenant.id, via="cli")
        stores = [tenancy.create_store(session, scope, store_code=f"{code}{n}", name=f"Store {n}",
                                       province_code="ON") for n in ("A", "B")]
        tokens = {made.owner.username: made.password_token}
        for role, store_ids in (("manager", (stores[0].id,)), ("cashier", (stores[0].id,))):
            user, token = accounts.create_console_user(session, scope, username=f"{code.lower()}.{role}",
                                                       email=f"{role}@{code.lower()}.example", role=role,
                                                       display_name=role.title(), store_ids=store_ids)
            tokens[user.username] = token
        for token in tokens.values():
            accounts.set_password_with_token(session, token, PASSWORD, PASSWORD)
        register_staff = [staff.create_staff(session, scope, store.id, staff_code=f"C{n}", pin="2580",
                                             first_name=f"Cashier {n}", role="cashier").id
                          for n, store in zip("AB", stores, strict=True)]
        code_b = tenancy.new_pairing_code(session, scope, stores[1].id)
        names = {user.role: user.username for user in session.query(ConsoleUser).filter_by(tenant_id=made.tenant.id)}
        ids = (made.tenant.id, stores[0].id, stores[1].id)
    paired = pair(db, PairRequest(pairing_code=code_b, terminal_name="B till", client_id=uuid.uuid4()))
    return Tenant(code, *ids, paired.terminal_id, paired.token, names["owner"], names["manager"], names["cashier"],
                  *register_staff)
