"""Shelf location labels: `LOC:<ZONE>-<AISLE>-<SHELF>-<BIN>`, e.g. `LOC:A-01-03-B`.

- ZONE: 1 to 6 letters (the demo store's FRONT, BACK, VAULT, COLD). AISLE and SHELF: 1 to 3 digits, printed
  with at least 2.
- BIN: 1 to 3 letters or digits.
The `LOC:` prefix holds letters and a colon, which no GTIN, GS1 string or receipt number can, so a location
label is never mistaken for a product. It is required when reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hardware.codes.errors import CodeParseError

PREFIX = "LOC:"
_PATTERN = re.compile(r"LOC:([A-Z]{1,6})-(\d{1,3})-(\d{1,3})-([A-Z0-9]{1,3})", re.ASCII)


@dataclass(frozen=True)
class ShelfLocation:
    zone: str
    aisle: int
    shelf: int
    bin: str

    @property
    def code(self) -> str:
        """As printed on the label and stored: `LOC:A-01-03-B`."""
        return f"{PREFIX}{self.location_code}"

    @property
    def location_code(self) -> str:
        """As the hub and the replica keep it (`shelf_locations.location_code`): `A-01-03-B`, no prefix."""
        return f"{self.zone}-{self.aisle:02d}-{self.shelf:02d}-{self.bin}"


def is_location_code(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX)


def parse_location_code(text: str) -> ShelfLocation:
    match = _PATTERN.fullmatch(text.strip().upper())
    if match is None:
        raise CodeParseError(
            "This shelf label could not be read. It should look like LOC:A-01-03-B; check the label."
        )
    zone, aisle, shelf, bin_ = match.groups()
    return ShelfLocation(zone=zone, aisle=int(aisle), shelf=int(shelf), bin=bin_)
