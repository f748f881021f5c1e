"""The print queue never fails a sale: failed receipts are retried, reported, and kept for a reprint."""

from __future__ import annotations

import queue
import time

import pytest

from hardware.printers.adapter import EscposPrinter
from hardware.printers.queue import JobState, PrintQueue
from hardware.simulators.printer import PrinterSimulator

from .receipts import sample_receipt


@pytest.fixture
def events():
    return queue.Queue()


def make_queue(printer, events, delays=(0.05, 0.05)) -> PrintQueue:
    print_queue = PrintQueue(printer, on_event=events.put, retry_delays_s=delays)
    print_queue.start()
    return print_queue


def states_until(events: queue.Queue, final: JobState, timeout: float = 5.0) -> list:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        event = events.get(timeout=max(0.01, deadline - time.monotonic()))
        seen.append(event)
        if event.state is final:
            return seen
    raise AssertionError(f"never reached {final}: {seen}")


def test_a_receipt_prints_and_is_reported(printer_sim, events):
    print_queue = make_queue(EscposPrinter(f"tcp://127.0.0.1:{printer_sim.port}"), events)
    try:
        job_id = print_queue.submit(sample_receipt(), open_drawer=True)
        seen = states_until(events, JobState.PRINTED)
    finally:
        print_queue.stop()
    assert [e.state for e in seen] == [JobState.PRINTING, JobState.PRINTED]
    assert all(e.job_id == job_id and e.receipt_number == "ON001-1-000042" for e in seen)
    jobs = printer_sim.wait_for_jobs(2)
    assert sum(job.parsed.drawer_pulses for job in jobs) == 1
    assert "TOTAL" in jobs[-1].text


def test_out_of_paper_is_retried_then_kept_and_reprinted_when_loaded(printer_sim, events):
    printer_sim.set_status(paper_end=True)
    print_queue = make_queue(EscposPrinter(f"tcp://127.0.0.1:{printer_sim.port}"), events)
    try:
        job_id = print_queue.submit(sample_receipt(), open_drawer=True)
        seen = states_until(events, JobState.FAILED)
        assert [e.state for e in seen].count(JobState.RETRYING) == 2
        assert "out of paper" in seen[-1].message and "reprint" in seen[-1].message
        assert [job.job_id for job in print_queue.jobs(JobState.FAILED)] == [job_id]
        # The drawer still opened, once, for the cash.
        assert sum(job.parsed.drawer_pulses for job in printer_sim.jobs) == 1

        printer_sim.set_status(paper_end=False)
        assert print_queue.reprint(job_id)
        states_until(events, JobState.PRINTED)
        assert print_queue.jobs(JobState.FAILED) == []
    finally:
        print_queue.stop()
    jobs = printer_sim.wait_for_jobs(2)  # the drawer kick, then the receipt
    assert [("TOTAL" in job.text, job.parsed.drawer_pulses) for job in jobs] == [(False, 1), (True, 0)]


def test_a_printer_that_is_off_never_raises_into_the_sale(events):
    sim = PrinterSimulator(port=0)
    port = sim.start()
    sim.stop()
    print_queue = make_queue(EscposPrinter(f"tcp://127.0.0.1:{port}", timeout_s=0.5), events)
    try:
        job_id = print_queue.submit(sample_receipt())
        assert job_id > 0
        seen = states_until(events, JobState.FAILED)
        assert "cannot be reached" in seen[-1].message
        restarted = PrinterSimulator(port=port)
        restarted.start()
        try:
            assert print_queue.reprint(job_id)
            states_until(events, JobState.PRINTED)
            assert "TOTAL" in restarted.wait_for_jobs(1)[0].text
        finally:
            restarted.stop()
    finally:
        print_queue.stop()


def test_a_printed_receipt_can_be_reprinted_as_a_copy(printer_sim, events):
    print_queue = make_queue(EscposPrinter(f"tcp://127.0.0.1:{printer_sim.port}"), events)
    try:
        job_id = print_queue.submit(sample_receipt())
        states_until(events, JobState.PRINTED)
        assert print_queue.reprint(job_id)
        states_until(events, JobState.PRINTED)
        assert not print_queue.reprint(12345)
    finally:
        print_queue.stop()
    first, second = printer_sim.wait_for_jobs(2)
    assert "REPRINT" not in first.text and "REPRINT" in second.text


class Exploding:
    def print_receipt(self, document, *, open_drawer=False):
        raise RuntimeError("The printer caught fire.")

    def status(self):
        raise RuntimeError("no")


def test_even_a_broken_printer_object_cannot_fail_submit(events):
    def failing_handler(event):
        events.put(event)
        raise ValueError("a broken UI handler")

    print_queue = PrintQueue(Exploding(), on_event=failing_handler, retry_delays_s=(0.01,))
    print_queue.start()
    try:
        print_queue.submit(sample_receipt())
        seen = states_until(events, JobState.FAILED)
        assert seen[-1].message.startswith("The printer caught fire.")
    finally:
        print_queue.stop()


def test_stop_during_a_long_retry_wait_is_prompt(events):
    print_queue = PrintQueue(Exploding(), on_event=events.put, retry_delays_s=(60.0,))
    print_queue.start()
    print_queue.submit(sample_receipt())
    states_until(events, JobState.RETRYING)
    started = time.monotonic()
    print_queue.stop()
    assert time.monotonic() - started < 1.0
    assert print_queue.jobs()[0].state is JobState.FAILED
