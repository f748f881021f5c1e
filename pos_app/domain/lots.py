"""Which batch lots a sale takes its units from: first expiring first out, then first received."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from pos_app.domain.errors import NoSellableLot


@dataclass(frozen=True, slots=True)
class Lot:
    batch_lot: str
    sku: str
    quantity_remaining: int
    received_date: date
    expiry_date: date | None
    recalled: bool = False

    def is_sellable_on(self, today: date) -> bool:
        return not self.recalled and (self.expiry_date is None or self.expiry_date >= today)


@dataclass(frozen=True, slots=True)
class LotAllocation:
    batch_lot: str
    quantity: int


@dataclass(frozen=True, slots=True)
class InventoryDelta:
    sku: str
    batch_lot: str | None
    quantity_delta: int  # negative for a sale, positive for a refund that goes back on the shelf
    line_id: UUID
    reason: str = "sale"


def _fefo_then_fifo(lot: Lot) -> tuple[bool, date, date, str]:
    # Lots that never expire go after every dated lot.
    return (lot.expiry_date is None, lot.expiry_date or date.max, lot.received_date, lot.batch_lot)


def allocate_lots(sku: str, quantity: int, lots: Iterable[Lot], today: date) -> list[LotAllocation]:
    """Take `quantity` units of `sku` from its sellable lots.

    When stock on record runs short the rest still comes from the last lot used (or the best sellable lot
    if none shows stock): the sale happened, and the oversell is reported elsewhere.
    """
    if quantity < 1:
        raise ValueError("Allocate at least one unit.")
    sellable = (lot for lot in lots if lot.sku == sku and lot.is_sellable_on(today))
    usable = sorted(sellable, key=_fefo_then_fifo)
    if not usable:
        raise NoSellableLot(sku)

    taken: dict[str, int] = {}
    wanted = quantity
    for lot in usable:
        if wanted == 0:
            break
        if lot.quantity_remaining <= 0:
            continue
        take = min(wanted, lot.quantity_remaining)
        taken[lot.batch_lot] = taken.get(lot.batch_lot, 0) + take
        wanted -= take
    if wanted:
        last = next(reversed(taken)) if taken else usable[0].batch_lot
        taken[last] = taken.get(last, 0) + wanted
    return [LotAllocation(batch_lot, units) for batch_lot, units in taken.items()]
