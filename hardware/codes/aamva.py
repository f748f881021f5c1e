"""AAMVA DL/ID card data from the PDF417 barcode on the back of a driver's licence or ID card.

Layout (AAMVA CDS, annex D): `@` LF RS CR, then `ANSI ` (or `AAMVA`), the issuer's 6-digit IIN, the AAMVA
version, the jurisdiction version (version 2 and later), the number of subfiles, then one 10-character
designator per subfile: type (`DL`, `ID`, `Z?`), offset and length. Each subfile starts with its type
and holds elements `DBB19800101` separated by LF and ended by CR.

Dates are CCYYMMDD on Canadian cards and MMDDCCYY on US cards, chosen by the country element (DCG) or, when it
is missing, by the IIN. Two real-world layouts are handled: Ontario's, whose DL designator offset reads 0000
(the subfile is then found by its type), and British Columbia's, which carries a magnetic-stripe layout
(`%BC...^...?;636028...=YYMMCCYYMMDD...?`, see `magstripe.py`).
"""

from __future__ import annotations

import re
from datetime import date

from hardware.codes.errors import IdCardError
from hardware.codes.id_card import IdCard, country_of, make_id_card, parse_card_date
from hardware.codes.magstripe import looks_like_magstripe, parse_magstripe

_FILE_TYPE = re.compile(r"(ANSI ?|AAMVA)(\d{6})(\d{2})", re.ASCII)
_DESIGNATOR = re.compile(r"([A-Z]{2})(\d{4})(\d{4})", re.ASCII)
_ELEMENT_ID = re.compile(r"[A-Z]{3}")
_CARD_SUBFILES = ("DL", "ID")
_INCOMPLETE = "The ID barcode was only partly read. Scan it again, holding the card flat and still."


def looks_like_id_card(text: str) -> bool:
    return looks_like_magstripe(text) or _FILE_TYPE.search(text[:40]) is not None


def parse_id_payload(text: str, *, today: date, salt: bytes) -> IdCard:
    """Parse either AAMVA layout (PDF417 subfiles or BC's magstripe format) into an IdCard."""
    if looks_like_magstripe(text):
        return parse_magstripe(text, today=today, salt=salt)
    return parse_aamva(text, today=today, salt=salt)


def parse_aamva(text: str, *, today: date, salt: bytes) -> IdCard:
    elements, iin, version = read_elements(text)
    country = country_of(iin, elements.get("DCG"))
    layout = "CCYYMMDD" if country == "CAN" else "MMDDCCYY"
    if not elements.get("DBB"):
        raise IdCardError(
            "This ID's barcode has no date of birth. Check the ID by eye, or ask for another piece of ID."
        )
    born = parse_card_date(elements["DBB"], layout, "date of birth")
    expiry = parse_card_date(elements["DBA"], layout, "expiry date") if elements.get("DBA") else None
    if not elements.get("DAQ"):
        raise IdCardError(
            "The ID number on this card could not be read. Scan it again, or check the ID by eye."
        )
    family, given = _names(elements, version)
    return make_id_card(
        date_of_birth=born,
        expiry=expiry,
        jurisdiction=elements.get("DAJ", ""),
        country=country,
        iin=iin,
        id_number=elements["DAQ"],
        family_name=family,
        given_names=given,
        today=today,
        salt=salt,
    )


def read_elements(text: str) -> tuple[dict[str, str], str, int]:
    """Return the DL/ID subfile elements, the issuer IIN and the AAMVA version."""
    header = _FILE_TYPE.search(text[:40])
    if header is None:
        raise IdCardError(
            "This does not look like a driver's licence or ID card barcode. Scan the back of the ID."
        )
    iin, version = header.group(2), int(header.group(3))
    # Offsets count from the `@`, four characters before the file type; some readers drop those characters.
    origin = header.start() - 4
    cursor = header.end() + (2 if version >= 2 else 0)
    count_text = text[cursor : cursor + 2]
    if len(count_text) < 2 or not (count_text.isascii() and count_text.isdigit()):
        raise IdCardError(_INCOMPLETE)
    cursor += 2
    designators = []
    for _ in range(int(count_text)):
        match = _DESIGNATOR.match(text, cursor)
        if match is None:
            break
        designators.append((match.group(1), int(match.group(2)), int(match.group(3))))
        cursor = match.end()
    segment_end = text[3] if origin == 0 and text[3] in "\r\n\x1e\x1c\x1d" else "\r"
    elements: dict[str, str] = {}
    for kind, offset, length in designators:
        if kind in _CARD_SUBFILES:
            body = _subfile_body(text, kind, origin + offset, length, cursor, segment_end)
            for key, value in _split_elements(body).items():
                elements.setdefault(key, value)
    if not designators or not elements:
        raise IdCardError(_INCOMPLETE)
    return elements, iin, version


def _subfile_body(text: str, kind: str, start: int, length: int, header_end: int, segment_end: str) -> str:
    if not (header_end <= start < len(text) and text.startswith(kind, start)):
        # Ontario's designator reads offset 0000: find the subfile by its type, right after the designators.
        start = text.find(kind, header_end)
        if start < 0:
            raise IdCardError(_INCOMPLETE)
        length = 0
    body = text[start + len(kind) :]
    end = body.find(segment_end)
    if end >= 0:
        return body[:end]
    if length and start + length > len(text) + 1:
        raise IdCardError(_INCOMPLETE)
    return body


def _split_elements(body: str) -> dict[str, str]:
    elements: dict[str, str] = {}
    for piece in re.split(r"[\n\r\x1e]", body):
        piece = piece.strip()
        if len(piece) >= 3 and _ELEMENT_ID.fullmatch(piece[:3]):
            elements.setdefault(piece[:3], piece[3:].strip())
    return elements


def _names(elements: dict[str, str], version: int) -> tuple[str, str]:
    if "DCS" in elements or "DAB" in elements:
        family = elements.get("DCS") or elements.get("DAB", "")
        given = elements.get("DAC") or elements.get("DCT", "")
        middle = elements.get("DAD", "")
        return family, f"{given} {middle}".strip()
    # Version 1 cards may carry only the full name, "FAMILY,GIVEN,MIDDLE".
    parts = re.split(r"[,$]", elements.get("DAA", ""))
    return parts[0], " ".join(parts[1:])
