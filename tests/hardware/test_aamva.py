"""AAMVA ID cards: our own payloads, the rules on dates of birth, the ID-number hash, and fuzzing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.codes.aamva import parse_id_payload
from hardware.codes.cli import run_codes_parse
from hardware.codes.errors import CodeParseError, IdCardError
from hardware.codes.id_card import hash_id_number

from . import aamva_vectors as v

TODAY = date(2026, 11, 21)
SALT = b"store-salt"


def parse(payload: str, today: date = TODAY):
    return parse_id_payload(payload, today=today, salt=SALT)


@pytest.mark.parametrize(
    ("payload", "born", "expiry", "jurisdiction", "country", "age"),
    [
        (v.US_V08, date(1986, 6, 6), date(2030, 12, 10), "VA", "USA", 40),
        (v.ONTARIO, date(1990, 3, 15), date(2028, 3, 15), "ON", "CAN", 36),
        (v.QUEBEC_ID, date(2005, 1, 1), date(2031, 1, 1), "QC", "CAN", 21),
        (v.ALBERTA, date(2008, 11, 22), date(2030, 1, 1), "AB", "CAN", 17),  # 18 tomorrow
        (v.BC_MAGSTRIPE, date(1975, 1, 2), date(2028, 7, 31), "BC", "CAN", 51),
        (v.BC_MAGSTRIPE_BIRTHDAY_EXPIRY, date(1988, 2, 29), date(2028, 2, 29), "BC", "CAN", 38),
        (v.US_V01_FULL_NAME, date(1970, 1, 31), date(2027, 1, 31), "NY", "USA", 56),
        (v.EXPIRED, date(1980, 1, 1), date(2020, 1, 1), "ON", "CAN", 46),
    ],
)
def test_good_cards(payload, born, expiry, jurisdiction, country, age):
    card = parse(payload)
    assert (card.date_of_birth, card.expiry, card.jurisdiction, card.country, card.age) == (
        born,
        expiry,
        jurisdiction,
        country,
        age,
    )
    assert card.expired == (expiry < TODAY)


def test_names_are_read_from_each_layout():
    assert (parse(v.US_V08).family_name, parse(v.US_V08).given_names) == ("SAMPLE", "MICHAEL JOHN")
    assert (parse(v.ALBERTA).family_name, parse(v.ALBERTA).given_names) == ("NGUYEN", "ALEX")
    assert (parse(v.BC_MAGSTRIPE).family_name, parse(v.BC_MAGSTRIPE).given_names) == ("SPECIMEN", "TEST CARD")
    assert (parse(v.US_V01_FULL_NAME).family_name, parse(v.US_V01_FULL_NAME).given_names) == (
        "PUBLIC",
        "JOHN Q",
    )


def test_an_expired_card_says_so():
    assert parse(v.EXPIRED).expired
    assert not parse(v.ONTARIO).expired


def test_a_reader_that_drops_the_compliance_header_still_works():
    stripped = v.aamva("636012", 8, [("DL", v.ONTARIO_ELEMENTS)], header_start="")
    assert parse(stripped).date_of_birth == date(1990, 3, 15)


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (v.MISSING_DOB, "no date of birth"),
        (v.IMPOSSIBLE_DOB, "not a real date"),
        (v.TRUNCATED, "partly read"),
        (v.FUTURE_DOB, "in the future"),
        (v.TOO_OLD, "not possible"),
        (v.BC_MISSING_DOB, "no date of birth"),
        ("@\n\x1e\rANSI 63601208", "partly read"),
        ("hello", "does not look like"),
    ],
)
def test_bad_cards_fail_with_a_plain_sentence_and_no_age(payload, words):
    with pytest.raises(IdCardError, match=words) as caught:
        parse(payload)
    assert str(caught.value).endswith(".")


def test_at_least_ten_aamva_payloads():
    payloads = [value for name, value in vars(v).items() if name.isupper() and isinstance(value, str)]
    assert len(payloads) >= 10


def test_the_id_number_is_only_kept_as_a_salted_hash():
    card = parse(v.ONTARIO)
    assert card.id_number_hash == hash_id_number("D1234-56789-00315", "636012", SALT)
    assert card.id_number_hash != parse_id_payload(v.ONTARIO, today=TODAY, salt=b"other").id_number_hash
    assert "D1234" not in repr(card) and "123456789" not in card.id_number_hash
    assert "DOE" not in repr(card)  # names stay out of logs too
    # Dashes and case do not change who the card belongs to.
    assert hash_id_number("d123456789 00315", "636012", SALT) == card.id_number_hash


def test_codes_parse_json_for_an_id_card():
    status, text = run_codes_parse(b"]L2" + v.ONTARIO.encode(), TODAY, SALT)
    assert status == 0
    data = json.loads(text)
    assert data == {
        "kind": "id_card",
        "gtin": None,
        "lot": None,
        "expiry": None,
        "packaging_date": None,
        "date_of_birth": "1990-03-15",
        "id_expiry": "2028-03-15",
        "jurisdiction": "ON",
        "country": "CAN",
        "age": 36,
        "id_number_hash": parse(v.ONTARIO).id_number_hash,
    }


def test_codes_parse_json_refuses_a_card_without_date_of_birth():
    status, text = run_codes_parse(v.MISSING_DOB.encode(), TODAY, SALT)
    assert status == 2
    assert set(json.loads(text)) == {"error"}
    assert "date of birth" in json.loads(text)["error"]


VALID = [v.US_V08, v.ONTARIO, v.QUEBEC_ID, v.ALBERTA, v.BC_MAGSTRIPE, v.US_V01_FULL_NAME]


def _returns_a_card_or_our_error(payload: str) -> None:
    try:
        card = parse(payload)
    except CodeParseError:
        return
    assert card.date_of_birth <= TODAY and 0 <= card.age <= 130


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALID), st.data())
def test_fuzz_truncated_and_damaged_payloads(payload, data):
    cut = data.draw(st.integers(0, len(payload)))
    position = data.draw(st.integers(0, max(0, cut - 1)))
    replacement = data.draw(st.text(st.characters(codec="latin-1"), max_size=3))
    _returns_a_card_or_our_error(payload[:cut])
    _returns_a_card_or_our_error(payload[:position] + replacement + payload[position + 1 :])


element_ids = st.sampled_from(["DBB", "DBA", "DAQ", "DCS", "DAC", "DCG", "DAJ", "DAA", "ZZZ"])
element_values = st.text(st.sampled_from("0123456789ABC -,$/USACN"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["636000", "636012", "604428", "999999"]),
    st.integers(0, 12),
    st.lists(st.tuples(element_ids, element_values), max_size=10),
    st.sampled_from(["DL", "ID", "ZX"]),
    st.one_of(st.none(), st.text(st.sampled_from("0123456789"), min_size=4, max_size=4)),
)
def test_fuzz_structured_payloads(iin, version, elements, kind, offset):
    payload = v.aamva(iin, version, [(kind, [a + b for a, b in elements])], dl_offset_override=offset)
    _returns_a_card_or_our_error(payload)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="latin-1"), max_size=120))
def test_fuzz_arbitrary_text(text):
    _returns_a_card_or_our_error("@\n\x1e\rANSI 636012" + text)
    _returns_a_card_or_our_error("%BC" + text)
