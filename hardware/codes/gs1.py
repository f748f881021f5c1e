"""GS1 data through biip: GTINs normalised to 14 digits, and element strings (01) (02) (10) (17) (13) (00).

Accepted forms of an element string: raw with GS (0x1D) separators, raw without separators when every
variable-length field comes last, and the human-readable form `(01)09501101530003(17)250101(10)AB12`.
The AIM symbology id is split off by the caller (see `symbology.split_symbology`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import biip
from biip.gs1_messages import GS1Message
from biip.gtin import Gtin
from biip.sscc import Sscc

from hardware.codes.errors import Gs1ParseError

_CHECK_DIGIT = re.compile(r"Expected (\d), got (\d)")
_DATE_AIS = ("11", "12", "13", "15", "16", "17")


@dataclass(frozen=True)
class Gs1Data:
    gtin: str | None = None  # 14 digits
    lot: str | None = None
    expiry: date | None = None
    packaging_date: date | None = None
    sscc: str | None = None  # 18 digits


def normalize_gtin(digits: str) -> str:
    """A GTIN-8, -12, -13 or -14 with a correct check digit, as 14 digits."""
    if not digits.isascii() or not digits.isdigit():
        raise Gs1ParseError("A product barcode must contain digits only. Scan it again or type the number.")
    if len(digits) not in (8, 12, 13, 14):
        raise Gs1ParseError(
            f"A product barcode has 8, 12, 13 or 14 digits, but this one has {len(digits)}. "
            "Scan it again or type the number."
        )
    try:
        return Gtin.parse(digits).as_gtin_14()
    except biip.ParseError as exc:
        raise Gs1ParseError(_check_digit_sentence(str(exc))) from None


def gtin14_or_none(text: str) -> str | None:
    """The GTIN-14 of ``text`` when it is a GTIN-8, -12, -13 or -14 with a correct check digit, else None.

    For code that must also accept other codes (a SKU typed into a search box, a store's own barcode).
    """
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) not in (8, 12, 13, 14):
        return None
    try:
        return normalize_gtin(text)
    except Gs1ParseError:
        return None


def normalize_sscc(digits: str) -> str:
    """An 18-digit SSCC with a correct check digit."""
    if len(digits) != 18 or not digits.isascii() or not digits.isdigit():
        raise Gs1ParseError("A shipping container code (SSCC) has 18 digits. Scan the label again.")
    try:
        return Sscc.parse(digits).value
    except biip.ParseError:
        raise Gs1ParseError(
            "The shipping container code (SSCC) on this label has a wrong check digit. Scan it again."
        ) from None


def parse_element_string(text: str) -> Gs1Data:
    """Parse a GS1 element string (raw or human-readable) into the fields the POS uses."""
    text = text.strip()
    if not text:
        raise Gs1ParseError("The GS1 barcode is empty. Scan it again.")
    try:
        message = GS1Message.parse_hri(text) if text.startswith("(") else GS1Message.parse(text)
    except biip.ParseError as exc:
        raise Gs1ParseError(_message_sentence(str(exc))) from None
    # biip validates with regular expressions and dates; anything else it raises is still bad input to us.
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        raise Gs1ParseError(_message_sentence(str(exc))) from None
    return _collect(message)


def _collect(message: GS1Message) -> Gs1Data:
    fields: dict[str, object] = {}
    for element in message.element_strings:
        ai = element.ai.ai
        if element.gtin_error:
            raise Gs1ParseError(_check_digit_sentence(element.gtin_error))
        if element.sscc_error:
            raise Gs1ParseError(
                "The shipping container code (SSCC) on this label has a wrong check digit. Scan it again."
            )
        if ai == "01" and element.gtin:
            fields["gtin"] = element.gtin.as_gtin_14()
        elif ai == "02" and element.gtin:
            fields.setdefault("gtin", element.gtin.as_gtin_14())
        elif ai == "10":
            fields["lot"] = element.value
        elif ai == "17":
            fields["expiry"] = element.date
        elif ai == "13":
            fields["packaging_date"] = element.date
        elif ai == "00" and element.sscc:
            fields["sscc"] = element.sscc.value
    return Gs1Data(**fields)  # type: ignore[arg-type]


def _check_digit_sentence(detail: str) -> str:
    match = _CHECK_DIGIT.search(detail)
    found = f" (it should end in {match.group(1)}, not {match.group(2)})" if match else ""
    return f"The product barcode's check digit is wrong{found}. Scan it again or type the number."


def _message_sentence(detail: str) -> str:
    if "date" in detail.lower() or any(f"AI ({ai})" in detail for ai in _DATE_AIS):
        return "The GS1 barcode holds a date that does not exist. Check the label, or enter the item by hand."
    return "This GS1 barcode could not be read. Scan it again, or enter the item by hand."
