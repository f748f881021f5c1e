"""Receipt and shelf codes, and the JSON that `pos-app codes parse` prints."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hardware.codes.classify import ScanKind, parse_scan
from hardware.codes.cli import KEYS, run_codes_parse
from hardware.codes.errors import CodeParseError
from hardware.codes.location import ShelfLocation, parse_location_code
from hardware.codes.receipt_code import ReceiptNumber, parse_receipt_code

TODAY = date(2026, 11, 21)


def scan(raw: bytes):
    return parse_scan(raw, today=TODAY, id_salt=b"s")


@pytest.mark.parametrize(
    "raw", [b"R:ON001-1-000042", b"ON001-1-000042", b"]Q1R:ON001-1-000042", b"on001-1-42\r"]
)
def test_receipt_barcodes(raw):
    result = scan(raw)
    assert result.kind is ScanKind.RECEIPT
    assert result.receipt == ReceiptNumber("ON001", 1, 42)
    assert result.receipt.text == "ON001-1-000042"
    assert result.receipt.barcode == "R:ON001-1-000042"


def test_a_receipt_number_round_trips_through_its_barcode():
    number = ReceiptNumber("BC12", 3, 1234567)
    assert parse_receipt_code(number.barcode) == number


@pytest.mark.parametrize("raw", [b"LOC:A-01-03-B", b"]C0LOC:A-1-3-B", b"loc:a-01-03-b"])
def test_shelf_locations(raw):
    result = scan(raw)
    assert result.kind is ScanKind.LOCATION
    assert result.location == ShelfLocation("A", 1, 3, "B")
    assert result.location.code == "LOC:A-01-03-B"


@pytest.mark.parametrize("raw", [b"LOC:", b"LOC:A-01-03", b"LOC:1-01-03-B", b"LOC:A-01-03-B-9"])
def test_bad_shelf_labels_are_refused(raw):
    with pytest.raises(CodeParseError, match="shelf label"):
        scan(raw)


def test_a_location_code_is_never_a_gtin_and_a_gtin_never_a_receipt():
    assert scan(b"4006381333931").kind is ScanKind.GTIN
    with pytest.raises(CodeParseError):
        parse_location_code("4006381333931")
    with pytest.raises(CodeParseError):
        parse_receipt_code("4006381333931")


def test_json_has_exactly_the_documented_keys_with_iso_dates_and_nulls():
    status, text = run_codes_parse(b"]C1010950110153000317250101" + b"13240615" + b"10AB-1", TODAY, b"s")
    assert status == 0
    data = json.loads(text)
    assert tuple(data) == KEYS
    assert data["kind"] == "gs1"
    assert data["gtin"] == "09501101530003"
    assert data["lot"] == "AB-1"
    assert data["expiry"] == "2025-01-01"
    assert data["packaging_date"] == "2024-06-15"
    assert all(data[key] is None for key in KEYS[5:])


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"96385074", "gtin"),
        (b"006141411234567890", "sscc"),
        (b"R:ON001-1-000042", "receipt"),
        (b"LOC:A-01-03-B", "location"),
    ],
)
def test_json_kind_for_each_code(raw, kind):
    status, text = run_codes_parse(raw, TODAY, b"s")
    assert status == 0 and json.loads(text)["kind"] == kind


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"4006381333932", b"what is this"])
def test_bad_input_exits_2_with_one_plain_sentence(raw):
    status, text = run_codes_parse(raw, TODAY, b"s")
    assert status == 2
    data = json.loads(text)
    assert list(data) == ["error"]
    assert data["error"][0].isupper() and data["error"].endswith(".")
