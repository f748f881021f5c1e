"""The wire protocol between terminals and the hub, version 1 (DESIGN §4).

Both sides import these models, so a field renamed here is renamed everywhere. `canonical_json` and
`mutation_hash` produce exactly the text and hash of ``pos_app.domain.outbox`` (copied, because ``sync``
never imports ``pos_app``).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

PROTOCOL_VERSION = 1
MAX_BATCH = 100
MAX_PULL_LIMIT = 1000
MAX_WAIT_SECONDS = 30


def _json_default(value: object) -> Any:
    # A Money object (pos_app) exposes integer `cents`; anything else with `cents` is treated the same way.
    cents = getattr(value, "cents", None)
    if isinstance(cents, int) and not isinstance(value, int):
        return cents
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no canonical JSON form.")


def canonical_json(obj: object) -> str:
    """One text per value, so equal args always hash the same on the terminal and the hub."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default, allow_nan=False
    )


def mutation_hash(args: object) -> str:
    return hashlib.sha256(canonical_json(args).encode("utf-8")).hexdigest()


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


class Mutation(_Strict):
    id: int = Field(ge=1, description="Per-client mutation id, gap-free, starting at 1.")
    name: str = Field(min_length=1, max_length=60, description="Versioned name, e.g. order.completed.v1.")
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


MutationStatus = Literal["applied", "already_applied", "rejected"]


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


class ErrorBody(BaseModel):
    detail: str


class ProblemBody(BaseModel):
    """A 422: a sentence, or FastAPI's list of field errors with `message` saying the same in one sentence."""

    detail: str | list[dict[str, Any]]
    message: str | None = None
    code: str | None = Field(default=None, description="Machine-readable reason, e.g. restored_database.")


RESTORED_DATABASE = "restored_database"
"""422 code of a push whose ids the hub already holds with other content: take a new client id."""


ENTITIES = (
    "store", "tax_rate", "staff_user", "role_permission", "product", "accessory", "inventory_level", "batch",
    "shelf_location", "purchase_order", "discount_code", "province", "tenant", "accessory_category", "supplier",
)

MUTATION_NAMES = (
    "order.completed.v1", "order.refunded.v1", "order.voided.v1", "inventory.adjusted.v1", "shift.closed.v1",
    "age_verification.logged.v1", "audit.logged.v1",
)
