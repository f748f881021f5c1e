"""schemathesis against `/openapi.json`: no 5xx and no response that breaks the documented schema.

Every operation the hub documents, on PostgreSQL (the engine a hub that scales runs on), with the sync routes
under a paired terminal's token and the admin API under an admin's. Bounded (a few examples per operation) so it
stays a quick check in `make test`.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from sync.hub.app import create_app
from sync.hub.migrate import upgrade
from tests.sync.hub.helpers import build_world


@pytest.fixture(scope="module")
def fuzz_target(pg_database):
    url = pg_database
    upgrade(url)
    app = create_app(url)
    with TestClient(app) as client:
        world = build_world(app.state.db, client)
    yield app, world
    app.state.db.dispose()


MAX_EXAMPLES = 10


def _fuzz(operation, headers, checks) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(headers=headers, checks=checks)

    check()


def test_no_server_errors_and_no_schema_breaks(fuzz_target):
    # Driven by hand: schemathesis' own pytest plugin does not load under this pytest version.
    app, world = fuzz_target
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        headers = world.terminals["A1"].headers if operation.path.startswith("/sync/") else world.admin("A")
        try:
            _fuzz(operation, headers, checks)
        except Exception as error:  # collect every operation's failure, then report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    print(f"\n{operations} operations fuzzed")
    assert operations >= 25
    assert not failures, "\n\n".join(failures)
