"""The receipt printer, its cash drawer and the card terminal, built from ``Settings.hardware``.

``printer_url`` and ``payment_url`` come from ``terminal.toml`` or ``POS_APP_PRINTER_URL`` /
``POS_APP_PAYMENT_URL``, as for ``pos-app hardware``. A device that is not configured is None, and the till
works without it: receipts are not printed, and card tenders are not offered.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from hardware.errors import HardwareError
from hardware.payments.driver import PosLinkTerminal
from hardware.ports import PrinterStatus
from hardware.printers.adapter import EscposPrinter
from hardware.printers.document import ReceiptDocument
from hardware.printers.layout import two_columns
from hardware.printers.queue import PrintQueue
from pos_app.config import Settings
from pos_app.services.printing import PrintEvents, PrintService
from pos_app.services.receipts import ReportDocument
from pos_app.services.terminal import TerminalContext

log = logging.getLogger(__name__)

# How long one printer operation may take before it counts as failed; the print queue retries it.
PRINTER_TIMEOUT_S = 3.0
DEFAULT_RETRY_DELAYS_S = (1.0, 3.0, 10.0)


class ReceiptAndReportPrinter:
    """The ESC/POS printer, printing a ``ReportDocument`` as plain label/amount lines.

    The print queue hands every job to ``print_receipt``; shift reports go through it too, so they get the
    queue's retries and reprint, but print without items, totals block or receipt code.
    """

    def __init__(self, printer: EscposPrinter) -> None:
        self.printer = printer

    def print_receipt(self, document: ReceiptDocument, *, open_drawer: bool = False) -> None:
        if isinstance(document, ReportDocument):
            self.printer.print_lines(report_lines(document, self.printer.columns), title=document.title)
        else:
            self.printer.print_receipt(document, open_drawer=open_drawer)

    def status(self) -> PrinterStatus:
        return self.printer.status()

    def open_drawer(self) -> None:
        self.printer.open_drawer()


def report_lines(document: ReportDocument, columns: int) -> list[str]:
    rule = "-" * columns
    lines = [document.store_name, *document.store_address]
    if document.licence_number:
        lines.append(f"{document.labels.licence}: {document.licence_number}")
    lines += [document.timestamp_text, rule]
    for label, value in document.rows:
        lines += two_columns(label, value, columns) if value else [label]
    return [*lines, rule, document.receipt_number]


def receipt_printer(settings: Settings) -> ReceiptAndReportPrinter | None:
    url = settings.hardware.printer_url
    if not url:
        return None
    try:
        return ReceiptAndReportPrinter(
            EscposPrinter(url, paper_width=settings.hardware.paper_width_mm, timeout_s=PRINTER_TIMEOUT_S)
        )
    except HardwareError as error:
        log.error("The receipt printer is not usable: %s", error)
        return None


def build_print_service(
    settings: Settings, context: TerminalContext, session_factory: sessionmaker[Session], *,
    retry_delays_s: Sequence[float] = DEFAULT_RETRY_DELAYS_S,
) -> PrintService:
    """The print service on a running print queue (or with none when no printer is configured)."""
    printer = receipt_printer(settings)
    events = PrintEvents()
    queue = None
    if printer is not None:
        queue = PrintQueue(printer, on_event=events.emit, retry_delays_s=retry_delays_s)
        queue.start()
    return PrintService(queue, context, printer=printer, session_factory=session_factory, zone=context.zone,
                        events=events, receipt_language=settings.receipt_language,
                        terminal_language=settings.language)


def card_terminal(settings: Settings) -> PosLinkTerminal | None:
    """The semi-integrated card terminal; it connects on its first request, not here."""
    url = settings.hardware.payment_url
    return PosLinkTerminal(url) if url else None
