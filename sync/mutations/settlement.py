"""`card.settled.v1`: the card terminal's batch closed at the end of the day, checked against the POS's payments.

The terminal sends its own check (it alone knows which approvals it recorded), and the hub keeps it for the
console: a batch that does not match names each transaction involved.
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from sync.mutations.base import MutationArgs, WireModel, WireTime


class BatchMismatchLine(WireModel):
    kind: Literal["only_on_terminal", "only_at_pos", "amounts_differ"]
    transaction_kind: Literal["sale", "refund"]
    reference: str = Field(max_length=40, description="The POS's payment reference (or the terminal's own, for a "
                                                      "sale keyed on the terminal alone).")
    pos_cents: int | None = None
    terminal_cents: int | None = None


class CardSettledV1(MutationArgs):
    settlement_id: uuid.UUID
    store_id: uuid.UUID | None = None
    terminal_no: int
    reference: str = Field(max_length=40)
    batch_number: int = Field(ge=0)
    settled_by: uuid.UUID | None = None
    settled_at: WireTime
    terminal_sales_cents: int
    terminal_refunds_cents: int
    terminal_count: int = Field(ge=0)
    pos_sales_cents: int
    pos_refunds_cents: int
    pos_count: int = Field(ge=0)
    mismatches: list[BatchMismatchLine] = Field(default=[], max_length=5000)
