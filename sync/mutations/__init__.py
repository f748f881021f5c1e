"""Every mutation the terminal sends and the hub applies: one pydantic model per name and version.

`MUTATIONS` is the one place a mutation's name is spelled. The terminal builds a model and enqueues it (the name
comes from here); the hub validates the args with the same class before its handler sees them. A changed
payload is a new version with a new model: the hub keeps applying the old one for rows already queued.
"""

from __future__ import annotations

from sync.mutations.base import MutationArgs, WireModel
from sync.mutations.counts import CountedLine, InventoryCountedV1
from sync.mutations.kiosk import (
    KioskTicketClaimedV1,
    KioskTicketClosedV1,
    KioskTicketCreatedV1,
    Reservation,
    StockReleasedV1,
    StockReservedV1,
    TicketLine,
)
from sync.mutations.orders import (
    Allocation,
    CardTender,
    CashTender,
    OrderCompletedV1,
    OrderRefundedV1,
    OrderVoidedV1,
    PromotionShare,
    RefundLine,
    SaleLine,
)
from sync.mutations.receiving import PoReceivedV1, ReceivedLine, ReceivedLot, RejectedLine
from sync.mutations.records import AgeVerificationLoggedV1, AuditLoggedV1, ShiftClosedV1, ShiftTotals
from sync.mutations.settlement import BatchMismatchLine, CardSettledV1
from sync.mutations.shelves import DraftLine, PoDraftRequestedV1, ShelfAssignedV1, ShelfPlacement
from sync.mutations.staff import StaffLockedV1, StaffPinChangedV1, StaffUnlockedV1
from sync.mutations.stock import InventoryAdjustedV1, InventoryDelta

MUTATIONS: dict[str, type[MutationArgs]] = {
    "order.completed.v1": OrderCompletedV1,
    "order.refunded.v1": OrderRefundedV1,
    "order.voided.v1": OrderVoidedV1,
    "inventory.adjusted.v1": InventoryAdjustedV1,
    "inventory.counted.v1": InventoryCountedV1,
    "shift.closed.v1": ShiftClosedV1,
    "age_verification.logged.v1": AgeVerificationLoggedV1,
    "audit.logged.v1": AuditLoggedV1,
    "kiosk_ticket.created.v1": KioskTicketCreatedV1,
    "kiosk_ticket.claimed.v1": KioskTicketClaimedV1,
    "kiosk_ticket.closed.v1": KioskTicketClosedV1,
    "stock.reserved.v1": StockReservedV1,
    "stock.released.v1": StockReleasedV1,
    "po.received.v1": PoReceivedV1,
    "shelf.assigned.v1": ShelfAssignedV1,
    "po.draft_requested.v1": PoDraftRequestedV1,
    "staff.locked.v1": StaffLockedV1,
    "staff.unlocked.v1": StaffUnlockedV1,
    "staff.pin_changed.v1": StaffPinChangedV1,
    "card.settled.v1": CardSettledV1,
}


def name_of(args: MutationArgs | type[MutationArgs]) -> str:
    """The registered name of a mutation model (or of its instance)."""
    model = args if isinstance(args, type) else type(args)
    for name, registered in MUTATIONS.items():
        if registered is model:
            return name
    raise LookupError(f"{model.__name__} is not a registered mutation; add it to sync.mutations.MUTATIONS.")


__all__ = [
    "MUTATIONS", "AgeVerificationLoggedV1", "Allocation", "AuditLoggedV1", "BatchMismatchLine", "CardSettledV1",
    "CardTender", "CashTender",
    "CountedLine", "DraftLine", "InventoryAdjustedV1", "InventoryCountedV1", "InventoryDelta", "KioskTicketClaimedV1",
    "KioskTicketClosedV1", "KioskTicketCreatedV1", "MutationArgs", "OrderCompletedV1", "OrderRefundedV1",
    "OrderVoidedV1", "PoDraftRequestedV1", "PoReceivedV1", "PromotionShare", "ReceivedLine", "ReceivedLot",
    "RefundLine", "RejectedLine", "Reservation", "SaleLine", "ShelfAssignedV1", "ShelfPlacement", "ShiftClosedV1",
    "ShiftTotals", "StaffLockedV1", "StaffPinChangedV1", "StaffUnlockedV1", "StockReleasedV1", "StockReservedV1",
    "TicketLine", "WireModel", "name_of",
]
