"""End-to-end tests share the sync tests' real hub on PostgreSQL, seeded with the demo tenant."""

from tests.sync.client.conftest import (  # noqa: F401
    hub,
    make_till,
    seeded_database,
    seeded_hub_url,
    till_template,
)
from tests.sync.conftest import pg_database  # noqa: F401
