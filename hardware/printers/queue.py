"""A print queue that never fails a sale.

`submit()` only puts the receipt in a queue and returns its job id: it never raises, whatever the printer
does. A worker thread prints each job, retries a failed one after each of `retry_delays_s`, and then keeps it
as failed until `reprint(job_id)`. Every change is reported through `on_event(PrintEvent)`, called on the
worker thread; pos_app forwards it to the cashier. Receipts that have printed can be reprinted as well; they
are marked "REPRINT".
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hardware.ports import CashDrawer, ReceiptPrinter
from hardware.printers.document import PrintDocument

log = logging.getLogger(__name__)


class JobState(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    RETRYING = "retrying"
    PRINTED = "printed"
    FAILED = "failed"  # kept for reprint


@dataclass
class PrintJob:
    job_id: int
    document: PrintDocument
    open_drawer: bool = False
    state: JobState = JobState.QUEUED
    attempts: int = 0
    last_error: str = ""


@dataclass(frozen=True)
class PrintEvent:
    job_id: int
    receipt_number: str
    state: JobState
    attempt: int
    message: str  # a plain sentence for the cashier


class PrintQueue:
    def __init__(
        self,
        printer: ReceiptPrinter,
        *,
        on_event: Callable[[PrintEvent], None] | None = None,
        retry_delays_s: Sequence[float] = (1.0, 3.0, 10.0),
        keep_printed: int = 50,
    ) -> None:
        self._printer = printer
        self._on_event = on_event or (lambda event: None)
        self._retry_delays = tuple(retry_delays_s)
        self._keep_printed = keep_printed
        self._ids = itertools.count(1)
        self._jobs: dict[int, PrintJob] = {}
        self._waiting: deque[int] = deque()
        self._wake = threading.Condition()
        self._stopping = False
        self._busy = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._wake:
            if self._thread is not None:
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="print queue", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def submit(self, document: PrintDocument, *, open_drawer: bool = False) -> int:
        try:
            with self._wake:
                job = PrintJob(next(self._ids), document, open_drawer)
                self._jobs[job.job_id] = job
                self._waiting.append(job.job_id)
                self._wake.notify_all()
            return job.job_id
        except Exception:  # the sale goes on whatever happens here
            log.exception("could not queue a receipt")
            return 0

    def reprint(self, job_id: int) -> bool:
        """Queue a failed or printed receipt again. False if the job is unknown or already waiting."""
        with self._wake:
            job = self._jobs.get(job_id)
            if job is None or job.state not in (JobState.FAILED, JobState.PRINTED):
                return False
            if job.state is JobState.PRINTED:
                job.document = dataclasses.replace(job.document, title="REPRINT")
            job.state, job.attempts, job.open_drawer = JobState.QUEUED, 0, False
            self._waiting.append(job_id)
            self._wake.notify_all()
        self._emit(job, "The receipt is queued for printing again.")
        return True

    def jobs(self, state: JobState | None = None) -> list[PrintJob]:
        with self._wake:
            return [dataclasses.replace(job) for job in self._jobs.values() if state in (None, job.state)]

    def wait_until_idle(self, timeout: float) -> bool:
        """True once no job is waiting or being printed (jobs waiting to retry count as busy)."""
        with self._wake:
            return self._wake.wait_for(lambda: not self._waiting and not self._busy, timeout)

    def _run(self) -> None:
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._stopping or bool(self._waiting))
                if self._stopping:
                    return
                job = self._jobs[self._waiting.popleft()]
                self._busy = True
            try:
                self._print_with_retries(job)
            finally:
                with self._wake:
                    self._busy = False
                    self._forget_old_printed()
                    self._wake.notify_all()

    def _print_with_retries(self, job: PrintJob) -> None:
        if job.open_drawer:
            self._open_drawer(job)
        while True:
            job.state, job.attempts = JobState.PRINTING, job.attempts + 1
            self._emit(job, "Printing the receipt.")
            try:
                self._printer.print_receipt(job.document)
            except Exception as exc:
                job.last_error = str(exc) or "The printer did not print the receipt."
                if job.attempts > len(self._retry_delays) or self._stopping:
                    job.state = JobState.FAILED
                    self._emit(
                        job, f"{job.last_error} The receipt is kept; reprint it when the printer is ready."
                    )
                    return
                job.state = JobState.RETRYING
                self._emit(job, f"{job.last_error} Trying again.")
                with self._wake:
                    if self._wake.wait_for(lambda: self._stopping, self._retry_delays[job.attempts - 1]):
                        job.state = JobState.FAILED
                        self._emit(job, "The receipt was not printed. Reprint it when the printer is ready.")
                        return
                continue
            job.state = JobState.PRINTED
            self._emit(job, "The receipt has printed.")
            return

    def _open_drawer(self, job: PrintJob) -> None:
        job.open_drawer = False  # once: a retry must not pop the drawer again
        if not isinstance(self._printer, CashDrawer):
            return
        try:
            self._printer.open_drawer()
        except Exception as exc:
            self._emit(job, f"The cash drawer did not open: {exc} Open it with the key.")

    def _forget_old_printed(self) -> None:
        printed = [job_id for job_id, job in self._jobs.items() if job.state is JobState.PRINTED]
        for job_id in printed[: max(0, len(printed) - self._keep_printed)]:
            del self._jobs[job_id]

    def _emit(self, job: PrintJob, message: str) -> None:
        event = PrintEvent(job.job_id, job.document.receipt_number, job.state, job.attempts, message)
        try:
            self._on_event(event)
        except Exception:
            log.exception("a print event handler failed")
