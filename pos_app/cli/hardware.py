"""``pos-app codes parse`` and ``pos-app hardware ...``: thin wiring of the hardware layer to settings."""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import date

from pos_app.cli.common import add_data_dir, settings_for

# Diagnostic payments are not part of any sale; they are journaled under this fixed id so they can be told apart.
DIAGNOSTIC_SALE_ID = uuid.UUID(int=0)


def add_commands(commands) -> None:
    codes = commands.add_parser("codes", help="barcode and ID tools")
    add_data_dir(codes)
    codes.add_argument("action", choices=["parse"], help="parse: read raw scan bytes on stdin, print one JSON object")
    codes.set_defaults(handler=cmd_codes)

    hw = commands.add_parser("hardware", help="check the configured scanner, printer, drawer and card terminal")
    add_data_dir(hw)
    hw.add_argument("action", choices=["list", "test-print", "open-drawer", "pay-test"])
    hw.add_argument("--amount", default="0.01", help="pay-test amount in dollars (charged, then voided)")
    hw.set_defaults(handler=cmd_hardware)


def cmd_codes(args: argparse.Namespace) -> int:
    from hardware.codes.cli import run_codes_parse
    from pos_app.secrets import ID_HASH_SALT, SecretStore

    settings = settings_for(args)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    salt = SecretStore(settings.data_dir).get_or_create(ID_HASH_SALT).encode()
    status, text = run_codes_parse(sys.stdin.buffer.read(), date.today(), salt)
    print(text)
    return status


def device_config(settings):
    from hardware.diagnostics import DeviceConfig

    hw = settings.hardware
    return DeviceConfig(scanner_url=hw.scanner_url, printer_url=hw.printer_url, payment_url=hw.payment_url,
                        id_reader_url=hw.id_reader_url, paper_width=hw.paper_width_mm)


def cmd_hardware(args: argparse.Namespace) -> int:
    from hardware.diagnostics import list_devices, open_drawer, print_test_page

    settings = settings_for(args)
    config = device_config(settings)
    if args.action == "list":
        reports = list_devices(config)
        for report in reports:
            state = "ok" if report.ok else "not ready"
            print(f"{report.device:<17} {state:<10} {report.url or '-':<32} {report.detail}")
        return 0 if all(r.ok for r in reports if r.url) else 1
    if args.action == "test-print":
        result = print_test_page(config)
    elif args.action == "open-drawer":
        result = open_drawer(config)
    else:
        cents = _test_amount_cents(args.amount)
        if cents is None:
            return 2
        result = _pay_test(settings, config, cents)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _test_amount_cents(text: str) -> int | None:
    from pos_app.domain.errors import InvalidAmount
    from pos_app.domain.money import Money

    try:
        amount = Money.parse(text)
    except InvalidAmount:
        print(f"{text!r} is not an amount. Write it like 0.01.", file=sys.stderr)
        return None
    if amount <= Money.zero():
        print("The amount must be more than zero.", file=sys.stderr)
        return None
    return amount.cents


def _pay_test(settings, config, cents: int):
    from hardware.diagnostics import pay_test
    from pos_app.bootstrap import open_terminal
    from pos_app.persistence.payment_attempts import SqlAttemptJournal
    from pos_app.services.clock import utc_clock

    terminal = open_terminal(settings)
    try:
        journal = SqlAttemptJournal(terminal.session_factory, DIAGNOSTIC_SALE_ID, utc_clock)
        return pay_test(config, amount_cents=cents, journal=journal)
    finally:
        terminal.close()
