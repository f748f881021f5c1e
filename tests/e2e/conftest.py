"""End-to-end tests share the sync tests' real hub on PostgreSQL, seeded with the demo tenant."""

from tests.sync.client.conftest import hub, make_till, seeded_hub_url, till_template  # noqa: F401
from tests.sync.conftest import pg_database  # noqa: F401
