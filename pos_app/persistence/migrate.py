"""Bring the replica's schema to head at start, after copying the file to ``backups/`` (DESIGN §3)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations" / "terminal"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_database(db_path: Path, label: str) -> Path:
    """Copy through SQLite's backup API, which includes what is still in the WAL file."""
    backups = db_path.parent / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"{db_path.stem}-{stamp}-{label}.db"
    with sqlite3.connect(db_path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    copy.close()
    source.close()
    return target


def upgrade_to_head(engine: Engine, db_path: Path) -> Path | None:
    """Upgrade if needed; returns the backup made, or None when the file was new or already current."""
    current = current_revision(engine)
    if current == head_revision(engine):
        return None
    backup = None
    if db_path.exists() and current is not None:
        backup = backup_database(db_path, f"before-{head_revision(engine)}")
        log.info("Backed up the database to %s before upgrading from %s", backup, current)
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup
