"""The ``pos-app`` command. Every failure a person can meet ends in a plain sentence, never a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from pos_app.config import SettingsError, load_settings
from pos_app.logging_setup import configure_logging

log = logging.getLogger(__name__)

DEMO_DIR_NAME = "demo-terminal-{n}"


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="folder of the terminal's database, logs and settings")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-app", description="Point of sale and kiosk for cannabis stores.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="open the terminal window")
    _add_data_dir(run)
    run.add_argument("--mode", choices=["register", "kiosk", "receiving"], default=None)
    run.add_argument("--demo", action="store_true", help="use a demo store (made on first run)")
    run.add_argument("--terminal", type=int, default=1, help="terminal number for --demo (default 1)")

    shot = commands.add_parser("screenshot", help="render a screen to a PNG file, without a display")
    _add_data_dir(shot)
    shot.add_argument("--mode", choices=["register", "kiosk", "receiving"], default="register")
    shot.add_argument("--state", default="cart",
                      help="what the screen shows: login, idle, cart, tender, card-wait, refund, shift-close or "
                           "z-report")
    shot.add_argument("--size", default="1024x768", help="window size, e.g. 1024x768 or 1920x1080")
    shot.add_argument("--out", type=Path, required=True)

    demo = commands.add_parser("demo-data", help="fill an empty terminal with an Ontario demo store")
    _add_data_dir(demo)
    demo.add_argument("--products", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--terminal", type=int, default=1)

    codes = commands.add_parser("codes", help="barcode and ID tools")
    _add_data_dir(codes)
    codes.add_argument("action", choices=["parse"], help="parse: read raw scan bytes on stdin, print one JSON object")

    hw = commands.add_parser("hardware", help="check the configured scanner, printer, drawer and card terminal")
    _add_data_dir(hw)
    hw.add_argument("action", choices=["list", "test-print", "open-drawer", "pay-test"])
    hw.add_argument("--amount", default="0.01", help="pay-test amount in dollars (charged, then voided)")

    db = commands.add_parser("db", help="database maintenance")
    _add_data_dir(db)
    db.add_argument("action", choices=["upgrade", "reset"])
    db.add_argument("--yes", action="store_true", help="reset: confirm that the database is to be deleted")
    _add_sync_parser(commands)
    return parser


def _add_sync_parser(commands) -> None:
    sync = commands.add_parser("sync", help="pair with the hub and sync with it")
    actions = sync.add_subparsers(dest="action", required=True, metavar="ACTION")
    pair = actions.add_parser("pair", help="pair this terminal with its store on the hub, then fetch the store")
    pair.add_argument("--hub", required=True, help="the hub's address, e.g. http://192.168.1.10:8700")
    pair.add_argument("--code", required=True, help="the one-time code from `pos-hub pairing-code`")
    pair.add_argument("--name", help="this terminal's name on the hub (default: host name and number)")
    pair.add_argument("--terminal-no", type=int, help="this terminal's number on receipts")
    _add_data_dir(pair)
    for name, help_ in (("status", "paired?, hub, client id, pending, rejected, last good sync"),
                        ("once", "send and fetch until caught up, with progress"),
                        ("unpair", "forget the hub (refused while changes are unsent)")):
        _add_data_dir(actions.add_parser(name, help=help_))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.getLogger().addHandler(logging.NullHandler())  # no stderr fallback before the log file is set
    try:
        return COMMANDS[args.command](args)
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


def _data_dir(args: argparse.Namespace, demo: bool) -> Path | None:
    if args.data_dir is None and demo:
        from pos_app.config import default_data_dir

        return default_data_dir() / DEMO_DIR_NAME.format(n=args.terminal)
    return args.data_dir


def _settings(args: argparse.Namespace, demo: bool = False):
    settings = load_settings(_data_dir(args, demo))
    # Tracebacks belong in the log file, never on a person's screen.
    configure_logging(settings.log_dir)
    return settings


def cmd_demo_data(args: argparse.Namespace) -> int:
    from pos_app.bootstrap import open_terminal
    from pos_app.services.demo_data import install_demo_data

    terminal = open_terminal(_settings(args))
    summary = install_demo_data(terminal.session_factory, terminal.pin_pepper, products=args.products,
                                seed=args.seed, terminal_no=args.terminal, progress=print)
    _print_demo_summary(summary, terminal.settings.data_dir)
    terminal.close()
    return 0


def _print_demo_summary(summary, data_dir: Path) -> None:
    print(f"Demo store {summary.store_code} ({summary.store_name}) is ready in {data_dir}")
    for table in ("ocs_product_catalog", "accessories_catalog", "batch_tracking", "shelf_locations"):
        print(f"  {table}: {summary.counts.get(table, 0):,} rows")
    print("Staff sign-in (staff code / PIN):")
    for login in summary.staff:
        print(f"  {login.role:<8} {login.name:<24} {login.staff_code} / {login.pin}")


def _open_demo_ready(args: argparse.Namespace, demo: bool):
    from pos_app.bootstrap import open_terminal

    if demo:
        return _open_demo_terminal(args)
    return open_terminal(_settings(args))


def _open_demo_terminal(args: argparse.Namespace):
    """The demo: hub, simulators and a paired, bootstrapped terminal that syncs while its window is open."""
    import atexit

    from pos_app.bootstrap import open_terminal
    from pos_app.demo_stack import join_demo_stack, start_demo_stack

    stack = start_demo_stack(load_settings(_data_dir(args, demo=True)).data_dir)
    atexit.register(stack.close)
    terminal = open_terminal(_settings(args, demo=True))
    join_demo_stack(stack, terminal, args.terminal)
    return terminal


def _window(terminal, mode: str):
    from pos_app.ui.main_window import MainWindow

    return MainWindow(terminal, mode=mode)


def cmd_run(args: argparse.Namespace) -> int:
    from pos_app.ui.app import qt_application

    terminal = _open_demo_ready(args, demo=args.demo)
    app = qt_application(terminal.settings.theme)
    window = _window(terminal, args.mode or terminal.settings.mode)
    window.resize(1280, 800)
    window.show()
    status = app.exec()
    terminal.close()
    return status


def cmd_screenshot(args: argparse.Namespace) -> int:
    from pos_app.ui.screenshots import render_screen

    terminal = _open_demo_ready(args, demo=False)
    width, _, height = args.size.partition("x")
    render_screen(terminal, mode=args.mode, state=args.state, size=(int(width), int(height)), out=args.out)
    print(f"Wrote {args.out}")
    terminal.close()
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from pos_app.bootstrap import open_terminal

    if args.action == "reset":
        from pos_app.sync_commands import db_reset

        return db_reset(_settings(args), args.yes)
    terminal = open_terminal(_settings(args))
    print(f"The database at {terminal.settings.db_path} is up to date.")
    terminal.close()
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    from pos_app.hardware_commands import codes_parse

    return codes_parse(_settings(args))


def cmd_hardware(args: argparse.Namespace) -> int:
    from pos_app.hardware_commands import hardware_command

    return hardware_command(_settings(args), args.action, args.amount)


def cmd_sync(args: argparse.Namespace) -> int:
    from pos_app.sync_commands import sync_command

    return sync_command(_settings(args), args)


COMMANDS = {"run": cmd_run, "screenshot": cmd_screenshot, "demo-data": cmd_demo_data, "db": cmd_db,
            "codes": cmd_codes, "hardware": cmd_hardware, "sync": cmd_sync}

if __name__ == "__main__":
    raise SystemExit(main())
