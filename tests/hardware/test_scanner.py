"""The serial scanner: framing (pure), over loop://, and against the scanner simulator on a real socket."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
from datetime import date

import pytest
import serial

from hardware.codes.classify import ScanKind, parse_scan
from hardware.scanners.framing import ScanFramer
from hardware.scanners.serial_scanner import SerialScanner
from hardware.simulators.scanner import ScannerSimulator, unescape

GS1_SCAN = b"]C10109501101530003\x1d10AB-12\x1d17250101"


def collect(scanner: SerialScanner) -> tuple[queue.Queue, queue.Queue]:
    scans: queue.Queue = queue.Queue()
    errors: queue.Queue = queue.Queue()
    scanner.start(scans.put, errors.put)
    return scans, errors


def test_framer_splits_on_suffix_strips_prefix_and_keeps_gs():
    framer = ScanFramer(prefix=b"\x02", suffix=b"\r\n")
    assert framer.feed(b"noise\x02]C1010950110153000317") == []
    events = framer.feed(b"250101\x1d10AB\r\n\x0296385074\r")
    assert [e.raw for e in events] == [b"]C1010950110153000317250101\x1d10AB"]
    assert events[0].symbology == "]C1"
    assert events[0].data == b"010950110153000317250101\x1d10AB"
    (second,) = framer.feed(b"\n")  # the suffix arrived split across two reads
    assert (second.raw, second.symbology) == (b"96385074", None)
    assert not framer.pending


def test_framer_without_suffix_waits_for_flush():
    framer = ScanFramer(suffix=b"")
    assert framer.feed(b"]d2010950110153000317250101") == []
    (event,) = framer.flush()
    assert event.symbology == "]d2"
    assert framer.flush() == []


@pytest.mark.parametrize("aim", [b"]C1", b"]e0", b"]d2", b"]E0", b"]Q1", b""])
def test_loop_scanner_reports_each_scan_with_its_aim_id(aim):
    port = serial.serial_for_url("loop://", timeout=0.02)
    scanner = SerialScanner("loop://", prefix=b"", suffix=b"\r", port_factory=lambda: port)
    scans, errors = collect(scanner)
    try:
        data = (
            b"4006381333931" if aim in (b"]E0", b"") else b"ON001-1-000042" if aim == b"]Q1" else GS1_SCAN[3:]
        )
        port.write(aim + data + b"\r")
        event = scans.get(timeout=2)
        assert event.raw == aim + data
        assert event.symbology == (aim.decode() or None)
        assert event.data == data
    finally:
        scanner.stop()
    assert errors.empty()


def test_loop_scanner_with_prefix_and_two_scans_in_one_write():
    port = serial.serial_for_url("loop://", timeout=0.02)
    scanner = SerialScanner("loop://", prefix=b"\x02", suffix=b"\x03", port_factory=lambda: port)
    scans, _ = collect(scanner)
    try:
        port.write(b"\x02" + GS1_SCAN + b"\x03\x02R:ON001-1-000042\x03")
        first, second = scans.get(timeout=2), scans.get(timeout=2)
    finally:
        scanner.stop()
    assert b"\x1d" in first.raw
    result = parse_scan(first.raw, today=date(2026, 1, 1), id_salt=b"")
    assert (result.kind, result.lot) == (ScanKind.GS1, "AB-12")
    assert second.text == "R:ON001-1-000042"


def test_scanner_reads_the_simulator_over_a_socket(scanner_sim):
    scanner_sim.prefix, scanner_sim.suffix = b"", b"\r\n"
    scanner = SerialScanner(f"socket://127.0.0.1:{scanner_sim.port}", suffix=b"\r\n")
    scans, errors = collect(scanner)
    try:
        assert scanner.wait_connected(2) and scanner_sim.wait_for_client()
        scanner_sim.send(GS1_SCAN)
        scanner_sim.send(b"]E04006381333931")
        assert scans.get(timeout=2).raw == GS1_SCAN
        assert scans.get(timeout=2).symbology == "]E0"
    finally:
        scanner.stop()
    assert errors.empty()


def test_scanner_reports_a_lost_connection_and_reconnects():
    first = ScannerSimulator(port=0)
    port = first.start()
    scanner = SerialScanner(f"socket://127.0.0.1:{port}", reconnect_s=0.05)
    scans, errors = collect(scanner)
    second = ScannerSimulator(port=port)
    try:
        assert scanner.wait_connected(2) and first.wait_for_client()
        first.stop()
        assert "disconnected" in errors.get(timeout=2)
        second.start()
        assert scanner.wait_connected(5) and second.wait_for_client(timeout=5)
        second.send(b"96385074")
        assert scans.get(timeout=2).raw == b"96385074"
    finally:
        scanner.stop()
        second.stop()
        first.stop()


def test_scanner_that_cannot_connect_says_so_plainly():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    scanner = SerialScanner(f"socket://127.0.0.1:{free_port}", reconnect_s=0.05)
    _, errors = collect(scanner)
    try:
        message = errors.get(timeout=5)
    finally:
        scanner.stop()
    assert message.startswith("The scanner at socket://") and message.endswith(".")


def test_unescape_for_simulator_input():
    assert unescape(rb"0109501101530003<GS>10AB\x1d17250101\r") == b"0109501101530003\x1d10AB\x1d17250101\r"


def test_scanner_simulator_runs_as_a_program():
    process = subprocess.Popen(
        [sys.executable, "-m", "hardware.simulators.scanner", "--port", "0", "--suffix", r"\r"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        banner = process.stdout.readline()
        port = int(banner.split("127.0.0.1:")[1].split(".")[0])
        scanner = SerialScanner(f"socket://127.0.0.1:{port}")
        scans, _ = collect(scanner)
        try:
            assert scanner.wait_connected(5)
            process.stdin.write("]C1010950110153000317250101<GS>10AB\n")
            process.stdin.flush()
            assert scans.get(timeout=5).raw == b"]C1010950110153000317250101\x1d10AB"
        finally:
            scanner.stop()
    finally:
        process.stdin.close()
        process.wait(timeout=5)
        process.stdout.close()
