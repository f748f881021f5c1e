"""The hub's mutation handlers, by versioned name. An unknown name is rejected with `unknown_mutation`."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from sync.hub.handlers.base import Context, Rejection
from sync.hub.handlers.orders import order_completed, order_refunded, order_voided
from sync.hub.handlers.records import age_verification_logged, audit_logged, shift_closed
from sync.hub.handlers.stock import inventory_adjusted

Handler = Callable[[Session, Context, dict], None]

HANDLERS: dict[str, Handler] = {
    "order.completed.v1": order_completed,
    "order.refunded.v1": order_refunded,
    "order.voided.v1": order_voided,
    "inventory.adjusted.v1": inventory_adjusted,
    "shift.closed.v1": shift_closed,
    "age_verification.logged.v1": age_verification_logged,
    "audit.logged.v1": audit_logged,
}


def handle(session: Session, ctx: Context, name: str, args: dict) -> None:
    handler = HANDLERS.get(name)
    if handler is None:
        raise Rejection("unknown_mutation", f"The hub does not know the mutation {name!r}.")
    handler(session, ctx, args)


__all__ = ["HANDLERS", "Context", "Rejection", "handle"]
