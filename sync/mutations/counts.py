"""`inventory.counted.v1`: an approved stock count, sent as an assertion the hub turns into adjustments."""

from __future__ import annotations

import uuid

from pydantic import Field

from sync.mutations.base import MutationArgs, WireModel, WireTime

MAX_COUNTED = 100_000  # one SKU and lot: more than this is a typing slip, not stock


class CountedLine(WireModel):
    """What was counted of one SKU (and lot), with what the terminal expected when the count started."""

    sku: str = Field(min_length=1, max_length=40)
    batch_lot: str | None = Field(default=None, max_length=40)
    counted: int = Field(ge=0, le=MAX_COUNTED)
    expected_at_start: int
    moves_since_start: int = Field(description="Sales, refunds and other moves the terminal saw during the count.")


class InventoryCountedV1(MutationArgs):
    """One approved count. The hub measures each line against its own ledger as of `started_at` plus the moves
    recorded since, so a sale made while the shelf was being counted is not taken for shrinkage; when two counts
    of the same SKU overlap, the one approved last wins and the other is listed as a conflict."""

    count_id: uuid.UUID
    store_id: uuid.UUID
    scope: str = Field(pattern=r"^(store|location|category|skus)$")
    scope_label: str = Field(max_length=200)
    started_at: WireTime
    approved_at: WireTime
    ledger_position: int = Field(ge=0, description="The terminal's last mutation id when the count started.")
    counted_by: uuid.UUID | None = None
    approved_by: uuid.UUID
    lines: list[CountedLine] = Field(min_length=1, max_length=200_000)
