"""``pos-app diagnostics bundle``: a zip for support (logs, settings, sync status, versions), with no secret in it."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from pos_app.cli.common import add_data_dir
from pos_app.cli.run import open_terminal_for


def add_commands(commands) -> None:
    diagnostics = commands.add_parser("diagnostics", help="what support needs to look into a problem")
    actions = diagnostics.add_subparsers(dest="diagnostics_command", required=True, metavar="ACTION")
    bundle = actions.add_parser("bundle", help="write a zip of the logs, settings, sync status and versions")
    add_data_dir(bundle)
    bundle.add_argument("--out", type=Path, help="the zip to write (default: diagnostics-<time>.zip here)")
    bundle.set_defaults(handler=cmd_bundle)


def cmd_bundle(args: argparse.Namespace) -> int:
    from pos_app.cli.sync import status_lines
    from pos_app.persistence.migrate import current_revision
    from pos_app.services.diagnostics import write_bundle

    out = args.out or Path(f"diagnostics-{datetime.now():%Y%m%d-%H%M%S}.zip")
    with open_terminal_for(args) as terminal:
        written = write_bundle(out, terminal.settings, status_lines=status_lines(terminal.sync.overview()),
                               schema_revision=current_revision(terminal.engine))
    print(f"Wrote {written}: send it to support. It holds no PIN, token, card or ID number.")
    return 0
