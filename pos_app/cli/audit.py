"""``pos-app audit verify``: re-hash the terminal's audit trail and say whether its chain is intact."""

from __future__ import annotations

import argparse
import sys

from pos_app.cli.common import add_data_dir, settings_for


def add_commands(commands) -> None:
    audit = commands.add_parser("audit", help="check the terminal's hash-chained audit trail")
    actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help="re-hash every entry; exit status 1 names the first broken entry")
    add_data_dir(verify)
    audit.set_defaults(handler=cmd_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    from pos_app.bootstrap import open_terminal
    from pos_app.services.audit_trail import verify_audit_trail

    terminal = open_terminal(settings_for(args))
    try:
        report = verify_audit_trail(terminal.session_factory)
    finally:
        terminal.close()
    if report.intact:
        print(f"{report.entries:,} {'entry' if report.entries == 1 else 'entries'}, chain intact.")
        return 0
    if report.broken_action is None:
        print(f"The audit trail is broken: its last {report.missing_at_end:,} entries, from entry "
              f"{report.broken_seq}, are missing. {report.entries:,} entries are left.", file=sys.stderr)
    else:
        print(f"The audit trail is broken at entry {report.broken_seq} ({report.broken_action}, "
              f"{report.broken_at.astimezone():%Y-%m-%d %H:%M:%S}): that entry was changed, or one before it was "
              f"removed. {report.entries:,} entries checked.", file=sys.stderr)
    return 1
