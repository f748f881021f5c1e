"""`po.received.v1`: one delivery received against a purchase order, whole: its lines, their lots (with expiry and
packed date) and the discrepancies the manager settled."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from sync.mutations.base import MutationArgs, WireModel, WireTime
from sync.mutations.reasons import DiscrepancyReason


class ReceivedLot(WireModel):
    """Units of one line that came in one lot. `lot_id` names the lot row the terminal wrote, so the hub's copy
    replaces it instead of standing beside it."""

    lot_id: uuid.UUID
    batch_lot: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0, le=100_000)
    expiry_date: date | None = None
    packaging_date: date | None = None
    on_asn: bool = True  # False: the lot was not the one the shipping notice named; accepted and flagged


class ReceivedLine(WireModel):
    """A line of the delivery. `po_item_id` is None for an item that was not on the order (received after the
    manager confirmed it); `quantity` is every unit of the line, in lots or not."""

    line_id: uuid.UUID
    po_item_id: uuid.UUID | None = None
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(ge=0, le=100_000)
    lots: list[ReceivedLot] = []
    reason: DiscrepancyReason | None = None


class RejectedLine(WireModel):
    """An item that came but was not on the order, and was refused at the door: recorded, never stocked."""

    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0, le=100_000)
    reason: DiscrepancyReason = DiscrepancyReason.NOT_ORDERED


class PoReceivedV1(MutationArgs):
    receiving_id: uuid.UUID
    purchase_order_id: uuid.UUID
    store_id: uuid.UUID
    staff_id: uuid.UUID | None = None
    received_at: WireTime
    lines: list[ReceivedLine]
    rejected: list[RejectedLine] = []
