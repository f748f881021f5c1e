"""Admin API for what the console also does: edit a store, make a pairing code, list and revoke terminals.
Both call `sync.hub.tenancy`, so the rules (scope, validation, audit) exist once."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from sync.hub import tenancy
from sync.hub.api.admin_common import RESPONSES, row_out
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.feed.entities import json_value
from sync.hub.tokens import PAIRING_CODE_TTL, Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


def scope_of(principal: Principal) -> tenancy.Scope:
    return tenancy.Scope(principal.tenant_id, via="api")


@contextmanager
def answered() -> Iterator[None]:
    """The service's refusals as HTTP answers: 404, 403 across tenants, 409 for a taken code, else 422."""
    try:
        yield
    except tenancy.NotFound as error:
        raise HTTPException(404, str(error)) from None
    except tenancy.OutOfScope:
        raise HTTPException(403, "That belongs to another tenant; this token cannot reach it.") from None
    except tenancy.Taken as error:
        raise HTTPException(409, str(error)) from None
    except tenancy.Invalid as error:
        raise HTTPException(422, str(error)) from None


class StoreUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, min_length=1, max_length=120)
    province_code: str | None = Field(None, min_length=2, max_length=2)
    street: str | None = Field(None, max_length=200)
    city: str | None = Field(None, max_length=80)
    postal_code: str | None = Field(None, max_length=10)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=120)
    timezone: str | None = Field(None, max_length=64)
    license_number: str | None = Field(None, max_length=40)
    license_expiry: date | None = None
    kiosk_enabled: bool | None = None
    pos_enabled: bool | None = None
    settings: dict[str, Any] | None = None


@router.put("/stores/{store_id}", response_model=dict[str, Any])
def update_store(store_id: uuid.UUID, body: StoreUpdate, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        fields = body.model_dump(exclude_unset=True)
        store = tenancy.update_store(session, scope_of(principal), store_id,
                                     province_code=fields.pop("province_code", None), **fields)
        return row_out(store)


class PairingCodeOut(BaseModel):
    pairing_code: str
    valid_hours: int


@router.post("/stores/{store_id}/pairing-codes", response_model=PairingCodeOut, status_code=201)
def make_pairing_code(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        code = tenancy.new_pairing_code(session, scope_of(principal), store_id)
    return PairingCodeOut(pairing_code=code, valid_hours=int(PAIRING_CODE_TTL.total_seconds() // 3600))


@router.get("/stores/{store_id}/terminals", response_model=list[dict[str, Any]])
def list_terminals(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.read() as session:
        rows = tenancy.list_terminals(session, scope_of(principal), store_id)
    return [{key: json_value(value) for key, value in asdict(row).items()} for row in rows]


@router.post("/terminals/{terminal_id}/revoke", response_model=dict[str, Any])
def revoke_terminal(terminal_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return row_out(tenancy.revoke_terminal(session, scope_of(principal), terminal_id))
