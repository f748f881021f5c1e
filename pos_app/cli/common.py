"""What every ``pos-app`` command shares: the data folder, the settings and the log file, and the mode check."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos_app.config import Settings, SettingsError, default_data_dir, load_settings
from pos_app.logging_setup import configure_logging
from pos_app.modes import MODE_TITLES, mode_refusal

DEMO_DIR_NAME = "demo-terminal-{n}"


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="folder of the terminal's database, logs and settings")


def add_mode(parser: argparse.ArgumentParser, default: str | None) -> None:
    # Checked by checked_mode, not argparse's choices, so a mode that is not built gets a sentence of its own.
    parser.add_argument("--mode", default=default, help=f"the mode to open in: {', '.join(MODE_TITLES)}")


def checked_mode(name: str) -> str:
    refusal = mode_refusal(name)
    if refusal:
        raise SettingsError(f"{refusal} Leave out --mode, or use --mode register.")
    return name


def data_dir(args: argparse.Namespace, demo: bool) -> Path | None:
    if args.data_dir is None and demo:
        return default_data_dir() / DEMO_DIR_NAME.format(n=args.terminal)
    return args.data_dir


def settings_for(args: argparse.Namespace, demo: bool = False) -> Settings:
    settings = load_settings(data_dir(args, demo))
    # Tracebacks belong in the log file, never on a person's screen.
    configure_logging(settings.log_dir)
    return settings
