"""The Recalls tab's service: the store's recalled lots with what is on hand and where, and the quarantine.

Quarantine takes the lot's units out of stock with an adjustment for the reason "recall quarantine"
(`inventory.adjusted.v1`): the outbox row, the local ledger row (so the replica shows it at once) and the audit
entry in one transaction. The adjustments service of the Adjustments tab does the same for every reason; this
small function stands in for it here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.lots import describe_recall
from pos_app.persistence import shelves
from pos_app.persistence.audit import append_audit
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.stock import sellable_lots
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services import mutations
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
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext) -> None:
        self._session_factory = session_factory
        self._context = context

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
            raise QuarantineRefused(f"Lot {batch_lot} of {sku} is not recalled at this store, so it is not "
                                    "quarantined here. Use the Adjustments tab for other stock.")
        if lot.on_hand <= 0:
            raise QuarantineRefused(f"Lot {batch_lot} of {lot.name} has nothing on hand to quarantine: it is out "
                                    "of stock already.")
        record_quarantine(self._session_factory, self._context, sku=sku, batch_lot=batch_lot, units=lot.on_hand,
                          staff=staff, note=note or lot.recall)
        return lot.on_hand


def record_quarantine(session_factory: sessionmaker[Session], context: TerminalContext, *, sku: str,
                      batch_lot: str, units: int, staff: StaffMember, note: str | None) -> uuid.UUID:
    """One adjustment (reason recall quarantine, −units): outbox row, local ledger row and audit, all or none."""
    adjustment_id, reason = uuid.uuid4(), AdjustmentReason.RECALL_QUARANTINE
    uow = UnitOfWork(session_factory)
    with uow as session:
        mutation_id = enqueue_mutation(session, mutations.inventory_adjusted(
            adjustment_id=adjustment_id, store_id=context.store_id, sku=sku, batch_lot=batch_lot, reason=reason,
            staff_id=staff.id, quantity_delta=-units))
        shelves.add_adjustment_row(session, store_id=context.store_id, sku=sku, batch_lot=batch_lot, delta=-units,
                                   reason=reason.value, adjustment_id=adjustment_id, staff_id=staff.id,
                                   mutation_id=mutation_id)
        append_audit(session, "inventory.adjusted", staff_id=staff.id, store_id=context.store_id,
                     entity_type="batch", entity_id=f"{sku}/{batch_lot}",
                     details={"reason": reason.value, "quantity_delta": -units, "note": note})
        uow.commit()
    return adjustment_id
