"""The hub's database alone reveals no PIN pepper and no kiosk ticket key: they are sealed with a key kept apart
from it (POS_HUB_SECRET_KEY or the key file), plaintext ones are sealed by the migration, and
`pos-hub rotate-secret-key` re-seals them under a new key."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from sync.hub.database import make_engine
from sync.hub.migrate import alembic_config, upgrade
from sync.hub.models import Base, Store, Tenant
from sync.hub.secret_box import key_file
from tests.sync.conftest import new_pg_database

PEPPER = "5e" * 32


def _every_stored_text(url: str) -> str:
    """Every row of every table as PostgreSQL writes it out: what a stolen database (or its dump) shows."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return "\n".join(str(row[0]) for table in Base.metadata.sorted_tables
                             for row in conn.execute(text(f'SELECT CAST(t AS text) FROM "{table.name}" t')))
    finally:
        engine.dispose()


def test_the_hubs_database_alone_reveals_no_pepper_nor_ticket_key(hub, make_till):
    till = make_till(hub.url)
    pepper, ticket_key = till.terminal.pin_pepper, till.terminal.secrets.get("kiosk-ticket-key")
    assert len(pepper) == 64 and ticket_key
    stored = _every_stored_text(hub.db.url)
    assert pepper not in stored and ticket_key not in stored
    path = key_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _pos_hub(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.hub.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path.cwd()), **(env or {})}, timeout=120)


def test_the_migration_seals_plaintext_peppers_and_rotation_reseals_them(request, tmp_path):
    url = new_pg_database(request)
    key = tmp_path / "hub" / "secret.key"
    env = {"POS_HUB_SECRET_KEY_FILE": str(key)}
    engine = make_engine(url)
    try:
        with engine.begin() as conn:  # a hub from before: peppers in clear
            config = alembic_config(url)
            config.attributes["connection"] = conn
            command.upgrade(config, "0010")
            conn.execute(text("INSERT INTO tenants (id, code, name, currency, pin_pepper, version, created_at, "
                              "updated_at) VALUES ('0b0b0b0b-0000-4000-8000-000000000001', 'OLD', 'Old Co', 'CAD', "
                              ":p, 0, now(), now())"), {"p": PEPPER})
        previous = os.environ.get("POS_HUB_SECRET_KEY_FILE")
        os.environ["POS_HUB_SECRET_KEY_FILE"] = str(key)
        try:
            upgrade(url)
            with engine.connect() as conn:
                sealed = conn.scalar(text("SELECT pin_pepper FROM tenants WHERE code = 'OLD'"))
            assert PEPPER not in _every_stored_text(url) and sealed.startswith("gAAAAA")
            assert stat.S_IMODE(key.stat().st_mode) == 0o600
            first_key = key.read_text()

            done = _pos_hub("rotate-secret-key", "--db", url, env=env)
            assert done.returncode == 0, done.stderr
            assert "1 secret" in done.stdout and first_key.strip() not in done.stdout
            assert key.read_text() != first_key and len(key.read_text().split()) == 1
            with engine.connect() as conn:
                resealed = conn.scalar(text("SELECT pin_pepper FROM tenants WHERE code = 'OLD'"))
                assert resealed != sealed and PEPPER not in _every_stored_text(url)
            from sync.hub.database import Database

            db = Database(url)
            with db.read() as session:
                assert session.scalar(select(Tenant.pin_pepper).where(Tenant.code == "OLD")) == PEPPER
                assert session.scalars(select(Store)).all() == []
            db.dispose()
        finally:
            if previous is None:
                os.environ.pop("POS_HUB_SECRET_KEY_FILE")
            else:
                os.environ["POS_HUB_SECRET_KEY_FILE"] = previous
    finally:
        engine.dispose()

    wrong = _pos_hub("rotate-secret-key", "--db", url, env={"POS_HUB_SECRET_KEY": "not-a-key"})
    assert wrong.returncode == 1 and "POS_HUB_SECRET_KEY is not a Fernet key" in wrong.stderr
