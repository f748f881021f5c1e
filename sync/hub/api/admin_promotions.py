"""Admin API: the tenant's promotions and discount codes (list, create, pause, resume), a whole promotions.v1 file
at once, and the discount-code uses the manager should look at (over the limit while terminals were offline)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import or_, select

from sync.hub import promotion_changes
from sync.hub.api.admin_common import RESPONSES, Page, Paging, owned, page_of, row_out, scoped_store
from sync.hub.api.admin_tenancy import answered, scope_of
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.models import DiscountCode, DiscountUsage, Promotion
from sync.hub.promotions import PromotionsRejected, save_promotions, set_active
from sync.hub.tokens import Principal
from sync.promotions_file import DiscountCodeRow, PromotionRow, PromotionsFile

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


class ImportOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    promotions_created: int
    promotions_updated: int
    codes_created: int
    codes_updated: int


def promotion_out(promotion: Promotion) -> dict[str, Any]:
    out = row_out(promotion)
    out["schedule"] = [{"days": r.days, "start": r.start_time.isoformat("minutes"),
                        "end": r.end_time.isoformat("minutes")} for r in promotion.rules]
    return out


@contextmanager
def refused() -> Iterator[None]:
    """A refused promotion is a 400 with its sentences; scope and taken ids as the other admin routes answer."""
    try:
        with answered():
            yield
    except PromotionsRejected as rejected:
        raise HTTPException(400, str(rejected)) from None


def _save(body: PromotionsFile, principal: Principal, db: Database, store_id: uuid.UUID | None) -> ImportOut:
    try:
        with db.write() as session:
            if store_id is not None:
                scoped_store(session, principal, store_id)
            report = save_promotions(session, principal.tenant_id, body, store_id)
    except PromotionsRejected as rejected:
        raise HTTPException(400, str(rejected)) from None
    return ImportOut(**report.__dict__)


@router.get("/promotions", response_model=Page)
def list_promotions(paging: Paging = Depends(), active: bool | None = Query(None),
                    store_id: uuid.UUID | None = Query(None), principal: Principal = Admin, db: Database = Db):
    """The tenant's promotions; with `store_id`, those that apply in that store (its own and the tenant-wide)."""
    with db.read() as session:
        query = select(Promotion).where(Promotion.tenant_id == principal.tenant_id)
        if store_id is not None:
            scoped_store(session, principal, store_id)
            query = query.where(or_(Promotion.store_id.is_(None), Promotion.store_id == store_id))
        if active is not None:
            query = query.where(Promotion.is_active.is_(active))
        return page_of(session, query.order_by(Promotion.number), paging)


@router.post("/promotions", response_model=dict[str, Any], status_code=201)
def create_promotion(body: PromotionRow, store_id: uuid.UUID | None = Query(None), principal: Principal = Admin,
                     db: Database = Db):
    """One promotion; checked with the tenant's others (schedules, the catalog, the law). Its id is its number."""
    with refused(), db.write() as session:
        return promotion_out(promotion_changes.create_promotion(session, scope_of(principal), body, store_id))


@router.post("/promotions/import", response_model=ImportOut)
def import_file(body: PromotionsFile, store_id: uuid.UUID | None = Query(None), principal: Principal = Admin,
                db: Database = Db):
    """A whole promotions.v1 file: promotions matched by id, codes by code; all of it or none."""
    return _save(body, principal, db, store_id)


def _pause(model, obj_id: uuid.UUID, active: bool, what: str, principal: Principal, db: Database):
    with db.write() as session:
        obj = session.get(model, obj_id)
        owned(obj, obj and obj.tenant_id, principal, what)
        set_active(session, obj, active)
        return row_out(obj)


@router.post("/promotions/{promotion_id}/pause", response_model=dict[str, Any])
def pause_promotion(promotion_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    return _pause(Promotion, promotion_id, False, "promotion", principal, db)


@router.post("/promotions/{promotion_id}/resume", response_model=dict[str, Any])
def resume_promotion(promotion_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    return _pause(Promotion, promotion_id, True, "promotion", principal, db)


@router.get("/discount-codes", response_model=Page)
def list_codes(paging: Paging = Depends(), store_id: uuid.UUID | None = Query(None), principal: Principal = Admin,
               db: Database = Db):
    with db.read() as session:
        query = select(DiscountCode).where(DiscountCode.tenant_id == principal.tenant_id)
        if store_id is not None:
            scoped_store(session, principal, store_id)
            query = query.where(or_(DiscountCode.store_id.is_(None), DiscountCode.store_id == store_id))
        return page_of(session, query.order_by(DiscountCode.code), paging)


@router.post("/discount-codes", response_model=dict[str, Any], status_code=201)
def create_code(body: DiscountCodeRow, store_id: uuid.UUID | None = Query(None), principal: Principal = Admin,
                db: Database = Db):
    with refused(), db.write() as session:
        return row_out(promotion_changes.create_code(session, scope_of(principal), body, store_id))


@router.post("/discount-codes/{code_id}/pause", response_model=dict[str, Any])
def pause_code(code_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    return _pause(DiscountCode, code_id, False, "discount code", principal, db)


@router.get("/discount-usage", response_model=Page)
def list_usage(paging: Paging = Depends(), over_limit: bool | None = Query(None),
               store_id: uuid.UUID | None = Query(None), principal: Principal = Admin, db: Database = Db):
    """Each use of a code, newest first; `over_limit=true`: the uses beyond a limit, for the manager to review."""
    with db.read() as session:
        query = select(DiscountUsage).where(DiscountUsage.tenant_id == principal.tenant_id)
        if store_id is not None:
            query = query.where(DiscountUsage.store_id == scoped_store(session, principal, store_id).id)
        if over_limit is not None:
            query = query.where(DiscountUsage.over_limit.is_(over_limit))
        return page_of(session, query.order_by(DiscountUsage.used_at.desc()), paging)
