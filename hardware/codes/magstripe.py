"""The AAMVA magnetic-stripe layout, which British Columbia also puts in its PDF417 barcode.

    %BCVICTORIA^SPECIMEN,$TEST CARD^910 GOVERNMENT ST$VICTORIA BC  V8W 3Y8^?;6360281234567=240919750102=?...

Track 1 (`%` ... `?`): jurisdiction (2 letters), city, `^`, name as FAMILY,$GIVEN, `^`, address, `^`.
Track 2 (`;` ... `?`): issuer IIN (6 digits), ID number, `=`, expiry YYMM, date of birth CCYYMMDD.
Expiry months 77 (never expires), 88 (end of the birth month) and 99 (the birthday) follow the AAMVA stripe
standard; months 01-12 mean the last day of that month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from hardware.codes.errors import IdCardError
from hardware.codes.id_card import IdCard, country_of, make_id_card, parse_card_date

_TRACK1 = re.compile(r"%([A-Z]{2})([^^?]{0,13})\^([^^?]*)\^([^^?]*)\^?[^?]*\?")
_TRACK2 = re.compile(r";(\d{6})([0-9A-Z]{1,13})=(\d{4})(\d{8})?[^?]*\?", re.ASCII)


def looks_like_magstripe(text: str) -> bool:
    return text.lstrip().startswith("%") and ";" in text


def parse_magstripe(text: str, *, today: date, salt: bytes) -> IdCard:
    track1 = _TRACK1.search(text)
    track2 = _TRACK2.search(text)
    if track2 is None:
        raise IdCardError(
            "The ID barcode was only partly read: its date of birth is missing. Scan it again, "
            "or check the ID by eye."
        )
    iin, number, expiry_text, born_text = track2.groups()
    if born_text is None:
        raise IdCardError(
            "This ID's barcode has no date of birth. Check the ID by eye, or ask for another piece of ID."
        )
    born = parse_card_date(born_text, "CCYYMMDD", "date of birth")
    family, given = _names(track1.group(3) if track1 else "")
    return make_id_card(
        date_of_birth=born,
        expiry=_expiry(expiry_text, born),
        jurisdiction=track1.group(1) if track1 else "",
        country=country_of(iin, None),
        iin=iin,
        id_number=number,
        family_name=family,
        given_names=given,
        today=today,
        salt=salt,
    )


def _expiry(yymm: str, born: date) -> date | None:
    year, month = 2000 + int(yymm[:2]), int(yymm[2:])
    try:
        if month == 77:
            return None
        if month == 88:
            return date(year, born.month, calendar.monthrange(year, born.month)[1])
        if month == 99:
            # Someone born on 29 February has a birthday on the 28th in other years.
            return date(year, born.month, min(born.day, calendar.monthrange(year, born.month)[1]))
        return date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, calendar.IllegalMonthError):
        raise IdCardError(
            "The expiry date on this ID could not be read. Scan it again, or check the ID by eye."
        ) from None


def _names(field: str) -> tuple[str, str]:
    parts = [part.strip(" ,") for part in re.split(r"\$|,", field) if part.strip(" ,")]
    if not parts:
        return "", ""
    return parts[0], " ".join(parts[1:])
