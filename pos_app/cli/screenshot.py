"""``pos-app screenshot``: render a screen to a PNG file, without a display, from the terminal's own data."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos_app.cli.common import add_data_dir, add_mode, checked_mode
from pos_app.cli.run import open_terminal_for
from pos_app.i18n import LANGUAGES, set_language
from pos_app.modes import DEFAULT_MODE


def add_commands(commands) -> None:
    shot = commands.add_parser("screenshot", help="render a screen to a PNG file, without a display")
    add_data_dir(shot)
    add_mode(shot, default=DEFAULT_MODE)
    shot.add_argument("--state", default="cart",
                      help="what the screen shows: login, idle, cart, tender, card-wait, refund, shift-close, "
                           "z-report, customer-display (the customer's screen after a cash sale) or kiosk-tickets; "
                           "with --mode kiosk: attract, age-gate, browse, filters, product, cart, code, cart-code, "
                           "limit, ticket or pay; "
                           "with --mode backoffice: sign-in, receiving-list, receiving, discrepancy, putaway, count, "
                           "variance, adjust, recalls or stock; "
                           "with any mode, the first-run wizard's steps: wizard-language, wizard-hub, "
                           "wizard-hub-unreachable, wizard-code, wizard-code-refused, wizard-terminal, wizard-devices, "
                           "wizard-sync, wizard-sync-failed or wizard-ready")
    shot.add_argument("--lang", choices=LANGUAGES, default=None,
                      help="the language of the screen (default: the terminal's language setting)")
    shot.add_argument("--size", default="1024x768", help="window size, e.g. 1024x768 or 1920x1080")
    shot.add_argument("--out", type=Path, required=True)
    shot.set_defaults(handler=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace) -> int:
    from pos_app.ui.screenshots import render_screen

    mode = checked_mode(args.mode)
    with open_terminal_for(args) as terminal:  # closed on a refused state or size too
        set_language(args.lang or terminal.settings.language)
        width, _, height = args.size.partition("x")
        render_screen(terminal, mode=mode, state=args.state, size=(int(width), int(height)), out=args.out)
    print(f"Wrote {args.out}")
    return 0
