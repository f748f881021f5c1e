"""Bring the replica's schema to head at start, after copying the file to ``backups/`` (DESIGN §3).

Alembic takes ~0.4 s to import and read its scripts, so a start whose database is already at head (nearly
every start) never loads it: the stored revision is read with one SELECT and compared with the head found by
reading the migration scripts' ``revision``/``down_revision`` lines as text. Anything else, a database that
is new, behind, or unknown, goes through Alembic as before.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations" / "terminal"
_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:'([^']*)'|"([^"]*)"|None)\s*$""",
                            re.MULTILINE)


class DatabaseTooNew(Exception):
    """The database was written by a newer version of the program, or by another program."""

    def __init__(self, revision: str, head: str | None) -> None:
        self.message = (
            f"This terminal's database is at schema revision {revision}, which this version of the program "
            f"does not know (it knows up to {head}). Install the newer version that wrote it, or restore a "
            "copy from the backups folder."
        )
        super().__init__(self.message)


class MigrationBroke(Exception):
    """An upgrade would have left rows referring to rows that are not there; it was rolled back."""

    def __init__(self, count: int, first: tuple) -> None:
        self.message = (f"Upgrading this terminal's database would leave {count} rows referring to rows that are "
                        f"not there (the first in {first[0]}), so nothing was changed. Restore a copy from the "
                        "backups folder, or call support with this message.")
        super().__init__(self.message)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def scripted_head() -> str | None:
    """The head of the migration scripts, read as text; None when they are not one plain chain."""
    parents: dict[str, str | None] = {}
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {m.group(1): m.group(2) or m.group(3) for m in _REVISION_LINE.finditer(script.read_text())}
        if "revision" not in found or "down_revision" not in found:
            return None
        parents[found["revision"]] = found["down_revision"]
    heads = set(parents) - set(parents.values())
    return heads.pop() if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The revision the database says it is at; None for a new file (or several rows, which Alembic sorts out)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except OperationalError:  # no alembic_version table: a new database
        return None
    return rows[0] if len(rows) == 1 else None


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
    """Upgrade if needed; returns the backup made, or None when the file was new or already current.

    Raises DatabaseTooNew, before anything is written, for a revision the scripts do not know.
    """
    current = stored_revision(engine)
    if current is not None and current == scripted_head():
        return None
    return _upgrade_with_alembic(engine, db_path)


def _upgrade_with_alembic(engine: Engine, db_path: Path) -> Path | None:
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = alembic_config(engine)
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None:
        try:
            scripts.get_revision(current)
        except CommandError:
            raise DatabaseTooNew(current, head) from None
    backup = None
    if db_path.exists() and current is not None:
        backup = backup_database(db_path, f"before-{head}")
        log.info("Backed up the database to %s before upgrading from %s", backup, current)
    with engine.connect() as connection:
        # A batch migration may rebuild a table (create the new one, copy, DROP the old); with foreign keys on,
        # dropping one other rows refer to (users, named by every order and shift) fails, and a terminal in use
        # could not upgrade. SQLite's own recipe: keys off for the change (set before the transaction begins, or
        # the pragma does nothing), every key checked before the commit, then on again.
        driver = connection.connection.driver_connection
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationBroke(len(broken), broken[0])
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
    return backup
