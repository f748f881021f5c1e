"""`pos-app codes parse`: raw scan bytes in, one JSON object out."""

from __future__ import annotations

import json
from datetime import date

from hardware.codes.classify import ScanResult, parse_scan
from hardware.codes.errors import CodeParseError

KEYS = (
    "kind",
    "gtin",
    "lot",
    "expiry",
    "packaging_date",
    "date_of_birth",
    "id_expiry",
    "jurisdiction",
    "country",
    "age",
    "id_number_hash",
)


def run_codes_parse(raw: bytes, today: date, salt: bytes) -> tuple[int, str]:
    """Return (exit status, JSON text): 0 and the keys in KEYS, or 2 and {"error": "<plain sentence>"}."""
    try:
        result = parse_scan(raw, today=today, id_salt=salt)
    except CodeParseError as exc:
        return 2, json.dumps({"error": str(exc)}, ensure_ascii=False)
    return 0, json.dumps(scan_result_fields(result), ensure_ascii=False)


def scan_result_fields(result: ScanResult) -> dict[str, object]:
    card = result.id_card
    fields: dict[str, object] = {
        "kind": str(result.kind),
        "gtin": result.gtin,
        "lot": result.lot,
        "expiry": _iso(result.expiry),
        "packaging_date": _iso(result.packaging_date),
        "date_of_birth": _iso(card.date_of_birth) if card else None,
        "id_expiry": _iso(card.expiry) if card else None,
        "jurisdiction": card.jurisdiction if card else None,
        "country": card.country if card else None,
        "age": card.age if card else None,
        "id_number_hash": card.id_number_hash if card else None,
    }
    return {key: fields[key] for key in KEYS}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
