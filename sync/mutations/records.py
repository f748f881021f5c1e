"""Records kept as the terminal made them: `shift.closed.v1`, `age_verification.logged.v1`, `audit.logged.v1`."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from pydantic import Field

from sync.mutations.base import MutationArgs, WireModel, WireTime


class ShiftTotals(WireModel):
    """The Z report's figures as the terminal counted them. The hub keeps them with the mutation and works out
    its own figures from the orders, so a disagreement between the two shows."""

    sales_count: int
    gross_sales_cents: int
    discounts_cents: int
    net_sales_cents: int
    taxes_cents: dict[str, int]
    tenders_cents: dict[str, int]
    cash_rounding_cents: int
    refunds_cents: dict[str, int]
    refunds_count: int
    voids_count: int
    voids_total_cents: int
    drops_cents: int
    paid_outs_cents: int


class ShiftClosedV1(MutationArgs):
    cash_session_id: uuid.UUID
    store_id: uuid.UUID | None = None
    terminal_no: int | None = None
    opened_by: uuid.UUID | None = None
    opened_at: WireTime | None = None
    opening_float_cents: int = 0
    opening_counts: dict[str, int] = Field(default={}, description="Denomination -> count.")
    closed_by: uuid.UUID
    closed_at: WireTime
    expected_cash_cents: int | None = None
    counted_cash_cents: int | None = None
    variance_cents: int | None = None
    closing_counts: dict[str, int] = {}
    variance_approved_by: uuid.UUID | None = None
    local_ts: str | None = Field(default=None, description="The terminal's clock (ISO 8601), for reports only.")
    totals: ShiftTotals | None = None


class AgeVerificationLoggedV1(MutationArgs):
    id: uuid.UUID
    store_id: uuid.UUID | None = None
    sale_id: uuid.UUID | None = None
    staff_id: uuid.UUID | None = None
    method: str
    result: str
    customer_age: int | None = None
    min_age: int
    jurisdiction: str | None = None
    id_number_hash: str | None = Field(default=None, description="A salted hash; the ID number never leaves the "
                                                                 "terminal.")
    failure_reason: str | None = None
    created_at: WireTime | None = None


class AuditLoggedV1(MutationArgs):
    """One entry of the terminal's hash-chained audit trail."""

    id: uuid.UUID
    seq: int
    store_id: uuid.UUID | None = None
    staff_id: uuid.UUID | None = None
    approved_by: uuid.UUID | None = None
    action: str
    entity_type: str | None = None
    entity_id: str | None = None
    details: dict[str, Any] = {}
    created_at: str = Field(description="ISO 8601, exactly the text the entry hash covers.")
    prev_hash: str
    entry_hash: str

    CHAINED: ClassVar[tuple[str, ...]] = ("id", "seq", "action", "staff_id", "approved_by", "entity_type",
                                          "entity_id", "details", "created_at")
    """The fields `entry_hash` covers (with `prev_hash`), in the form they travel."""

    def chained_fields(self) -> dict[str, Any]:
        return self.model_dump(mode="json", include=set(self.CHAINED))
