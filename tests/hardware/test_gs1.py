"""GS1 through biip: our own test vectors, and fuzzing that only ever yields a value or CodeParseError."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.codes.classify import ScanKind, parse_scan
from hardware.codes.errors import CodeParseError, Gs1ParseError
from hardware.codes.gs1 import normalize_gtin, parse_element_string

TODAY = date(2026, 11, 21)
GS = "\x1d"


def scan(raw: str):
    return parse_scan(raw.encode("latin-1"), today=TODAY, id_salt=b"salt")


GOOD = [
    # (raw scan, kind, gtin, lot, expiry, packaging date)
    ("4006381333931", ScanKind.GTIN, "04006381333931", None, None, None),  # EAN-13
    ("036000291452", ScanKind.GTIN, "00036000291452", None, None, None),  # UPC-A
    ("96385074", ScanKind.GTIN, "00000096385074", None, None, None),  # GTIN-8
    ("10614141000415", ScanKind.GTIN, "10614141000415", None, None, None),  # GTIN-14, case
    ("0628176000121", ScanKind.GTIN, "00628176000121", None, None, None),  # a Canadian EAN-13
    ("]E04006381333931", ScanKind.GTIN, "04006381333931", None, None, None),  # EAN-13 with AIM id
    ("]E496385074", ScanKind.GTIN, "00000096385074", None, None, None),  # EAN-8 with AIM id
    ("4006381333931\r\n", ScanKind.GTIN, "04006381333931", None, None, None),  # scanner suffix left on
    (
        "]C1010950110153000317250101" + "10AB-123",
        ScanKind.GS1,
        "09501101530003",
        "AB-123",
        date(2025, 1, 1),
        None,
    ),
    (
        "010950110153000317250101" + "10AB-123",
        ScanKind.GS1,
        "09501101530003",
        "AB-123",
        date(2025, 1, 1),
        None,
    ),
    (
        f"0109501101530003{GS}10AB123{GS}17250101",
        ScanKind.GS1,
        "09501101530003",
        "AB123",
        date(2025, 1, 1),
        None,
    ),
    (
        f"]C10109501101530003{GS}10LOT7{GS}13240615",
        ScanKind.GS1,
        "09501101530003",
        "LOT7",
        None,
        date(2024, 6, 15),
    ),
    ("]e0010950110153000317250131", ScanKind.GS1, "09501101530003", None, date(2025, 1, 31), None),
    (
        f"]e0010950110153000310B-99{GS}17270430",
        ScanKind.GS1,
        "09501101530003",
        "B-99",
        date(2027, 4, 30),
        None,
    ),
    ("]d201095011015300031725013110DM1", ScanKind.GS1, "09501101530003", "DM1", date(2025, 1, 31), None),
    ("(01)09501101530003(17)250101(10)AB12", ScanKind.GS1, "09501101530003", "AB12", date(2025, 1, 1), None),
    (
        "(01)10614141000415(13)240615(10)CASE-1",
        ScanKind.GS1,
        "10614141000415",
        "CASE-1",
        None,
        date(2024, 6, 15),
    ),
    ("010950110153000317250200", ScanKind.GS1, "09501101530003", None, date(2025, 2, 28), None),  # day 00
    ("]C100006141411234567890", ScanKind.SSCC, None, None, None, None),  # SSCC with AIM id
    ("006141411234567890", ScanKind.SSCC, None, None, None, None),  # bare SSCC
    (
        f"]C100006141411234567890{GS}0210614141000415{GS}10PAL-3",
        ScanKind.SSCC,
        "10614141000415",
        "PAL-3",
        None,
        None,
    ),
]

BAD = [
    "4006381333932",  # EAN-13, wrong check digit
    "036000291453",  # UPC-A, wrong check digit
    "96385075",  # GTIN-8, wrong check digit
    "]C1010950110153000417250101",  # (01) with a wrong check digit
    "]E04006381333930",  # EAN-13 with AIM id, wrong check digit
    "010950110153000317251301",  # month 13
    "(01)09501101530003(17)250230",  # 30 February
    "]C100006141411234567891",  # SSCC, wrong check digit
    "006141411234567891",  # bare SSCC, wrong check digit
    "12345",  # too short for anything
    "]C1ABC",  # not an element string
    "(01)123",  # GTIN too short
    "hello world",
]


@pytest.mark.parametrize(("raw", "kind", "gtin", "lot", "expiry", "packaging"), GOOD)
def test_good_vectors(raw, kind, gtin, lot, expiry, packaging):
    result = scan(raw)
    assert (result.kind, result.gtin, result.lot, result.expiry, result.packaging_date) == (
        kind,
        gtin,
        lot,
        expiry,
        packaging,
    )


def test_sscc_value_is_kept():
    assert scan("]C100006141411234567890").sscc == "006141411234567890"


@pytest.mark.parametrize("raw", BAD)
def test_bad_vectors_raise_our_error_with_a_plain_sentence(raw):
    with pytest.raises(CodeParseError) as caught:
        scan(raw)
    message = str(caught.value)
    assert message[0].isupper() and message.endswith(".")
    assert "Traceback" not in message and "pattern" not in message


def test_check_digit_errors_say_which_digit_is_expected():
    with pytest.raises(Gs1ParseError, match="check digit is wrong"):
        normalize_gtin("4006381333932")


def test_at_least_twenty_gs1_vectors():
    assert len(GOOD) + len(BAD) >= 20


gs1_alphabet = st.sampled_from(list("0123456789") * 4 + list("ABCXYZ-/()") + [GS, "]", "C", "1", "e", "\r"])


@settings(max_examples=300, deadline=None)
@given(st.text(gs1_alphabet, max_size=60))
def test_element_string_parser_returns_a_value_or_our_error(text):
    with contextlib.suppress(CodeParseError):
        parse_element_string(text)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="ascii"), max_size=20))
def test_gtin_normaliser_returns_14_digits_or_our_error(text):
    with contextlib.suppress(CodeParseError):
        assert len(normalize_gtin(text)) == 14


SCAN_PREFIXES = [
    b"",
    b"]C1",
    b"]e0",
    b"]E0",
    b"(01)",
    b"01",
    b"00",
    b"@\n\x1e\rANSI 636012",
    b"%BC",
    b"LOC:",
    b"R:",
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(SCAN_PREFIXES), st.binary(max_size=80))
def test_parse_scan_on_any_bytes_returns_a_value_or_our_error(prefix, raw):
    with contextlib.suppress(CodeParseError):
        parse_scan(prefix + raw, today=TODAY, id_salt=b"salt")
