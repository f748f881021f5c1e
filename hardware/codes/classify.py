"""Turn the raw bytes of one scan into one typed value.

Order of recognition: ID card (AAMVA), a kiosk ticket's QR code (`K1.…`), shelf location (`LOC:`), our receipt
(`R:` or `ON001-1-000042`), then GS1: the AIM id decides when present (`]C1` `]e0` `]d2` `]Q3` → element string,
`]E0`/`]E4` → GTIN); without one, 8/12/13/14 digits are a GTIN, 18 digits an SSCC, `(01)...` the human-readable
form, and other strings starting with a digit a raw element string.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hardware.codes.aamva import looks_like_id_card, parse_id_payload
from hardware.codes.errors import UnknownCodeError
from hardware.codes.gs1 import Gs1Data, normalize_gtin, normalize_sscc, parse_element_string
from hardware.codes.id_card import IdCard
from hardware.codes.kiosk_ticket_code import is_kiosk_ticket_code
from hardware.codes.location import ShelfLocation, is_location_code, parse_location_code
from hardware.codes.receipt_code import ReceiptNumber, is_receipt_code, parse_receipt_code
from hardware.codes.symbology import EAN_UPC_SYMBOLOGIES, GS1_SYMBOLOGIES, split_symbology


class ScanKind(StrEnum):
    GTIN = "gtin"
    GS1 = "gs1"
    SSCC = "sscc"
    RECEIPT = "receipt"
    LOCATION = "location"
    ID_CARD = "id_card"
    KIOSK_TICKET = "kiosk_ticket"


@dataclass(frozen=True)
class ScanResult:
    kind: ScanKind
    symbology: str | None = None
    gtin: str | None = None  # always 14 digits
    lot: str | None = None
    expiry: date | None = None
    packaging_date: date | None = None
    sscc: str | None = None
    receipt: ReceiptNumber | None = None
    location: ShelfLocation | None = None
    id_card: IdCard | None = None
    ticket_code: str | None = None  # a kiosk ticket's QR text, whole, for the terminal to check and decode
    count: int | None = None  # a case label's (30) or (37): the items in the case


def parse_scan(raw: bytes, *, today: date, id_salt: bytes) -> ScanResult:
    symbology, data = split_symbology(raw)
    text = data.decode("latin-1")
    if not text.strip():
        raise UnknownCodeError("The scan was empty. Scan the barcode again.")
    if looks_like_id_card(text):
        card = parse_id_payload(text, today=today, salt=id_salt)
        return ScanResult(ScanKind.ID_CARD, symbology, id_card=card)
    text = text.strip()
    if is_kiosk_ticket_code(text):
        return ScanResult(ScanKind.KIOSK_TICKET, symbology, ticket_code=text)
    if is_location_code(text):
        return ScanResult(ScanKind.LOCATION, symbology, location=parse_location_code(text))
    if is_receipt_code(text):
        return ScanResult(ScanKind.RECEIPT, symbology, receipt=parse_receipt_code(text))
    return _parse_gs1(text, symbology)


def _parse_gs1(text: str, symbology: str | None) -> ScanResult:
    digits_only = text.isascii() and text.isdigit()
    if symbology in GS1_SYMBOLOGIES or text.startswith("("):
        return _from_element_string(parse_element_string(text), symbology)
    if symbology in EAN_UPC_SYMBOLOGIES or (digits_only and len(text) in (8, 12, 13, 14)):
        return ScanResult(ScanKind.GTIN, symbology, gtin=normalize_gtin(text))
    if digits_only and len(text) == 18:
        return ScanResult(ScanKind.SSCC, symbology, sscc=normalize_sscc(text))
    if text[:1] in "0123456789":
        return _from_element_string(parse_element_string(text), symbology)
    raise UnknownCodeError(
        "This barcode is not a product, case label, receipt, shelf label or ID. "
        "Scan another code, or type it."
    )


def _from_element_string(data: Gs1Data, symbology: str | None) -> ScanResult:
    kind = ScanKind.SSCC if data.sscc else ScanKind.GS1
    return ScanResult(
        kind,
        symbology,
        gtin=data.gtin,
        lot=data.lot,
        expiry=data.expiry,
        packaging_date=data.packaging_date,
        sscc=data.sscc,
        count=data.count,
    )
