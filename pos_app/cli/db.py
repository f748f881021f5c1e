"""``pos-app db upgrade|reset``: the terminal's database, brought to the current schema or started afresh."""

from __future__ import annotations

import argparse

from pos_app.cli.common import add_data_dir, settings_for
from pos_app.config import Settings


def add_commands(commands) -> None:
    db = commands.add_parser("db", help="database maintenance")
    add_data_dir(db)
    db.add_argument("action", choices=["upgrade", "reset"])
    db.add_argument("--yes", action="store_true", help="reset: confirm that the database is to be deleted")
    db.set_defaults(handler=cmd_db)


def cmd_db(args: argparse.Namespace) -> int:
    from pos_app.bootstrap import open_terminal

    if args.action == "reset":
        return db_reset(settings_for(args), args.yes)
    terminal = open_terminal(settings_for(args))
    print(f"The database at {terminal.settings.db_path} is up to date.")
    terminal.close()
    return 0


def db_reset(settings: Settings, confirmed: bool) -> int:
    from pos_app.bootstrap import open_terminal
    from pos_app.persistence.migrate import backup_database
    from pos_app.services.errors import ServiceError
    from pos_app.services.sync_service import HUB_TOKEN

    terminal = open_terminal(settings)
    try:
        terminal.sync.refuse_if_unsent("reset")
        if not confirmed:
            raise ServiceError("Resetting deletes this terminal's database (a copy goes to backups/). "
                               "Run `pos-app db reset --yes` to go ahead.")
        backup = backup_database(settings.db_path, "before-reset")
        terminal.secrets.delete(HUB_TOKEN)
    finally:
        terminal.close()
    for suffix in ("", "-wal", "-shm"):
        settings.db_path.with_name(settings.db_path.name + suffix).unlink(missing_ok=True)
    print(f"The database was reset. The old one is kept at {backup}. Pair the terminal again to use it.")
    return 0
