"""Kiosk tickets and the stock they hold: `kiosk_ticket.created/claimed/closed.v1`, `stock.reserved/released.v1`.

A ticket is a cart a kiosk sends to the counter. It is open until a register claims it (the first claim wins on
the hub; a later one is kept and flagged, never dropped), then closed: completed with the order that sold it, or
abandoned. Its stock is soft-reserved until `reserved_until`, and released when the ticket closes.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import Field, model_serializer

from sync.mutations.base import MutationArgs, WireModel, WireTime


class TicketLine(WireModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)


class KioskTicketCreatedV1(MutationArgs):
    ticket_id: uuid.UUID
    store_id: uuid.UUID
    number: str = Field(min_length=1, max_length=12, description="Short, per store: K-0427.")
    lines: list[TicketLine] = Field(min_length=1)
    created_at: WireTime = Field(description="The kiosk's clock: for people and the QR code's age, not for order.")
    codes: list[Annotated[str, Field(min_length=1, max_length=32)]] = Field(
        default=[], max_length=10,
        description="Discount codes the customer entered at the kiosk; the register applies them again. Left out "
                    "when none, so a ticket without codes is sent as before they existed.")

    @model_serializer(mode="wrap")
    def _leave_out_no_codes(self, handler):
        data = handler(self)
        if not self.codes:
            data.pop("codes", None)  # the same hash as before the field existed
        return data


class KioskTicketClaimedV1(MutationArgs):
    """A register took the ticket to ring it up. It carries the ticket itself, so a claim made from a QR code
    while the kiosk's own ticket has not reached the hub yet still tells the hub what was claimed."""

    ticket_id: uuid.UUID
    store_id: uuid.UUID
    number: str = Field(min_length=1, max_length=12)
    lines: list[TicketLine] = Field(min_length=1)
    created_at: WireTime
    claimed_at: WireTime
    staff_id: uuid.UUID | None = None


class KioskTicketClosedV1(MutationArgs):
    ticket_id: uuid.UUID
    store_id: uuid.UUID
    outcome: Literal["completed", "abandoned"]
    order_id: uuid.UUID | None = Field(default=None, description="The sale that completed it.")
    closed_at: WireTime
    staff_id: uuid.UUID | None = None


class Reservation(WireModel):
    reservation_id: uuid.UUID
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)


class StockReservedV1(MutationArgs):
    store_id: uuid.UUID
    ticket_id: uuid.UUID | None = Field(default=None, description="What holds the stock: a kiosk ticket.")
    reservations: list[Reservation] = Field(min_length=1)
    reserved_at: WireTime
    reserved_until: WireTime


class StockReleasedV1(MutationArgs):
    store_id: uuid.UUID
    reservation_ids: list[uuid.UUID] = Field(min_length=1)
    reason: Literal["completed", "abandoned", "expired"]
    released_at: WireTime
