"""What `pos-app hardware list | test-print | open-drawer | pay-test --amount 0.01` do, given device URLs:
`list_devices`, `print_test_page`, `open_drawer` and `pay_test` (with `parse_amount` for "0.01").

Each function returns plain sentences for a person and never raises for a device problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import serial

from hardware.errors import HardwareError
from hardware.payments.attempts import take_payment
from hardware.payments.driver import PosLinkTerminal
from hardware.payments.journal import AttemptJournal, SqliteAttemptJournal
from hardware.payments.link import PaymentError
from hardware.ports import PaymentKind, PaymentStatus
from hardware.printers.adapter import EscposPrinter
from hardware.printers.document import format_cents


@dataclass(frozen=True)
class DeviceConfig:
    scanner_url: str | None = None  # e.g. socket://127.0.0.1:9200 or /dev/ttyACM0
    printer_url: str | None = None  # e.g. tcp://127.0.0.1:9100
    payment_url: str | None = None  # e.g. socket://127.0.0.1:10009
    id_reader_url: str | None = None
    paper_width: int = 80


@dataclass(frozen=True)
class DeviceReport:
    device: str  # "scanner", "printer", "payment terminal", "ID reader"
    url: str | None
    ok: bool
    detail: str


@dataclass(frozen=True)
class DiagnosticResult:
    ok: bool
    message: str


def list_devices(config: DeviceConfig, *, timeout_s: float = 3.0) -> list[DeviceReport]:
    return [
        _serial_report("scanner", config.scanner_url, timeout_s),
        _printer_report(config, timeout_s),
        _terminal_report(config.payment_url, timeout_s),
        _serial_report("ID reader", config.id_reader_url, timeout_s),
    ]


def print_test_page(config: DeviceConfig, *, timeout_s: float = 5.0) -> DiagnosticResult:
    if not config.printer_url:
        return DiagnosticResult(False, "No receipt printer is configured.")
    printer = EscposPrinter(config.printer_url, paper_width=config.paper_width, timeout_s=timeout_s)
    lines = [
        f"Printed {datetime.now():%Y-%m-%d %H:%M}",
        f"Paper: {config.paper_width} mm, {printer.columns} columns",
        "Accents: àâçéèêëîïôûùüÿ ÀÂÇÉÈÊËÎÏÔÛÙÜ",
        "0123456789" * (printer.columns // 10),
    ]
    try:
        printer.print_lines(lines, title="Test page")
    except HardwareError as exc:
        return DiagnosticResult(False, str(exc))
    return DiagnosticResult(True, "The test page was sent to the printer. Check that it printed cleanly.")


def open_drawer(config: DeviceConfig, *, timeout_s: float = 5.0) -> DiagnosticResult:
    if not config.printer_url:
        return DiagnosticResult(
            False, "No receipt printer is configured, and the cash drawer is wired to it."
        )
    try:
        EscposPrinter(config.printer_url, paper_width=config.paper_width, timeout_s=timeout_s).open_drawer()
    except HardwareError as exc:
        return DiagnosticResult(False, str(exc))
    return DiagnosticResult(True, "The drawer was told to open.")


def parse_amount(text: str) -> int:
    """'0.01' → 1 cent. Raises HardwareError with a plain sentence for anything else."""
    match = re.fullmatch(r"\s*(\d{1,6})(?:\.(\d{1,2}))?\s*", text, re.ASCII)
    if match is None:
        raise HardwareError(f"{text!r} is not an amount. Write it like 0.01.")
    cents = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if cents <= 0:
        raise HardwareError("The amount must be more than zero.")
    return cents


def pay_test(
    config: DeviceConfig,
    *,
    amount_cents: int = 1,
    journal: AttemptJournal | None = None,
    response_timeout_s: float = 120.0,
) -> DiagnosticResult:
    """Charge a small amount and void it at once. Pass pos_app's journal so a crash mid-test is recovered."""
    if not config.payment_url:
        return DiagnosticResult(False, "No payment terminal is configured.")
    journal = journal or SqliteAttemptJournal(":memory:")
    terminal = PosLinkTerminal(config.payment_url, response_timeout_s=response_timeout_s)
    try:
        result = take_payment(journal, terminal, PaymentKind.SALE, amount_cents)
        if not result.status.charged:
            return DiagnosticResult(False, f"Test payment of {format_cents(amount_cents)}: {result.message}")
        voided = terminal.void(result.reference)
        journal.mark_result(result.reference, voided)
    except PaymentError as exc:
        return DiagnosticResult(False, str(exc))
    finally:
        terminal.close()
    if voided.status is not PaymentStatus.VOIDED:
        return DiagnosticResult(
            False,
            f"The test payment was approved but could not be reversed (reference {result.reference}). "
            "Void it on the terminal.",
        )
    return DiagnosticResult(
        True,
        f"The terminal approved {format_cents(amount_cents)} ({result.brand} ****{result.last4}) "
        "and the payment was reversed.",
    )


def _serial_report(device: str, url: str | None, timeout_s: float) -> DeviceReport:
    if not url:
        return DeviceReport(device, url, False, "Not configured.")
    try:
        serial.serial_for_url(url, timeout=timeout_s).close()
    except (serial.SerialException, OSError, ValueError):
        return DeviceReport(device, url, False, f"The {device} cannot be reached. Check its cable and power.")
    return DeviceReport(device, url, True, "Connected.")


def _printer_report(config: DeviceConfig, timeout_s: float) -> DeviceReport:
    url = config.printer_url
    if not url:
        return DeviceReport("printer", url, False, "Not configured.")
    try:
        status = EscposPrinter(url, paper_width=config.paper_width, timeout_s=timeout_s).status()
    except HardwareError as exc:
        return DeviceReport("printer", url, False, str(exc))
    return DeviceReport("printer", url, status.ready, status.describe())


def _terminal_report(url: str | None, timeout_s: float) -> DeviceReport:
    if not url:
        return DeviceReport("payment terminal", url, False, "Not configured.")
    terminal = PosLinkTerminal(url, ack_timeout_s=timeout_s, query_timeout_s=timeout_s)
    try:
        # Asking about a reference that was never used charges nothing and proves the terminal answers.
        terminal.status("DIAG-PING")
    except PaymentError:
        return DeviceReport(
            "payment terminal", url, False, "The payment terminal does not answer. Check it is on."
        )
    finally:
        terminal.close()
    return DeviceReport("payment terminal", url, True, "Answering.")
