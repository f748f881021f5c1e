"""Receiving's case labels: the count (30)/(37), SSCC labels, and sentences that name the element at fault."""

from __future__ import annotations

from datetime import date

import pytest

from hardware.codes.classify import ScanKind, parse_scan
from hardware.codes.errors import Gs1ParseError

TODAY = date(2026, 11, 21)
GS = "\x1d"


def scan(raw: str):
    return parse_scan(raw.encode("latin-1"), today=TODAY, id_salt=b"salt")


@pytest.mark.parametrize(("raw", "count"), [
    ("]C10109501101530003" + f"3712{GS}10LOT-A", 12),  # (37) count of trade items
    ("(01)09501101530003(30)24(10)LOT-A", 24),  # (30) variable count, human-readable form
    ("(01)09501101530003(17)270101(10)LOT-A", None),  # no count: the case quantity applies
])
def test_a_case_label_carries_its_count(raw, count):
    result = scan(raw)
    assert (result.kind, result.gtin, result.lot, result.count) == (ScanKind.GS1, "09501101530003", "LOT-A", count)


def test_an_sscc_case_label_with_its_contents_and_count():
    result = scan(f"]C100106141411234567897{GS}0209501101530003{GS}3706{GS}10L9")
    assert result.kind == ScanKind.SSCC
    assert (result.sscc, result.gtin, result.count, result.lot) == ("106141411234567897", "09501101530003", 6, "L9")


def test_a_bare_sscc_is_a_pallet_label():
    result = scan("106141411234567897")
    assert (result.kind, result.sscc, result.gtin) == (ScanKind.SSCC, "106141411234567897", None)


def test_a_bad_check_digit_names_the_gtin_element():
    with pytest.raises(Gs1ParseError) as caught:
        scan("]C1010950110153000417250101")
    assert "GTIN (01)" in str(caught.value) and "should end in 3, not 4" in str(caught.value)


def test_an_impossible_expiry_names_the_expiry_and_its_value():
    with pytest.raises(Gs1ParseError) as caught:
        scan("(01)09501101530003(17)991340(10)AB")
    message = str(caught.value)
    assert "expiry date (17) 991340" in message and "does not exist" in message


def test_an_impossible_packed_date_names_the_packed_date():
    with pytest.raises(Gs1ParseError, match=r"packed date \(13\)"):
        scan("(01)09501101530003(13)240231")


def test_a_missing_separator_after_the_lot_names_the_lot():
    with pytest.raises(Gs1ParseError) as caught:
        scan("]C1010950110153000310AB1217270101")  # the lot runs straight into (17) without a GS
    message = str(caught.value)
    assert "lot (10)" in message and "expiry date (17)" in message and "separator" in message


def test_the_same_label_with_its_separator_reads():
    result = scan(f"]C1010950110153000310AB12{GS}17270101")
    assert (result.lot, result.expiry) == ("AB12", date(2027, 1, 1))
