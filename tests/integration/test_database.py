"""The replica's schema comes from the migrations, matches the models, and is opened with the right pragmas."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pos_app.persistence.catalog_search import is_search_index
from pos_app.persistence.database import make_engine
from pos_app.persistence.migrate import backup_database, current_revision, head_revision, upgrade_to_head
from pos_app.persistence.models import Base


# SQLAlchemy cannot reflect the kiosk's expression indexes (CAST(thc AS REAL)); they are hand-built and left out
# of the comparison like the search index, so its warning about them says nothing here.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_an_empty_database_upgrades_to_head_with_no_drift_from_the_models(tmp_path):
    db_path = tmp_path / "terminal.db"
    engine = make_engine(db_path)
    assert upgrade_to_head(engine, db_path) is None, "a brand-new file needs no backup"
    assert current_revision(engine) == head_revision(engine)
    with engine.connect() as connection:
        # The search index (FTS5 tables, their shadow tables, partial NOCASE indexes) is SQLite's, not a model's.
        opts = {"compare_type": True, "include_name": lambda name, _type, _parent: not is_search_index(name)}
        diff = compare_metadata(MigrationContext.configure(connection, opts=opts), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"
    engine.dispose()


def test_every_connection_gets_wal_full_sync_foreign_keys_and_busy_timeout(tmp_path):
    engine = make_engine(tmp_path / "terminal.db")
    with engine.connect() as connection:
        pragmas = {name: connection.execute(text(f"PRAGMA {name}")).scalar()
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}
    engine.dispose()


def test_backup_copies_committed_rows_still_in_the_wal(tmp_path):
    db_path = tmp_path / "terminal.db"
    engine = make_engine(db_path)
    upgrade_to_head(engine, db_path)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO sync_state (id, client_id, terminal_no, next_mutation_id, "
                                "next_receipt_seq, next_audit_seq, last_acked_mutation_id, "
                                "pulled_through_mutation_id) VALUES (1, 'abc', 3, 1, 1, 1, 0, 0)"))
    copy = backup_database(db_path, "test")
    assert copy.parent.name == "backups"
    with sqlite3.connect(copy) as backup:
        assert backup.execute("SELECT terminal_no FROM sync_state").fetchone() == (3,)
    engine.dispose()


def test_reopening_a_current_database_changes_nothing(terminal):
    assert upgrade_to_head(terminal.engine, terminal.settings.db_path) is None
    assert not (terminal.settings.data_dir / "backups").exists()
