"""Everything the back office shows about one product's stock: levels, lots with expiry, and shelf locations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LotRow:
    batch_lot: str
    remaining: int
    expiry: date | None
    received: date | None
    recalled: bool


@dataclass(frozen=True)
class LocationRow:
    code: str
    quantity: int
    batch_lot: str | None
    primary: bool


@dataclass(frozen=True)
class StockRow:
    sku: str
    name: str
    brand: str
    each_gtin: str | None
    case_gtin: str | None
    case_quantity: int
    on_hand: int  # the hub's level as last pulled, with this terminal's unsynced moves
    reserved: int  # held by kiosk tickets now
    reorder_point: int
    reorder_quantity: int
    lots: tuple[LotRow, ...]
    locations: tuple[LocationRow, ...]

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved
