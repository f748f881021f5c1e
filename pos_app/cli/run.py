"""``pos-app run``: open the terminal window, on its own data folder or on the demo stack (``--demo``)."""

from __future__ import annotations

import argparse

from pos_app.cli.common import add_data_dir, add_mode, checked_mode, data_dir, settings_for
from pos_app.config import SettingsError, load_settings
from pos_app.i18n import set_language


def add_commands(commands) -> None:
    run = commands.add_parser("run", help="open the terminal window")
    add_data_dir(run)
    add_mode(run, default=None)
    run.add_argument("--demo", action="store_true", help="use a demo store (made on first run)")
    run.add_argument("--terminal", type=int, default=1, help="terminal number for --demo (default 1)")
    run.add_argument("--customer-display", action="store_true",
                     help="also open the customer display: a second window, full screen on a second screen if there "
                          "is one (or customer_display = true in terminal.toml)")
    run.set_defaults(handler=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    mode = checked_mode(args.mode) if args.mode else None  # before anything starts or is written
    from pos_app.ui.app import qt_application, theme_for

    if not args.demo and not _set_up(args):
        return 1  # the wizard was cancelled: nothing opens, and the next run carries on from where it stopped
    terminal = _open_demo_terminal(args, mode) if args.demo else open_terminal_for(args)
    settings = terminal.settings
    mode = mode or settings.mode
    set_language(settings.language)  # the screens, messages and receipts start in the terminal's language
    if mode == "kiosk" and args.customer_display:
        terminal.close()
        raise SettingsError("A kiosk faces its customers itself, so it has no customer display. Leave out "
                            "--customer-display, or open the register.")
    # The register's window runs its own sync; a kiosk's window has none (nothing of it is for customers), so
    # a paired kiosk syncs from here: its tickets reach the registers, and stock and prices come back.
    runner = _kiosk_sync(terminal) if mode == "kiosk" and not args.demo else None
    app = qt_application(theme_for(mode, settings.theme))
    window = open_windows(terminal, mode, customer_display=args.customer_display or settings.customer_display)
    status = app.exec()  # ``window`` is held until here: a window no one refers to is deleted
    del window
    if runner is not None:
        runner.stop()
    terminal.close()
    return status


def open_windows(terminal, mode: str, *, customer_display: bool = False):
    """Show the window of ``mode``, and beside a register the customer display if asked for (a kiosk already faces
    its customers, so it has none); returns the main window."""
    from pos_app.ui.app import window_for

    settings = terminal.settings
    window = window_for(terminal, mode, idle_warning_s=settings.kiosk_idle_warning_s,
                        idle_reset_s=settings.kiosk_idle_reset_s)
    if mode == "kiosk":
        window.showFullScreen()  # customers see the kiosk and nothing of the desktop
        return window
    window.show_on_screen(1280, 800)
    if customer_display and mode == "register":  # the customer display follows a register's sale
        from pos_app.ui.customer_display.idle import find_idle_pictures

        window.open_customer_display(find_idle_pictures(settings.data_dir))
    return window


def _kiosk_sync(terminal):
    sync = terminal.sync
    overview = sync.overview()
    if not overview.paired or overview.last_good_sync is None:
        return None  # not paired, or not set up yet: "This kiosk is being set up" until `pos-app sync` has run
    runner = sync.runner()
    runner.start()
    return runner


def _set_up(args: argparse.Namespace) -> bool:
    """A folder that is not set up yet (fresh, or cut short) gets the first-run wizard; True when it may open."""
    from pos_app.cli.first_run import needs_setting_up, set_up

    settings = settings_for(args)
    return not needs_setting_up(settings) or set_up(settings)


def open_terminal_for(args: argparse.Namespace):
    from pos_app.bootstrap import open_terminal

    return open_terminal(settings_for(args))


def _open_demo_terminal(args: argparse.Namespace, mode: str | None):
    """The demo: hub, simulators and a paired, bootstrapped terminal that syncs while its window is open (a kiosk
    too: `--demo --mode kiosk --terminal 3` sends its tickets to the registers of the same demo hub)."""
    import atexit

    from pos_app.bootstrap import open_terminal
    from pos_app.demo_stack import join_demo_stack, start_demo_stack

    stack = start_demo_stack(load_settings(data_dir(args, demo=True)).data_dir)
    atexit.register(stack.close)
    terminal = open_terminal(settings_for(args, demo=True))
    join_demo_stack(stack, terminal, args.terminal, kind="kiosk" if mode == "kiosk" else "terminal")
    return terminal
