"""Put-away and low stock: `shelf.assigned.v1` (stock placed on, or moved between, shelf locations) and
`po.draft_requested.v1` (a manager asks the hub for a draft purchase order of what runs low)."""

from __future__ import annotations

import uuid

from pydantic import Field

from sync.mutations.base import MutationArgs, WireModel


class ShelfPlacement(WireModel):
    """Units of a SKU (and lot) put on a location: the assignment row the terminal made or added to, and when
    they were moved, the row they left."""

    assignment_id: uuid.UUID
    location_id: uuid.UUID
    sku: str = Field(min_length=1, max_length=40)
    batch_lot: str | None = Field(default=None, max_length=40)
    quantity: int = Field(ge=1, le=100_000)
    is_primary: bool = False
    from_assignment_id: uuid.UUID | None = None


class ShelfAssignedV1(MutationArgs):
    """One put-away batch: applied whole or not at all."""

    putaway_id: uuid.UUID
    store_id: uuid.UUID
    staff_id: uuid.UUID | None = None
    placements: list[ShelfPlacement] = Field(min_length=1, max_length=5000)


class DraftLine(WireModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(ge=1, le=100_000)


class PoDraftRequestedV1(MutationArgs):
    """The low-stock list a manager chose, to become a draft purchase order on the hub."""

    request_id: uuid.UUID
    store_id: uuid.UUID
    staff_id: uuid.UUID | None = None
    lines: list[DraftLine] = Field(min_length=1, max_length=1000)
