"""The hub's mutation handlers, one per model of the registry (`sync.mutations.MUTATIONS`).

A name the hub has no handler for is not an error: the push keeps it as `deferred`, and `sync.hub.deferred`
applies it once a hub that knows it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from sync.hub.handlers.base import Context, Rejection, parse_args
from sync.hub.handlers.counts import inventory_counted
from sync.hub.handlers.kiosk import stock_released, stock_reserved, ticket_claimed, ticket_closed, ticket_created
from sync.hub.handlers.orders import order_completed, order_refunded, order_voided
from sync.hub.handlers.receiving import po_received
from sync.hub.handlers.records import age_verification_logged, audit_logged, card_settled, shift_closed
from sync.hub.handlers.shelves import po_draft_requested, shelf_assigned
from sync.hub.handlers.staff import pin_changed, staff_locked, staff_unlocked
from sync.hub.handlers.stock import inventory_adjusted
from sync.mutations import (
    MUTATIONS,
    AgeVerificationLoggedV1,
    AuditLoggedV1,
    CardSettledV1,
    InventoryAdjustedV1,
    InventoryCountedV1,
    KioskTicketClaimedV1,
    KioskTicketClosedV1,
    KioskTicketCreatedV1,
    MutationArgs,
    OrderCompletedV1,
    OrderRefundedV1,
    OrderVoidedV1,
    PoDraftRequestedV1,
    PoReceivedV1,
    ShelfAssignedV1,
    ShiftClosedV1,
    StaffLockedV1,
    StaffPinChangedV1,
    StaffUnlockedV1,
    StockReleasedV1,
    StockReservedV1,
)

Handler = Callable[[Session, Context, Any], None]

HANDLERS: dict[type[MutationArgs], Handler] = {
    OrderCompletedV1: order_completed,
    OrderRefundedV1: order_refunded,
    OrderVoidedV1: order_voided,
    InventoryAdjustedV1: inventory_adjusted,
    InventoryCountedV1: inventory_counted,
    ShiftClosedV1: shift_closed,
    AgeVerificationLoggedV1: age_verification_logged,
    AuditLoggedV1: audit_logged,
    KioskTicketCreatedV1: ticket_created,
    KioskTicketClaimedV1: ticket_claimed,
    KioskTicketClosedV1: ticket_closed,
    StockReservedV1: stock_reserved,
    StockReleasedV1: stock_released,
    PoReceivedV1: po_received,
    ShelfAssignedV1: shelf_assigned,
    PoDraftRequestedV1: po_draft_requested,
    StaffLockedV1: staff_locked,
    StaffUnlockedV1: staff_unlocked,
    StaffPinChangedV1: pin_changed,
    CardSettledV1: card_settled,
}


def _handler(name: str) -> tuple[type[MutationArgs], Handler] | None:
    model = MUTATIONS.get(name)
    handler = None if model is None else HANDLERS.get(model)
    return None if handler is None else (model, handler)


def knows(name: str) -> bool:
    """Whether this hub can apply the mutation now (a registered name with a handler)."""
    return _handler(name) is not None


def handle(session: Session, ctx: Context, name: str, args: dict) -> None:
    """Validate the args with the name's model and apply them; the caller checks `knows(name)` first."""
    found = _handler(name)
    if found is None:
        raise LookupError(f"The hub has no handler for {name!r}; it should have been deferred.")
    model, handler = found
    handler(session, ctx, parse_args(model, args))


__all__ = ["HANDLERS", "Context", "Handler", "Rejection", "handle", "knows"]
