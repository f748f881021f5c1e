"""Admin API for register staff: what the console also does, through the same service functions
(`sync.hub.staff`), so the rules, scope and audit exist once. A staff member's PIN hash never leaves the hub
through this API. A store's prices are in `sync.hub.api.admin_prices`."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from sync.hub import staff
from sync.hub.api.admin_common import RESPONSES
from sync.hub.api.admin_tenancy import answered, scope_of
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.models import User
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


class StaffOut(BaseModel):
    id: uuid.UUID
    store_id: uuid.UUID | None = Field(description="Their one store; empty when they work in several or every store.")
    store_ids: list[uuid.UUID] | None = Field(description="Every store they work in; empty: every store of the "
                                                          "tenant.")
    discount_cap_percent: Decimal | None = Field(description="Their own discount limit; empty: their role's.")
    staff_code: str
    first_name: str | None
    last_name: str | None
    email: str
    role: str
    is_active: bool
    pin_temporary: bool = Field(description="The register asks for a new PIN at the next sign-in.")
    locked_until: datetime | None

    @classmethod
    def of(cls, user: User) -> StaffOut:
        stores = user.stores()
        return cls(id=user.id, store_id=user.store_id, store_ids=None if stores is None else sorted(stores, key=str),
                   discount_cap_percent=user.discount_cap_percent, staff_code=user.staff_code,
                   first_name=user.first_name,
                   last_name=user.last_name, email=user.email, role=user.role, is_active=user.is_active,
                   pin_temporary=user.pin_temporary, locked_until=user.locked_until)


class StaffIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    staff_code: str = Field(min_length=1, max_length=16)
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str | None = Field(None, max_length=80)
    email: str = Field("", max_length=120)
    role: str = Field("cashier", pattern="^(cashier|manager|admin)$")
    all_stores: bool = False
    store_ids: list[uuid.UUID] | None = Field(None, description="The stores they work in; empty: the store in the "
                                                                "path.")
    discount_cap_percent: Decimal | None = Field(None, ge=0, le=100, decimal_places=2,
                                                 description="Their own discount limit; empty: their role's.")
    pin: str = Field(min_length=1, max_length=8, description="A temporary PIN, 4 to 8 digits.")


class StaffUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    first_name: str | None = Field(None, min_length=1, max_length=80)
    last_name: str | None = Field(None, max_length=80)
    email: str | None = Field(None, max_length=120)
    role: str | None = Field(None, pattern="^(cashier|manager|admin)$")
    all_stores: bool | None = None
    store_ids: list[uuid.UUID] | None = Field(None, min_length=1, description="The stores they work in from now on; "
                                              "their other stores' registers refuse their PIN after a sync.")
    discount_cap_percent: Decimal | None = Field(None, ge=0, le=100, decimal_places=2,
                                                 description="Their own discount limit; null: their role's.")


class PinIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pin: str = Field(min_length=1, max_length=8, description="A temporary PIN, 4 to 8 digits.")


@router.get("/stores/{store_id}/staff", response_model=list[StaffOut])
def list_staff(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.read() as session:
        return [StaffOut.of(user) for user in staff.list_staff(session, scope_of(principal), store_id)]


@router.post("/stores/{store_id}/staff", response_model=StaffOut, status_code=201)
def add_staff(store_id: uuid.UUID, body: StaffIn, principal: Principal = Admin, db: Database = Db):
    fields = body.model_dump(exclude={"staff_code", "pin", "all_stores", "store_ids"})
    with answered(), db.write() as session:
        return StaffOut.of(staff.create_staff(session, scope_of(principal), store_id, staff_code=body.staff_code,
                                              pin=body.pin, all_stores=body.all_stores, store_ids=body.store_ids,
                                              **fields))


@router.put("/staff/{staff_id}", response_model=StaffOut)
def update_staff(staff_id: uuid.UUID, body: StaffUpdate, principal: Principal = Admin, db: Database = Db):
    fields = body.model_dump(exclude_unset=True)
    all_stores, store_ids = fields.pop("all_stores", None), fields.pop("store_ids", None)
    with answered(), db.write() as session:
        return StaffOut.of(staff.update_staff(session, scope_of(principal), staff_id, all_stores=all_stores,
                                              store_ids=store_ids, **fields))


@router.post("/staff/{staff_id}/pin", response_model=StaffOut)
def set_pin(staff_id: uuid.UUID, body: PinIn, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return StaffOut.of(staff.set_temporary_pin(session, scope_of(principal), staff_id, body.pin))


@router.post("/staff/{staff_id}/unlock", response_model=StaffOut)
def unlock(staff_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return StaffOut.of(staff.unlock_staff(session, scope_of(principal), staff_id))


@router.post("/staff/{staff_id}/activate", response_model=StaffOut)
def activate(staff_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return StaffOut.of(staff.set_staff_active(session, scope_of(principal), staff_id, True))


@router.post("/staff/{staff_id}/deactivate", response_model=StaffOut)
def deactivate(staff_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return StaffOut.of(staff.set_staff_active(session, scope_of(principal), staff_id, False))
