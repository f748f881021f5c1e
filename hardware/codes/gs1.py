"""GS1 data through biip: GTINs normalised to 14 digits, and element strings (01) (02) (10) (17) (13) (00),
and the count of a case label, (30) variable count or (37) count of trade items.

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
_AI_IN_DETAIL = re.compile(r"AI \((\d{2,4})\)")
_VALUE_IN_DETAIL = re.compile(r"Failed to match '(\d{2,4}?)([^']*)'")
# What each element is called on a label, for sentences that name the one at fault.
ELEMENT_NAMES = {
    "00": "shipping container code (00)", "01": "GTIN (01)", "02": "GTIN of the contents (02)",
    "10": "lot (10)", "11": "production date (11)", "13": "packed date (13)", "15": "best-before date (15)",
    "16": "sell-by date (16)", "17": "expiry date (17)", "21": "serial number (21)", "30": "count (30)",
    "37": "count (37)",
}
_VARIABLE_AIS = ("10", "21")  # variable-length text: a missing separator after one swallows what follows
_FIXED_TAILS = ("11", "13", "15", "17")  # six-digit dates a swallowed tail would start with


@dataclass(frozen=True)
class Gs1Data:
    gtin: str | None = None  # 14 digits
    lot: str | None = None
    expiry: date | None = None
    packaging_date: date | None = None
    sscc: str | None = None  # 18 digits
    count: int | None = None  # (30) or (37): how many items the labelled case or pallet holds


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
    data = _collect(message)
    if not text.startswith("(") and "\x1d" not in text:
        _check_separators(message)
    return data


def _check_separators(message: GS1Message) -> None:
    """A raw string without separators: a lot that ends in a whole valid date most likely swallowed it."""
    for element in message.element_strings:
        if element.ai.ai not in _VARIABLE_AIS:
            continue
        value = element.value
        for start in range(1, len(value) - 7):
            tail = value[start:]
            if tail[:2] not in _FIXED_TAILS or not tail.isdigit() or len(tail) != 8:
                continue
            try:
                GS1Message.parse(tail)
            except (biip.ParseError, ValueError):
                continue
            raise Gs1ParseError(
                f"The {ELEMENT_NAMES[element.ai.ai]} on this label runs into an {ELEMENT_NAMES[tail[:2]]}: the "
                f"separator after the {ELEMENT_NAMES[element.ai.ai].split(' (')[0]} is missing. Scan the label "
                "again, or enter the item by hand."
            )


def _collect(message: GS1Message) -> Gs1Data:
    fields: dict[str, object] = {}
    for element in message.element_strings:
        ai = element.ai.ai
        if element.gtin_error:
            raise Gs1ParseError(_check_digit_sentence(element.gtin_error, ELEMENT_NAMES.get(ai)))
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
        elif ai in ("30", "37"):
            if not element.value.isascii() or not element.value.isdigit():
                raise Gs1ParseError(f"The {ELEMENT_NAMES[ai]} on this label is not a number. Count the case and "
                                    "type the quantity instead.")
            fields["count"] = int(element.value)
    return Gs1Data(**fields)  # type: ignore[arg-type]


def _check_digit_sentence(detail: str, element: str | None = None) -> str:
    match = _CHECK_DIGIT.search(detail)
    found = f" (it should end in {match.group(1)}, not {match.group(2)})" if match else ""
    if element:
        return f"In the {element} on this label, the check digit is wrong{found}. Scan it again or type the number."
    return f"The product barcode's check digit is wrong{found}. Scan it again or type the number."


def _message_sentence(detail: str) -> str:
    found = _AI_IN_DETAIL.search(detail)
    ai = found.group(1) if found else None
    value = _VALUE_IN_DETAIL.search(detail)
    shown = f" {value.group(2)}" if value and ai and value.group(1) == ai and value.group(2) else ""
    if ai in _DATE_AIS or (ai is None and "date" in detail.lower()):
        name = ELEMENT_NAMES.get(ai or "", "date")
        return (f"The {name}{shown} on this GS1 barcode is a date that does not exist. Check the label, or enter "
                "the item by hand.")
    if ai in ELEMENT_NAMES:
        return (f"The {ELEMENT_NAMES[ai]}{shown} on this GS1 barcode is not valid. Scan it again, or enter the "
                "item by hand.")
    return "This GS1 barcode could not be read. Scan it again, or enter the item by hand."
