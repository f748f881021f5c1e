"""The ID card value both AAMVA layouts produce, and the rules every card must pass.

A card without a readable, possible date of birth is refused: no age is ever guessed. The ID number is kept
only as a salted sha256 hash, so the same card can be recognised without the number being stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from hardware.codes.errors import IdCardError

# Issuer identification numbers of the Canadian jurisdictions (AAMVA IIN table).
CANADIAN_IINS = {
    "604426": "PE",
    "604428": "QC",
    "604429": "YT",
    "604432": "AB",
    "604433": "NU",
    "604434": "NT",
    "636012": "ON",
    "636013": "NS",
    "636016": "NL",
    "636017": "NB",
    "636028": "BC",
    "636044": "SK",
    "636048": "MB",
}
OLDEST_POSSIBLE_AGE = 130


@dataclass(frozen=True)
class IdCard:
    date_of_birth: date
    age: int  # full years on the day of the scan
    expiry: date | None  # None when the card has no expiry date
    expired: bool
    jurisdiction: str  # e.g. "ON"
    country: str  # "CAN" or "USA"
    issuer_iin: str
    id_number_hash: str  # hex sha256 of salt + IIN + ":" + ID number; never the number itself
    family_name: str = field(default="", repr=False)
    given_names: str = field(default="", repr=False)


def country_of(iin: str, country_field: str | None) -> str:
    if country_field in ("CAN", "USA"):
        return country_field
    return "CAN" if iin in CANADIAN_IINS else "USA"


def hash_id_number(number: str, iin: str, salt: bytes) -> str:
    normalized = re.sub(r"[^0-9A-Za-z]", "", number).upper()
    if not normalized:
        raise IdCardError(
            "The ID number on this card could not be read. Scan it again, or check the ID by eye."
        )
    return hashlib.sha256(salt + f"{iin}:{normalized}".encode()).hexdigest()


def parse_card_date(text: str | None, layout: str, what: str) -> date:
    """Read an 8-digit date laid out as CCYYMMDD or MMDDCCYY; refuse anything that is not a real date."""
    text = (text or "").strip()
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise IdCardError(f"The {what} on this ID could not be read. Scan it again, or check the ID by eye.")
    if layout == "CCYYMMDD":
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        month, day, year = int(text[:2]), int(text[2:4]), int(text[4:])
    try:
        return date(year, month, day)
    except ValueError:
        raise IdCardError(
            f"The {what} on this ID is not a real date. Check the ID by eye before you sell."
        ) from None


def full_years(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def make_id_card(
    *,
    date_of_birth: date,
    expiry: date | None,
    jurisdiction: str,
    country: str,
    iin: str,
    id_number: str,
    family_name: str,
    given_names: str,
    today: date,
    salt: bytes,
) -> IdCard:
    if date_of_birth > today:
        raise IdCardError(
            "The date of birth on this ID is in the future. Check the ID by eye before you sell."
        )
    age = full_years(date_of_birth, today)
    if age > OLDEST_POSSIBLE_AGE:
        raise IdCardError(
            "The date of birth on this ID is not possible. Check the ID by eye before you sell."
        )
    return IdCard(
        date_of_birth=date_of_birth,
        age=age,
        expiry=expiry,
        expired=expiry is not None and expiry < today,
        jurisdiction=jurisdiction.strip().upper() or CANADIAN_IINS.get(iin, ""),
        country=country,
        issuer_iin=iin,
        id_number_hash=hash_id_number(id_number, iin, salt),
        family_name=family_name.strip(),
        given_names=" ".join(given_names.replace(",", " ").split()),
    )
