"""Shelf locations of a store: created one by one (admin API) or from a CSV, and deactivated.

A location's code is what its label says after `LOC:` (`VAULT-01-03-B`), read by the same parser the terminals
use, so every location the hub knows can be scanned.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.codes.errors import CodeParseError
from hardware.codes.location import PREFIX, parse_location_code
from sync.hub.feed.record import lock_store, record_put
from sync.hub.importers.csv_rows import CsvRejected, ImportReport, check_all, read_rows
from sync.hub.models import ShelfLocation, Store

LOCATION_TYPES = ("standard", "display", "secure", "cold_storage", "quarantine", "backstock")


class LocationError(Exception):
    """A plain sentence: why the location cannot be made or changed as asked."""


@dataclass(frozen=True)
class LocationIn:
    zone: str
    aisle: str
    shelf: str
    bin: str
    location_type: str = "standard"
    notes: str | None = None

    @property
    def code(self) -> str:
        return f"{self.zone}-{self.aisle}-{self.shelf}-{self.bin}"


def location_in(zone: str, aisle: str | int, shelf: str | int, bin_: str, location_type: str = "standard",
                notes: str | None = None) -> LocationIn:
    """The parts checked and written the way labels print them (aisle and shelf with two digits at least)."""
    text = f"{PREFIX}{str(zone).strip()}-{str(aisle).strip()}-{str(shelf).strip()}-{str(bin_).strip()}"
    try:
        parsed = parse_location_code(text)
    except CodeParseError:
        raise LocationError(f"{text[len(PREFIX):]!r} is not a shelf location: the zone is 1 to 6 letters, aisle "
                            "and shelf 1 to 3 digits, the bin 1 to 3 letters or digits (like VAULT-01-03-B)"
                            ) from None
    kind = (location_type or "standard").strip().lower()
    if kind not in LOCATION_TYPES:
        raise LocationError(f"location type {kind!r} is not one of {', '.join(LOCATION_TYPES)}")
    return LocationIn(parsed.zone, f"{parsed.aisle:02d}", f"{parsed.shelf:02d}", parsed.bin, kind,
                      (notes or "").strip()[:300] or None)


def by_code(session: Session, store_id, code: str) -> ShelfLocation | None:
    return session.scalar(select(ShelfLocation).where(ShelfLocation.store_id == store_id,
                                                      ShelfLocation.location_code == code))


def save_location(session: Session, store: Store, wanted: LocationIn, *,
                  replace: bool = False) -> tuple[ShelfLocation, bool]:
    """The location made (or, with `replace`, brought up to date and active again); True when it is new."""
    lock_store(session, store.id)
    location = by_code(session, store.id, wanted.code)
    if location is not None and location.is_active and not replace:
        raise LocationError(f"Store {store.store_code} already has the location {wanted.code}.")
    created = location is None
    if created:
        location = ShelfLocation(store_id=store.id, location_code=wanted.code)
        session.add(location)
    location.zone, location.aisle, location.shelf, location.bin = wanted.zone, wanted.aisle, wanted.shelf, wanted.bin
    location.location_type, location.notes = wanted.location_type, wanted.notes
    location.is_active = location.is_available = True
    session.flush()
    record_put(session, location)
    return location, created


def deactivate_location(session: Session, location: ShelfLocation) -> ShelfLocation:
    lock_store(session, location.store_id)
    location.is_active = location.is_available = False
    session.flush()
    record_put(session, location)
    return location


def _row(row: dict[str, str]) -> LocationIn:
    code = row.get("location_code") or row.get("code") or ""
    if code:
        parts = code.upper().removeprefix(PREFIX).split("-")
        if len(parts) != 4:
            raise ValueError(f"location_code {code!r} is not like VAULT-01-03-B")
        zone, aisle, shelf, bin_ = parts
    else:
        missing = [name for name in ("zone", "aisle", "shelf", "bin") if not row.get(name)]
        if missing:
            raise ValueError(f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing (or give a "
                             "location_code)")
        zone, aisle, shelf, bin_ = row["zone"], row["aisle"], row["shelf"], row["bin"]
    try:
        return location_in(zone.upper(), aisle, shelf, bin_.upper(), row.get("location_type") or "standard",
                           row.get("notes"))
    except LocationError as error:
        raise ValueError(str(error)) from None


def import_locations(session: Session, store: Store, path: Path) -> ImportReport:
    """Every row checked first (a bad one names its line and nothing is written); known codes are updated."""
    parsed = check_all(read_rows(path), _row)
    seen: dict[str, int] = {}
    for line, wanted in parsed:
        if wanted.code in seen:
            raise CsvRejected([f"line {line}: location {wanted.code} is already on line {seen[wanted.code]}"])
        seen[wanted.code] = line
    report = ImportReport()
    for _line, wanted in parsed:
        _location, created = save_location(session, store, wanted, replace=True)
        if created:
            report.created += 1
        else:
            report.updated += 1
    return report
