"""Stock: the delta rows sales, refunds and voids carry, and `inventory.adjusted.v1`."""

from __future__ import annotations

import uuid

from pydantic import Field

from sync.mutations.base import MutationArgs, WireModel
from sync.mutations.reasons import AdjustmentReason


class InventoryDelta(WireModel):
    """One stock movement of a SKU (and lot), tied to the line that caused it."""

    sku: str
    batch_lot: str | None = None
    quantity_delta: int
    line_id: uuid.UUID | None = None
    reason: str | None = None


class InventoryAdjustedV1(MutationArgs):
    """A stock correction: a delta with a reason, or a count the hub turns into the delta."""

    adjustment_id: uuid.UUID
    store_id: uuid.UUID | None = None
    sku: str
    batch_lot: str | None = None
    quantity_delta: int | None = None
    counted_quantity: int | None = Field(default=None, description="A count is an assertion; the hub makes the "
                                                                   "delta from its own ledger.")
    reason: AdjustmentReason
    staff_id: uuid.UUID | None = None
