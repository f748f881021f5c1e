"""`pos-app hardware list | test-print | open-drawer | pay-test` against the simulators, and the simulator
programs themselves."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from hardware.diagnostics import (
    DeviceConfig,
    list_devices,
    open_drawer,
    parse_amount,
    pay_test,
    print_test_page,
)
from hardware.errors import HardwareError
from hardware.payments.driver import PosLinkTerminal
from hardware.payments.journal import SqliteAttemptJournal
from hardware.ports import PaymentStatus


@pytest.fixture
def config(printer_sim, card_simulator, scanner_sim):
    return DeviceConfig(
        scanner_url=f"socket://127.0.0.1:{scanner_sim.port}",
        printer_url=f"tcp://127.0.0.1:{printer_sim.port}",
        payment_url=f"socket://127.0.0.1:{card_simulator.port}",
        id_reader_url=None,
        paper_width=80,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_list_shows_each_device_and_its_state(config, printer_sim):
    printer_sim.set_status(paper_near_end=True)
    reports = {report.device: report for report in list_devices(config, timeout_s=1)}
    assert reports["scanner"].ok and reports["payment terminal"].ok
    assert reports["printer"].ok and "low on paper" in reports["printer"].detail
    assert not reports["ID reader"].ok and reports["ID reader"].detail == "Not configured."


def test_list_reports_devices_that_are_off():
    dead = f"127.0.0.1:{free_port()}"
    config = DeviceConfig(f"socket://{dead}", f"tcp://{dead}", f"socket://{dead}", None)
    reports = list_devices(config, timeout_s=0.5)
    assert [report.ok for report in reports] == [False, False, False, False]
    assert all(report.detail.endswith(".") for report in reports)


def test_test_print_and_open_drawer(config, printer_sim):
    printed = print_test_page(config)
    assert printed.ok, printed.message
    opened = open_drawer(config)
    assert opened.ok
    jobs = printer_sim.wait_for_jobs(2)
    # Each connection is a job, recorded when the simulator has read it all: under load they may finish in
    # either order, so find each by what it holds.
    page = next(job for job in jobs if "Test page" in job.text)
    assert "àâçéèêëîïôûùüÿ" in page.text
    assert sum(job.parsed.drawer_pulses for job in jobs) == 1 and page.parsed.drawer_pulses == 0


def test_test_print_on_a_printer_with_its_cover_open(config, printer_sim):
    printer_sim.set_status(cover_open=True)
    result = print_test_page(config)
    assert not result.ok and result.message == "The printer cover is open. Close it."


def test_pay_test_charges_one_cent_and_reverses_it(config, card_simulator, tmp_path):
    journal = SqliteAttemptJournal(tmp_path / "a.db")
    result = pay_test(config, amount_cents=parse_amount("0.01"), journal=journal, response_timeout_s=2)
    assert result.ok, result.message
    assert "$0.01" in result.message and "reversed" in result.message
    assert card_simulator.captured_cents() == 0
    assert journal.pending() == []
    (txn,) = card_simulator.journal.values()
    assert txn.status is PaymentStatus.VOIDED
    journal.close()


def test_pay_test_that_is_declined(config, card_simulator):
    card_simulator.script("decline")
    result = pay_test(config, amount_cents=1, response_timeout_s=2)
    assert not result.ok and "declined" in result.message


@pytest.mark.parametrize(("text", "cents"), [("0.01", 1), ("1", 100), ("12.5", 1250), (" 3.99 ", 399)])
def test_parse_amount(text, cents):
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "0", "0.00", "-1", "1.234", "abc", "١"])
def test_parse_amount_refuses_nonsense(text):
    with pytest.raises(HardwareError):
        parse_amount(text)


def test_payment_simulator_runs_as_a_program_with_a_control_port():
    control_port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hardware.simulators.payment_terminal",
            "--port",
            "0",
            "--control-port",
            str(control_port),
            "--script",
            "decline",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        banner = process.stdout.readline()
        port = int(banner.split("127.0.0.1:")[1].split(",")[0])
        terminal = PosLinkTerminal(f"socket://127.0.0.1:{port}", response_timeout_s=5)
        try:
            assert terminal.sale("CLI-1", 100).status is PaymentStatus.DECLINED
            with socket.create_connection(("127.0.0.1", control_port), timeout=5) as control:
                stream = control.makefile("rw", encoding="utf-8", newline="\n")
                stream.write("script partial:40\n")
                stream.flush()
                assert stream.readline().strip() == "ok"
                result = terminal.sale("CLI-2", 100)
                assert (result.status, result.approved_cents) == (PaymentStatus.PARTIAL, 40)
                stream.write("journal\n")
                stream.flush()
                assert "CLI-1" in stream.readline()
                stream.close()
        finally:
            terminal.close()
    finally:
        process.stdin.write("quit\n")
        process.stdin.close()
        process.wait(timeout=10)
        process.stdout.close()
    assert process.returncode == 0
