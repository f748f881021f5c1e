"""The Recalls tab's service: the store's recalled lots with what is on hand and where, and the quarantine.

Quarantine takes the lot's units out of stock with an adjustment for the reason "recall quarantine", through the
Adjustments tab's service (`inventory.adjusted.v1`, the local ledger row and the audit entry in one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.lots import describe_recall
from pos_app.persistence import shelves
from pos_app.persistence.stock import sellable_lots
from pos_app.services.adjustments import MAX_NOTE, AdjustmentService
from pos_app.services.errors import ServiceError
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext
from sync.mutations.reasons import AdjustmentReason


class QuarantineRefused(ServiceError):
    code = "quarantine_refused"


@dataclass(frozen=True)
class RecalledLot:
    sku: str
    name: str
    batch_lot: str
    on_hand: int
    recall: str | None  # "recall RA-2026-0042: mould found"
    places: tuple[tuple[str, int | None], ...]  # (location code, units there; None when not recorded)


class RecallsService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext,
                 adjustments: AdjustmentService) -> None:
        self._session_factory = session_factory
        self._context = context
        self._adjustments = adjustments

    def recalled_lots(self) -> list[RecalledLot]:
        store_id = self._context.store_id
        with self._session_factory() as session:
            rows = shelves.recalled_lots(session, store_id)
            remaining = sellable_lots(session, store_id, {lot.sku for lot, _name in rows})
            found = []
            for lot, name in rows:
                on_hand = next((other.quantity_remaining for other in remaining.get(lot.sku, ())
                                if other.batch_lot == lot.batch_lot), 0)
                places = shelves.places_of(session, store_id, lot.sku, lot.batch_lot, lot.location_id)
                found.append(RecalledLot(lot.sku, name, lot.batch_lot, on_hand,
                                         describe_recall((lot.metadata_ or {}).get("recall")), tuple(places)))
        return found

    def quarantine(self, sku: str, batch_lot: str, staff: StaffMember, *, note: str | None = None) -> int:
        """Take every unit of the recalled lot still on hand out of stock; returns the units taken."""
        lot = next((lot for lot in self.recalled_lots() if lot.sku == sku and lot.batch_lot == batch_lot), None)
        if lot is None:
            raise QuarantineRefused("quarantine_refused.not_recalled", batch_lot=batch_lot, sku=sku)
        if lot.on_hand <= 0:
            raise QuarantineRefused("quarantine_refused.none_on_hand", batch_lot=batch_lot, name=lot.name)
        self._adjustments.adjust(sku, batch_lot, -lot.on_hand, AdjustmentReason.RECALL_QUARANTINE,
                                 (note or lot.recall or "")[:MAX_NOTE], staff)
        return lot.on_hand
