"""Admin API for a store's prices: overrides, price changes scheduled for a minute ahead, and the price history.
What the console's prices page does, through the same service functions (`sync.hub.prices`,
`sync.hub.price_schedules`), so the rules, scope, audit and history exist once."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from sync.hub import price_schedules as schedules
from sync.hub import prices
from sync.hub.api.admin_common import RESPONSES
from sync.hub.api.admin_tenancy import answered, scope_of
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.models import PriceSchedule
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


class PriceOverrideIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    price: Decimal | None = Field(description="The store's selling price; null sells at the regular price again.",
                                  gt=0, lt=100000, decimal_places=2)


class PriceOut(BaseModel):
    sku: str
    name: str
    catalog_price: Decimal
    store_price: Decimal | None
    override_price: Decimal | None
    selling_price: Decimal
    on_hand: int

    @classmethod
    def of(cls, row: prices.PriceRow) -> PriceOut:
        return cls(sku=row.sku, name=row.name, catalog_price=row.catalog_price, store_price=row.store_price,
                   override_price=row.override_price, selling_price=row.selling_price, on_hand=row.on_hand)


class ScheduleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: str = Field(min_length=1, max_length=40)
    price: Decimal = Field(description="The new selling price.")
    effective_at: datetime = Field(description="The minute it starts; without a UTC offset, in the store's time.")


class ScheduleOut(BaseModel):
    id: uuid.UUID
    sku: str
    price: Decimal
    effective_at: datetime = Field(description="In UTC.")
    status: str = Field(description="pending, applied or cancelled.")

    @classmethod
    def of(cls, row: PriceSchedule) -> ScheduleOut:
        return cls(id=row.id, sku=row.sku, price=row.price, effective_at=row.effective_at, status=row.status)


class HistoryOut(BaseModel):
    sku: str
    kind: str = Field(description="override, scheduled, cancelled or applied.")
    old_price: Decimal | None
    new_price: Decimal | None
    effective_at: datetime
    changed_at: datetime
    changed_by: str | None = Field(description="The console user's name; empty for the admin API.")
    via: str


@router.get("/stores/{store_id}/price-overrides", response_model=list[PriceOut])
def list_price_overrides(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered():
        prices.catch_up(db, scope_of(principal), store_id)
        with db.read() as session:
            return [PriceOut.of(row) for row in prices.price_rows(session, scope_of(principal), store_id, limit=500)]


@router.put("/stores/{store_id}/price-overrides/{sku}", response_model=PriceOut)
def set_price_override(store_id: uuid.UUID, sku: str, body: PriceOverrideIn, principal: Principal = Admin,
                       db: Database = Db):
    with answered(), db.write() as session:
        return PriceOut.of(prices.set_price_override(session, scope_of(principal), store_id, sku, body.price))


@router.get("/stores/{store_id}/price-schedules", response_model=list[ScheduleOut])
def list_price_schedules(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    """The store's price changes still to come, soonest first."""
    with answered():
        prices.catch_up(db, scope_of(principal), store_id)
        with db.read() as session:
            return [ScheduleOut.of(row) for row in schedules.pending_schedules(session, scope_of(principal),
                                                                                store_id, limit=500)]


@router.post("/stores/{store_id}/price-schedules", response_model=ScheduleOut, status_code=201)
def schedule_price(store_id: uuid.UUID, body: ScheduleIn, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return ScheduleOut.of(schedules.schedule_price(session, scope_of(principal), store_id, body.sku, body.price,
                                                       body.effective_at))


@router.delete("/stores/{store_id}/price-schedules/{schedule_id}", response_model=ScheduleOut)
def cancel_price_schedule(store_id: uuid.UUID, schedule_id: uuid.UUID, principal: Principal = Admin,
                          db: Database = Db):
    """Cancel a pending change; one whose minute has passed has applied, and is refused (422)."""
    with answered(), db.write() as session:
        return ScheduleOut.of(schedules.cancel_schedule(session, scope_of(principal), store_id, schedule_id))


@router.get("/stores/{store_id}/price-history", response_model=list[HistoryOut])
def price_history(store_id: uuid.UUID, sku: str = Query("", max_length=40), page: int = Query(1, ge=1, le=10_000),
                  principal: Principal = Admin, db: Database = Db):
    """The store's price changes, newest first, 100 a page."""
    with answered(), db.read() as session:
        rows, _total = schedules.price_history(session, scope_of(principal), store_id, sku=sku, page=page,
                                               per_page=100)
        return [HistoryOut(sku=row.sku, kind=row.kind, old_price=row.old_price, new_price=row.new_price,
                           effective_at=row.effective_at, changed_at=row.changed_at, changed_by=row.who,
                           via=row.via) for row in rows]
