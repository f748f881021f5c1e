"""Which batch lots a sale takes its units from: first expiring first out, then first received."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from pos_app.domain.errors import LotNotSellable, NoSellableLot
from pos_app.i18n.catalog import Message


@dataclass(frozen=True, slots=True)
class Lot:
    batch_lot: str
    sku: str
    quantity_remaining: int
    received_date: date
    expiry_date: date | None
    recalled: bool = False
    recall: str | None = None  # which recall, as the hub named it ("recall RA-2026-0042: mould found")

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


def describe_recall(note: object) -> str | None:
    """The recall a lot's record names (the hub's ``{"reference", "reason"}``, or a line of text), as the register
    says it; None when the record names none."""
    if isinstance(note, str):
        return note.strip() or None
    if not isinstance(note, dict):
        return None
    reference, reason = (str(note.get(key) or "").strip() for key in ("reference", "reason"))
    if reference and reason:
        return Message("lot.recall_with_reason", reference=reference, reason=reason)
    if reference or reason:
        return Message("lot.recall", reference=reference or reason)
    return None


def _fefo_then_fifo(lot: Lot) -> tuple[bool, date, date, str]:
    # Lots that never expire go after every dated lot.
    return (lot.expiry_date is None, lot.expiry_date or date.max, lot.received_date, lot.batch_lot)


def check_scanned_lot(name: str, sku: str, batch_lot: str, lots: Iterable[Lot], today: date, *,
                      label_expiry: date | None = None) -> Lot:
    """The lot a scanned label names, if it may be sold today; LotNotSellable with a sentence if not.

    The label's own expiry counts too: a lot on record without an expiry date is still out of date when its
    label says so.
    """
    lot = next((lot for lot in lots if lot.sku == sku and lot.batch_lot == batch_lot), None)
    if lot is None:
        raise LotNotSellable("lot_not_sellable.unknown", sku=sku, batch_lot=batch_lot, name=name)
    if lot.recalled:
        if lot.recall:
            raise LotNotSellable("lot_not_sellable.recalled_because", sku=sku, batch_lot=batch_lot, name=name,
                                 recall=lot.recall)
        raise LotNotSellable("lot_not_sellable.recalled", sku=sku, batch_lot=batch_lot, name=name)
    expiry = min((d for d in (lot.expiry_date, label_expiry) if d is not None), default=None)
    if expiry is not None and expiry < today:
        raise LotNotSellable("lot_not_sellable.expired", sku=sku, batch_lot=batch_lot, name=name, expiry=expiry)
    return lot


def allocate_lots(sku: str, quantity: int, lots: Iterable[Lot], today: date, *,
                  pinned: str | None = None) -> list[LotAllocation]:
    """Take `quantity` units of `sku` from its sellable lots, or only from the `pinned` lot a label named.

    When stock on record runs short the rest still comes from the last lot used (or the best sellable lot
    if none shows stock): the sale happened, and the oversell is reported elsewhere.
    """
    if quantity < 1:
        raise ValueError("Allocate at least one unit.")
    sellable = (lot for lot in lots
                if lot.sku == sku and lot.is_sellable_on(today) and pinned in (None, lot.batch_lot))
    usable = sorted(sellable, key=_fefo_then_fifo)
    if not usable and pinned is not None:
        raise LotNotSellable("lot_not_sellable.since_scanned", sku=sku, batch_lot=pinned)
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
