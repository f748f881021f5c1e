"""Printing receipts, refund slips, shift reports and kiosk ticket slips, reprinting, and opening the cash drawer.

``PrintQueue.submit`` never blocks and never raises: a worker thread prints. The methods here then wait a
short, bounded time (``wait_s``) for the first attempt, so the cashier hears at once when the paper is out,
and otherwise return while the receipt is still on its way. A print failure never fails a sale: it comes
back as ``PrintOutcome(ok=False, message)`` and the receipt is kept for Reprint. Printer status and the drawer
kick talk to the device directly, on one worker thread, with the same bounded wait.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from datetime import tzinfo
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from hardware.ports import CashDrawer, PrinterStatus, ReceiptPrinter
from hardware.printers.document import PlainSlip, PrintDocument
from hardware.printers.queue import JobState, PrintEvent, PrintQueue
from pos_app.domain.money import Money
from pos_app.domain.order import Order
from pos_app.domain.refund import Refund
from pos_app.domain.sale import SaleLine
from pos_app.domain.shift_report import ShiftReport
from pos_app.i18n.catalog import Message, has_message, text
from pos_app.persistence.audit import append_audit
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.errors import NotPermitted, NotSetUp
from pos_app.services.receipt_words import ReceiptWords, receipt_languages
from pos_app.services.receipts import document_for_report, receipt_for_order, receipt_for_refund, ticket_slip
from pos_app.services.staff import StaffMember, has_permission
from pos_app.services.terminal import TerminalContext

log = logging.getLogger(__name__)
T = TypeVar("T")

NO_SALE = "no_sale"
NO_SALE_PERMISSION = "drawer.no_sale"
NOT_SET_UP = Message("print.not_set_up")  # equal to the outcome's message in any language
_SETTLED = (JobState.PRINTED, JobState.RETRYING, JobState.FAILED)


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    message: str | None = None


class PrintEvents:
    """Print-queue events (reported on the queue's thread) passed on to whoever listens, e.g. the status bar."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[PrintEvent], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[PrintEvent], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def emit(self, event: PrintEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(event)


class PrintService:
    def __init__(
        self,
        queue: PrintQueue | None,
        context: TerminalContext,
        *,
        printer: ReceiptPrinter | None = None,
        session_factory: sessionmaker[Session] | None = None,
        zone: tzinfo | None = None,
        events: PrintEvents | None = None,
        wait_s: float = 1.5,
        receipt_language: str = "store",
        terminal_language: str | None = None,
    ) -> None:
        self._queue = queue
        self._context = context
        self._printer = printer
        self._session_factory = session_factory
        self._zone = zone
        self._events = events or PrintEvents()
        self._wait_s = wait_s
        self._receipt_language = receipt_language
        self._terminal_language = terminal_language
        self._device_thread: ThreadPoolExecutor | None = None
        self._last_job: int | None = None
        self._last_document: PrintDocument | None = None

    # --- printing --------------------------------------------------------------------------------------

    def receipt_words(self) -> ReceiptWords:
        """The words of the next document, in the receipt's language(s) (the setting ``receipt_language``)."""
        return ReceiptWords(receipt_languages(self._receipt_language, self._context.province_code,
                                              self._terminal_language))

    def print_sale(self, order: Order, staff_name: str, *, open_drawer: bool) -> PrintOutcome:
        document = receipt_for_order(order, self._context, staff_name=staff_name, zone=self._zone,
                                     words=self.receipt_words())
        return self._print(document, "receipt", open_drawer=open_drawer)

    def print_refund(self, refund: Refund, order: Order, staff_name: str, *, open_drawer: bool) -> PrintOutcome:
        """The slip for a recorded refund (``RefundService.refund``), which knows the tender it went back in."""
        document = receipt_for_refund(refund, order, self._context, staff_name=staff_name, zone=self._zone,
                                      words=self.receipt_words())
        return self._print(document, "refund slip", open_drawer=open_drawer)

    def print_report(self, report: ShiftReport) -> PrintOutcome:
        document = document_for_report(report, self._context, zone=self._zone, words=self.receipt_words())
        return self._print(document, "report")

    def print_ticket_slip(self, number: str, qr_text: str, lines: Sequence[SaleLine],
                          estimated_total: Money) -> PrintOutcome:
        """A kiosk ticket sent to the counter; a failure comes back as an outcome, the ticket stands regardless."""
        document = ticket_slip(number, qr_text, lines, estimated_total, self._context, zone=self._zone,
                               words=self.receipt_words())
        return self._print(document, "ticket")

    def print_slip(self, slip: PlainSlip, what: str) -> PrintOutcome:
        """Text and Code 128 labels with no money on them (a receiving summary, shelf labels)."""
        return self._print(slip, what)

    def reprint_last(self) -> PrintOutcome:
        if self._queue is None:
            return PrintOutcome(False, Message("print.not_set_up"))
        if self._last_job is None or self._last_document is None:
            return PrintOutcome(False, Message("print.nothing_to_reprint"))
        job = self._job(self._last_job)
        if job is None:  # printed long enough ago that the queue let it go: print a marked copy
            return self._print(replace(self._last_document, title=self.receipt_words()("receipt.reprint")), "copy")
        if job.state not in (JobState.FAILED, JobState.PRINTED):
            return PrintOutcome(True, Message("print.still_printing_copy"))
        self._queue.reprint(job.job_id)
        return self._outcome(job.job_id, "copy")

    def subscribe(self, listener: Callable[[PrintEvent], None]) -> None:
        """Be told of every change to a print job (called on the print queue's thread)."""
        self._events.subscribe(listener)

    # --- the cash drawer -------------------------------------------------------------------------------

    def open_drawer(self, staff: StaffMember, *, reason: str = NO_SALE,
                    approver: StaffMember | None = None) -> PrintOutcome:
        if self._session_factory is None:
            raise NotSetUp("not_set_up.drawer_audit")
        approved_by = None
        if reason == NO_SALE and not has_permission(self._session_factory, staff, NO_SALE_PERMISSION):
            if approver is None or not has_permission(self._session_factory, approver, NO_SALE_PERMISSION):
                raise NotPermitted("not_permitted.no_sale")
            approved_by = approver
        drawer = self._printer
        if not isinstance(drawer, CashDrawer):
            return PrintOutcome(False, Message("print.no_drawer"))
        try:
            self._on_device(drawer.open_drawer)
        except Exception as error:  # a stuck drawer must not stop the till
            log.warning("The cash drawer did not open: %s", error)
            return PrintOutcome(False, Message("print.drawer_failed", reason=_reason(error)))
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            append_audit(session, "drawer.opened", staff_id=staff.id, store_id=self._context.store_id,
                         approved_by=approved_by.id if approved_by else None, details={"reason": reason})
            uow.commit()
        return PrintOutcome(True, None)

    # --- status ----------------------------------------------------------------------------------------

    def printer_status_label(self) -> str:
        if self._printer is None:
            return text("printer_status.not_set_up")
        try:
            label = _status_label(self._on_device(self._printer.status))
        except FutureTimeout:
            label = text("printer_status.not_answering")
        except Exception as error:
            log.info("Printer status not available: %s", error)
            label = text("printer_status.not_connected")
        failed = len(self._queue.jobs(JobState.FAILED)) if self._queue is not None else 0
        return text("printer_status.to_reprint", label=label, failed=failed) if failed else label

    def close(self) -> None:
        if self._queue is not None:
            self._queue.stop()
        if self._device_thread is not None:
            self._device_thread.shutdown(wait=False, cancel_futures=True)
            self._device_thread = None

    # --- internals -------------------------------------------------------------------------------------

    def _print(self, document: PrintDocument, what: str, *, open_drawer: bool = False) -> PrintOutcome:
        if self._queue is None:
            return PrintOutcome(False, Message("print.not_set_up"))
        job_id = self._queue.submit(document, open_drawer=open_drawer)
        self._last_document = document
        if not job_id:
            self._last_job = None
            return PrintOutcome(False, Message("print.not_sent", what=_what(what)))
        self._last_job = job_id
        return self._outcome(job_id, what)

    def _outcome(self, job_id: int, what: str) -> PrintOutcome:
        """Wait (bounded) for the job's first attempt; a job still going when time is up is left to the queue."""
        deadline = time.monotonic() + self._wait_s
        while True:
            job = self._job(job_id)
            if job is None or job.state is JobState.PRINTED:
                return PrintOutcome(True, None)
            if job.state in _SETTLED:
                return PrintOutcome(False, Message("print.failed", what=_what(what), reason=_reason(job.last_error)))
            if time.monotonic() >= deadline:
                return PrintOutcome(True, Message("print.still_printing", what=_what(what)))
            time.sleep(0.02)

    def _job(self, job_id: int):
        assert self._queue is not None
        return next((job for job in self._queue.jobs() if job.job_id == job_id), None)

    def _on_device(self, call: Callable[[], T]) -> T:
        # One worker, so a printer that hangs holds up only the next device call, never the caller.
        if self._device_thread is None:
            self._device_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="printer device")
        return self._device_thread.submit(call).result(timeout=self._wait_s)


def _reason(error: object) -> str:
    """'The printer is out of paper. Load a new roll.' → 'the printer is out of paper'."""
    text = str(error).strip()  # a timeout has no text of its own
    first = text.split(". ")[0].rstrip(".") if text else "the printer did not answer in time"
    return first[:1].lower() + first[1:]


def _status_label(status: PrinterStatus) -> str:
    if status.paper_end:
        return text("printer_status.paper_out")
    if status.cover_open:
        return text("printer_status.cover_open")
    if status.offline:
        return text("printer_status.offline")
    if status.paper_near_end:
        return text("printer_status.paper_low")
    return text("printer_status.ready")


def _what(what: str) -> Message | str:
    """What was printed ("receipt", "refund slip", "shelf labels") as a word of the sentence's language."""
    key = "print.what_" + what.replace(" ", "_").replace("-", "_")
    return Message(key) if has_message(key) else what
