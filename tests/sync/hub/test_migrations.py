"""The Alembic scripts build the models' schema exactly: upgrade an empty database, then find no drift."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.hub.database import make_engine
from sync.hub.migrate import current_revision, head_revision, upgrade
from sync.hub.models import Base
from tests.sync.conftest import new_pg_database


def _assert_no_drift(url: str) -> None:
    upgrade(url)
    assert current_revision(url) == head_revision(url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
    upgrade(url)  # a second upgrade is a no-op


def test_sqlite_upgrades_to_head_without_drift(tmp_path):
    _assert_no_drift(f"sqlite:///{tmp_path / 'empty.db'}")


def test_postgres_upgrades_to_head_without_drift(request):
    _assert_no_drift(new_pg_database(request))
