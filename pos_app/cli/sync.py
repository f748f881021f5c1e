"""``pos-app sync pair|status|once|unpair``: pairing and syncing with the hub from the command line.

Each prints plain sentences; failures reach ``pos_app.cli.main`` as ``ServiceError`` and end as one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from pos_app.cli.common import add_data_dir, settings_for

if TYPE_CHECKING:
    from pos_app.bootstrap import Terminal
    from pos_app.services.sync_service import SyncOverview

PHASES = {"push": "Sending", "pull": "Receiving"}


class ProgressLine:
    """Progress on one line of the terminal: 'Receiving 1,200 of 5,400 changes'."""

    def __init__(self, stream=None) -> None:
        self._stream = stream or sys.stdout
        self._open = False

    def progress(self, phase: str, done: int, total: int) -> None:
        self._stream.write(f"\r{PHASES.get(phase, phase)} {done:,} of {total:,} changes…   ")
        self._stream.flush()
        self._open = True

    def status_changed(self, status) -> None:
        pass

    def alert(self, message: str) -> None:
        self.end()
        print(f"Alert: {message}", file=self._stream)

    def end(self) -> None:
        if self._open:
            self._stream.write("\n")
            self._open = False


def _when(moment: datetime | None) -> str:
    return "never" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def status_lines(overview: SyncOverview) -> list[str]:
    lines = [
        f"Paired:          {'yes' if overview.paired else 'no'}",
        f"Hub:             {overview.hub_url or '-'}",
        f"Client id:       {overview.client_id}",
        f"Terminal number: {overview.terminal_no}",
        f"Pending:         {overview.pending}",
        f"Rejected:        {overview.rejected}",
        f"Last good sync:  {_when(overview.last_good_sync)}",
    ]
    if overview.alert:
        lines.append(f"Alert:           {overview.alert}")
    return lines


def _with_progress(terminal: Terminal, work):
    line = ProgressLine()
    terminal.sync.listeners.add(line)
    try:
        return work()
    finally:
        line.end()
        terminal.sync.listeners.remove(line)


def cmd_pair(terminal: Terminal, args) -> None:
    pairing = terminal.sync.pair(args.hub, args.code, terminal_name=args.name, terminal_no=args.terminal_no)
    print(f"Paired with the hub at {args.hub.rstrip('/')} (terminal {pairing.terminal_id}).")
    print("Bringing the store's catalog, staff and stock to this terminal…")
    report = _with_progress(terminal, terminal.sync.bootstrap)
    print(f"Done: {report.changes:,} changes in {report.pages} pages. The terminal can sell.")


def cmd_status(terminal: Terminal, _args) -> None:
    print("\n".join(status_lines(terminal.sync.overview())))
    for row in terminal.sync.rejected()[:20]:
        print(f"  rejected #{row.mutation_id} {row.name}: {row.code} — {row.message}")


def cmd_once(terminal: Terminal, _args) -> None:
    report = _with_progress(terminal, terminal.sync.sync_once)
    overview = terminal.sync.overview()
    print(f"Sent {report.pushed.acknowledged:,} ({report.pushed.rejected:,} rejected), received "
          f"{report.pulled.changes:,} changes. {overview.pending:,} still pending.")
    if overview.alert:
        print(f"Alert: {overview.alert}")


def cmd_unpair(terminal: Terminal, _args) -> None:
    terminal.sync.unpair()
    print("This terminal is no longer paired. Its data stays; pair it again with `pos-app sync pair`.")


SYNC_ACTIONS = {"pair": cmd_pair, "status": cmd_status, "once": cmd_once, "unpair": cmd_unpair}


def add_commands(commands) -> None:
    sync = commands.add_parser("sync", help="pair with the hub and sync with it")
    actions = sync.add_subparsers(dest="action", required=True, metavar="ACTION")
    pair = actions.add_parser("pair", help="pair this terminal with its store on the hub, then fetch the store")
    pair.add_argument("--hub", required=True, help="the hub's address, e.g. http://192.168.1.10:8700")
    pair.add_argument("--code", required=True, help="the one-time code from `pos-hub pairing-code`")
    pair.add_argument("--name", help="this terminal's name on the hub (default: host name and number)")
    pair.add_argument("--terminal-no", type=int, help="this terminal's number on receipts")
    add_data_dir(pair)
    for name, help_ in (("status", "paired?, hub, client id, pending, rejected, last good sync"),
                        ("once", "send and fetch until caught up, with progress"),
                        ("unpair", "forget the hub (refused while changes are unsent)")):
        add_data_dir(actions.add_parser(name, help=help_))
    sync.set_defaults(handler=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from pos_app.bootstrap import open_terminal

    terminal = open_terminal(settings_for(args))
    try:
        SYNC_ACTIONS[args.action](terminal, args)
    finally:
        terminal.close()
    return 0
