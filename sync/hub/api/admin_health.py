"""Admin API for a store's sync health: what the console's health page shows, and acknowledging a rejected
mutation, through the same service (`sync.hub.sync_health`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from sync.hub import sync_health
from sync.hub.api.admin_common import RESPONSES
from sync.hub.api.admin_tenancy import answered, scope_of
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


class RejectedOut(BaseModel):
    client_id: uuid.UUID
    mutation_id: int
    terminal_id: uuid.UUID
    terminal_name: str
    name: str
    code: str | None
    message: str | None = Field(description="The hub's reason, a sentence.")
    received_at: datetime
    acknowledged_at: datetime | None


class FactOut(BaseModel):
    kind: str = Field(description="oversell, kiosk_conflict or code_over_limit")
    at: datetime
    subject: str
    detail: dict[str, Any]


class SilentOut(BaseModel):
    terminal_id: uuid.UUID
    name: str
    last_sync: datetime | None


class HealthOut(BaseModel):
    store_id: uuid.UUID
    rejected: list[RejectedOut]
    rejected_total: int
    unacknowledged: int
    oversells: list[FactOut]
    oversell_total: int
    kiosk_conflicts: list[FactOut]
    kiosk_conflict_total: int
    codes_over_limit: list[FactOut]
    codes_over_limit_total: int
    silent_terminals: list[SilentOut]
    silent_minutes: int


class AcknowledgeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    client_id: uuid.UUID
    mutation_id: int


@router.get("/stores/{store_id}/sync-health", response_model=HealthOut)
def store_health(store_id: uuid.UUID, acknowledged: bool = Query(False, description="Include acknowledged ones."),
                 q: str = Query("", max_length=100), limit: int = Query(50, ge=1, le=500),
                 offset: int = Query(0, ge=0), principal: Principal = Admin, db: Database = Db):
    with answered(), db.read() as session:
        health = sync_health.store_health(session, scope_of(principal), store_id, acknowledged=acknowledged,
                                          search=q, offset=offset, limit=limit)
        return HealthOut(
            store_id=health.store.id, rejected=[RejectedOut(**r.__dict__) for r in health.rejected],
            rejected_total=health.rejected_total, unacknowledged=health.unacknowledged,
            oversells=[FactOut(**f.__dict__) for f in health.oversells], oversell_total=health.oversell_total,
            kiosk_conflicts=[FactOut(**f.__dict__) for f in health.conflicts],
            kiosk_conflict_total=health.conflict_total,
            codes_over_limit=[FactOut(**f.__dict__) for f in health.over_limit],
            codes_over_limit_total=health.over_limit_total,
            silent_terminals=[SilentOut(**t.__dict__) for t in health.silent], silent_minutes=health.silent_minutes)


@router.post("/stores/{store_id}/sync-health/acknowledge", response_model=RejectedOut)
def acknowledge(store_id: uuid.UUID, body: AcknowledgeIn, principal: Principal = Admin, db: Database = Db):
    """Mark a rejected mutation as looked at; hidden from the health lists unless `acknowledged=true`."""
    with answered(), db.write() as session:
        found = sync_health.acknowledge(session, scope_of(principal), store_id, body.client_id, body.mutation_id)
    return RejectedOut(**found.__dict__)
