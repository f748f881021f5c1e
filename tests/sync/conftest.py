"""Hub test fixtures: one database per backend per session (SQLite always, PostgreSQL when reachable).

PostgreSQL is at 127.0.0.1:5432 (user postgres, trust auth; HUB_TEST_PG_PORT overrides the port). Each session
creates its own database and drops it at the end. Without PostgreSQL its tests are skipped, except under CI=true,
where they fail.
"""

from __future__ import annotations

import os
import uuid

import pytest

PG_PORT = int(os.environ.get("HUB_TEST_PG_PORT", "5432"))


def _pg_admin_connection():
    import psycopg

    return psycopg.connect(f"host=127.0.0.1 port={PG_PORT} user=postgres dbname=test", autocommit=True,
                           connect_timeout=3)


def pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        _pg_admin_connection().close()
    except Exception as error:  # any failure to connect means the same thing here
        return f"PostgreSQL at 127.0.0.1:{PG_PORT} is not reachable ({type(error).__name__})"
    return None


def require_pg() -> None:
    reason = pg_available()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI=true requires PostgreSQL for the hub tests.")
    pytest.skip(reason)


def fresh_pg_database():
    """A fresh PostgreSQL database: yields its URL, drops it afterwards (for session fixtures of their own)."""
    require_pg()
    name = f"hubtest_{uuid.uuid4().hex[:12]}"
    with _pg_admin_connection() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:{PG_PORT}/{name}"
    with _pg_admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_database():
    """A fresh PostgreSQL database for this session (the demo tenant is seeded into it by the client tests)."""
    yield from fresh_pg_database()


def new_pg_database(request) -> str:
    """Another throw-away PostgreSQL database, dropped when the test ends."""
    require_pg()
    name = f"hubtest_{uuid.uuid4().hex[:12]}"
    with _pg_admin_connection() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with _pg_admin_connection() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    request.addfinalizer(drop)
    return f"postgresql+psycopg://postgres@127.0.0.1:{PG_PORT}/{name}"


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def hub_url(backend, tmp_path_factory, request) -> str:
    """A database with the hub's schema, shared by the session's tests (each test makes its own tenant)."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('hub') / 'hub.db'}"
    else:
        url = request.getfixturevalue("pg_database")
    from sync.hub.migrate import upgrade

    upgrade(url)
    return url


@pytest.fixture(scope="session")
def hub_app(hub_url):
    from sync.hub.app import create_app

    app = create_app(hub_url)
    yield app
    app.state.db.dispose()


@pytest.fixture
def client(hub_app):
    from fastapi.testclient import TestClient

    with TestClient(hub_app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def world(hub_app, client):
    """Two tenants; tenant A has stores A1 and A2, tenant B has store B1; one paired terminal in each store."""
    from tests.sync.hub.helpers import build_world

    return build_world(hub_app.state.db, client)
