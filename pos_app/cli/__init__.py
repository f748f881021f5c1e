"""The ``pos-app`` command. Every failure a person can meet ends in a plain sentence, never a traceback.

Each command lives in its own module here, which adds its parser and its handler; the handlers import the terminal
lazily, so ``pos-app --help`` and a bad argument answer at once.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from pos_app.cli import audit, db, demo_data, diagnostics, hardware, promotions, run, screenshot, sync
from pos_app.config import SettingsError
from pos_app.version import app_version

log = logging.getLogger(__name__)

COMMAND_MODULES = (run, screenshot, demo_data, hardware, db, sync, audit, promotions, diagnostics)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-app", description="Point of sale for cannabis stores.")
    parser.add_argument("--version", action="version", version=f"pos-app {app_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.getLogger().addHandler(logging.NullHandler())  # no stderr fallback before the log file is set
    try:
        return args.handler(args)
    except SettingsError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a person gets a sentence; the log keeps the traceback
        message = getattr(error, "message", None)
        if message:
            return _fail(message)
        log.exception("pos-app %s failed", args.command)
        return _fail(f"Something went wrong ({type(error).__name__}: {error}). The details are in the log.")


def _fail(message: str, status: int = 1) -> int:
    print(message, file=sys.stderr)
    return status
