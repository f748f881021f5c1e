"""The ID reader adapter against the scanner simulator, sending AAMVA payloads over a real socket."""

from __future__ import annotations

import queue
from datetime import date

import serial

from hardware.ids.reader import SerialIdReader
from hardware.ports import IdReader
from hardware.scanners.serial_scanner import SerialScanner

from . import aamva_vectors as v

TODAY = date(2026, 11, 21)


def start(reader: SerialIdReader) -> tuple[queue.Queue, queue.Queue]:
    cards: queue.Queue = queue.Queue()
    errors: queue.Queue = queue.Queue()
    reader.start(cards.put, errors.put)
    return cards, errors


def test_cards_arrive_parsed_and_bad_ones_as_plain_errors(scanner_sim):
    scanner_sim.suffix = b""  # AAMVA data holds CR and LF, so the reader frames scans by a quiet line
    reader = SerialIdReader(
        f"socket://127.0.0.1:{scanner_sim.port}", salt=b"s", today=lambda: TODAY, quiet_ms=60
    )
    assert isinstance(reader, IdReader)
    cards, errors = start(reader)
    try:
        assert reader.wait_connected(2) and scanner_sim.wait_for_client()
        scanner_sim.send(b"]L2" + v.ONTARIO.encode())
        card = cards.get(timeout=3)
        assert (card.date_of_birth, card.jurisdiction, card.age) == (date(1990, 3, 15), "ON", 36)
        scanner_sim.send(v.MISSING_DOB.encode())
        assert "date of birth" in errors.get(timeout=3)
        scanner_sim.send(v.BC_MAGSTRIPE.encode())
        assert cards.get(timeout=3).jurisdiction == "BC"
    finally:
        reader.stop()


def test_id_reader_over_loop_with_a_configured_suffix():
    port = serial.serial_for_url("loop://", timeout=0.02)
    scanner = SerialScanner("loop://", suffix=b"\x04", port_factory=lambda: port)
    reader = SerialIdReader("loop://", salt=b"s", today=lambda: TODAY, scanner=scanner)
    cards, errors = start(reader)
    try:
        port.write(v.US_V08.encode() + b"\x04")
        card = cards.get(timeout=2)
    finally:
        reader.stop()
    assert (card.country, card.age, card.expired) == ("USA", 40, False)
    assert errors.empty()
