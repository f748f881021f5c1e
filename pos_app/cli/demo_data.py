"""``pos-app demo-data``: fill an empty terminal with the generated Ontario demo store, and print its sign-ins."""

from __future__ import annotations

import argparse
from pathlib import Path

from pos_app.cli.common import add_data_dir, settings_for


def add_commands(commands) -> None:
    demo = commands.add_parser("demo-data", help="fill an empty terminal with an Ontario demo store")
    add_data_dir(demo)
    demo.add_argument("--products", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--terminal", type=int, default=1)
    demo.add_argument("--promotions", action="store_true",
                      help="also the demo store's promotions and the code WELCOME10, as its hub would feed them")
    demo.set_defaults(handler=cmd_demo_data)


def cmd_demo_data(args: argparse.Namespace) -> int:
    from pos_app.bootstrap import open_terminal
    from pos_app.services.demo_data import install_demo_data

    with open_terminal(settings_for(args)) as terminal:  # closed on a refusal too
        summary = install_demo_data(terminal.session_factory, terminal.pin_pepper, products=args.products,
                                    seed=args.seed, terminal_no=args.terminal, progress=print,
                                    promotions=args.promotions)
        _print_demo_summary(summary, terminal.settings.data_dir)
    return 0


def _print_demo_summary(summary, data_dir: Path) -> None:
    print(f"Demo store {summary.store_code} ({summary.store_name}) is ready in {data_dir}")
    for table in ("ocs_product_catalog", "accessories_catalog", "batch_tracking", "shelf_locations"):
        print(f"  {table}: {summary.counts.get(table, 0):,} rows")
    print("Staff sign-in (staff code / PIN):")
    for login in summary.staff:
        print(f"  {login.role:<8} {login.name:<24} {login.staff_code} / {login.pin}")
