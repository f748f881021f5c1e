"""``pos-app codes parse`` and ``pos-app hardware ...``: thin wiring of the hardware layer to settings."""

from __future__ import annotations

import sys
import uuid
from datetime import date

from hardware.codes.cli import run_codes_parse
from hardware.diagnostics import (
    DeviceConfig,
    list_devices,
    open_drawer,
    parse_amount,
    pay_test,
    print_test_page,
)
from hardware.errors import HardwareError
from pos_app.bootstrap import open_terminal
from pos_app.config import Settings
from pos_app.persistence.payment_attempts import SqlAttemptJournal
from pos_app.secrets import ID_HASH_SALT, SecretStore
from pos_app.services.selling import utc_clock

# Diagnostic payments are not part of any sale; they are journaled under this fixed id so they can be told apart.
DIAGNOSTIC_SALE_ID = uuid.UUID(int=0)


def device_config(settings: Settings) -> DeviceConfig:
    hw = settings.hardware
    return DeviceConfig(scanner_url=hw.scanner_url, printer_url=hw.printer_url, payment_url=hw.payment_url,
                        id_reader_url=hw.id_reader_url, paper_width=hw.paper_width_mm)


def codes_parse(settings: Settings) -> int:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    salt = SecretStore(settings.data_dir).get_or_create(ID_HASH_SALT).encode()
    status, text = run_codes_parse(sys.stdin.buffer.read(), date.today(), salt)
    print(text)
    return status


def hardware_command(settings: Settings, action: str, amount: str) -> int:
    config = device_config(settings)
    if action == "list":
        reports = list_devices(config)
        for report in reports:
            state = "ok" if report.ok else "not ready"
            print(f"{report.device:<17} {state:<10} {report.url or '-':<32} {report.detail}")
        return 0 if all(r.ok for r in reports if r.url) else 1
    if action == "test-print":
        result = print_test_page(config)
    elif action == "open-drawer":
        result = open_drawer(config)
    else:
        try:
            cents = parse_amount(amount)
        except HardwareError as error:
            print(error, file=sys.stderr)
            return 2
        terminal = open_terminal(settings)
        journal = SqlAttemptJournal(terminal.session_factory, DIAGNOSTIC_SALE_ID, utc_clock)
        result = pay_test(config, amount_cents=cents, journal=journal)
        terminal.close()
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
