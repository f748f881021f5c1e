"""The wire protocol between terminals and the hub, version 1 (DESIGN §4).

Both sides import these models, so a field renamed here is renamed everywhere. The args of each mutation are
a model of `MUTATIONS` (`sync.mutations`); their hash is `sync.canonical.mutation_hash`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sync.canonical import mutation_hash
from sync.mutations import MUTATIONS
from sync.mutations.reasons import OCS_GROUP, AdjustmentReason, DiscrepancyReason  # noqa: F401 - one enum for both ends

PROTOCOL_VERSION = 1
MAX_BATCH = 100
MAX_PULL_LIMIT = 1000
MAX_WAIT_SECONDS = 30


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PairRequest(_Strict):
    pairing_code: str = Field(min_length=4, max_length=64)
    terminal_name: str = Field(min_length=1, max_length=120)
    client_id: uuid.UUID


class PairResponse(_Strict):
    terminal_id: uuid.UUID
    tenant_id: uuid.UUID
    store_id: uuid.UUID
    token: str
    # The tenant's PIN pepper: staff PIN hashes made on the hub use it, so the terminal keeps it (in its
    # keyring, never in its database) to check PINs offline. A secret, like the token.
    pin_pepper: str | None = None
    # The store's kiosk ticket key: signs the QR code a kiosk ticket carries, so a register checks it offline.
    # A secret too: kept in the terminal's keyring, never logged.
    ticket_key: str | None = None


class Mutation(_Strict):
    id: int = Field(ge=1, description="Per-client mutation id, gap-free, starting at 1.")
    name: str = Field(min_length=1, max_length=60, description=(
        "A versioned name of `sync.mutations.MUTATIONS`, or one only a newer hub knows (kept as deferred)."))
    args: dict[str, Any]
    hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the canonical JSON of args.")

    def hash_matches(self) -> bool:
        return mutation_hash(self.args) == self.hash


class PushRequest(_Strict):
    client_id: uuid.UUID
    schema_version: int = Field(ge=1)
    mutations: list[Mutation] = Field(max_length=MAX_BATCH)

    @model_validator(mode="after")
    def _ids_follow_each_other(self) -> PushRequest:
        ids = [m.id for m in self.mutations]
        if any(b != a + 1 for a, b in zip(ids, ids[1:], strict=False)):
            raise ValueError("mutation ids in one batch must be consecutive and ascending")
        return self


MutationStatus = Literal["applied", "already_applied", "rejected", "deferred"]
"""`deferred`: the hub does not know the name yet; it keeps the mutation and applies it once it does, so for
the terminal it is done."""


class MutationResult(_Strict):
    id: int
    status: MutationStatus
    code: str | None = None
    message: str | None = None


class PushResponse(_Strict):
    last_mutation_id: int
    results: list[MutationResult]


class GapError(_Strict):
    """Body of a 409: the batch skipped ids; resend from `expected_id`."""

    detail: str
    expected_id: int


class PullRequest(_Strict):
    client_id: uuid.UUID
    cursor: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=500, ge=1, le=MAX_PULL_LIMIT)
    # Long-poll: when nothing is new, hold the request up to this long for the store's version to move.
    wait_seconds: float = Field(default=0, ge=0, le=MAX_WAIT_SECONDS)


class Change(_Strict):
    entity: str
    id: str
    op: Literal["put", "delete"]
    version: int
    data: dict[str, Any] | None = None


class PullResponse(_Strict):
    cursor: str | None
    last_mutation_id: int
    changes: list[Change]
    has_more: bool
    reset: bool
    remaining: int = Field(default=0, description="Changes left after this page, for a progress bar.")


class StoreSummaryRequest(_Strict):
    client_id: uuid.UUID
    day: date = Field(description="The store's local date.")


class SummaryLine(_Strict):
    name: str
    units: int
    net_cents: int


class StoreDaySummary(_Strict):
    """One day of a store's sales as the hub has them, for the back office's Reports tab (kept on the terminal, so
    the tab still shows it offline). Net is after discounts and before tax; refunds are what was paid back."""

    store_id: uuid.UUID
    day: date
    as_of: datetime = Field(description="When the hub worked it out: sales pushed after this are not in it.")
    sales_count: int
    gross_cents: int
    discounts_cents: int
    net_cents: int
    tax_cents: dict[str, int]
    tenders_cents: dict[str, int]
    refunds_count: int
    refunds_cents: int
    voids_count: int
    voids_cents: int
    units_sold: int
    net_by_hour_cents: dict[int, int] = Field(description="Local hour (0-23) -> net sales.")
    top_products: list[SummaryLine] = Field(max_length=10)
    by_category: list[SummaryLine]

    @property
    def average_basket_cents(self) -> int:
        return round(self.net_cents / self.sales_count) if self.sales_count else 0


class ErrorBody(BaseModel):
    detail: str


class ProblemBody(BaseModel):
    """A 422: a sentence, or FastAPI's list of field errors with `message` saying the same in one sentence."""

    detail: str | list[dict[str, Any]]
    message: str | None = None
    code: str | None = Field(default=None, description="Machine-readable reason, e.g. restored_database.")


RESTORED_DATABASE = "restored_database"
"""422 code of a push whose ids the hub already holds with other content: take a new client id."""


__all__ = [
    "MAX_BATCH", "MAX_PULL_LIMIT", "MAX_WAIT_SECONDS", "MUTATIONS", "OCS_GROUP", "PROTOCOL_VERSION",
    "RESTORED_DATABASE", "Change",
    "ErrorBody", "GapError", "Mutation", "MutationResult", "MutationStatus", "PairRequest", "PairResponse",
    "ProblemBody", "PullRequest", "PullResponse", "PushRequest", "PushResponse",
]
