"""What the `pos-hub` commands share: the database they open, the store and tenant they name, CSV imports, and
the error that ends a command with one sentence."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import select

DB_ENV = "POS_HUB_DB"


class CliError(Exception):
    """A message for the person at the terminal."""


def default_db_url() -> str:
    folder = Path(user_data_dir("pos-hub", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hub.db'}"


def _db_url(args) -> str:
    return args.db or os.environ.get(DB_ENV) or default_db_url()


def _database(args, *, migrate: bool = True):
    from sync.hub.database import Database
    from sync.hub.migrate import upgrade

    url = _db_url(args)
    if migrate:
        upgrade(url)
    return Database(url)


def _store(session, code: str):
    from sync.hub.models import Store

    store = session.scalar(select(Store).where(Store.store_code == code))
    if store is None:
        raise CliError(f"There is no store with the code {code}. Check `--store`, or run `pos-hub seed-demo`.")
    return store


def _tenant(session, code: str):
    from sync.hub.models import Tenant

    tenant = session.scalar(select(Tenant).where(Tenant.code == code))
    if tenant is None:
        raise CliError(f"There is no tenant with the code {code}. Check `--tenant`, or run `pos-hub seed-demo`.")
    return tenant


def _import(args, scope: Callable, run: Callable, what: str) -> None:
    from sync.hub.importers.csv_rows import CsvRejected

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"There is no file at {path}.")
    db = _database(args)
    try:
        with db.write() as session:
            report = run(session, scope(session), path)
    except CsvRejected as rejected:
        lines = "\n".join(f"  {error}" for error in rejected.errors)
        raise CliError(f"Nothing was imported from {path.name}; fix these rows and import the file again:\n{lines}"
                       ) from None
    finally:
        db.dispose()
    print(f"Imported {what} from {path.name}: {report.created} created, {report.updated} updated.")
