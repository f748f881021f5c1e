"""Admin API: a store's approved counts and the count conflicts a manager has to look at."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from sync.hub.api.admin_common import RESPONSES, Page, Paging, page_of, scoped_store
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.models import CountConflict, InventoryCount
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


@router.get("/stores/{store_id}/count-conflicts", response_model=Page)
def count_conflicts(store_id: uuid.UUID, paging: Paging = Depends(),
                    resolved: bool | None = Query(None, description="Only open (false) or resolved (true) ones."),
                    principal: Principal = Admin, db: Database = Db):
    """Two counts of one SKU (and lot) that overlapped: the winner is the one approved last, and it stands."""
    with db.read() as session:
        store = scoped_store(session, principal, store_id)
        query = select(CountConflict).where(CountConflict.store_id == store.id)
        if resolved is not None:
            query = query.where(CountConflict.resolved.is_(resolved))
        return page_of(session, query.order_by(CountConflict.created_at.desc(), CountConflict.sku), paging)


@router.get("/stores/{store_id}/counts", response_model=Page)
def counts(store_id: uuid.UUID, paging: Paging = Depends(), principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        store = scoped_store(session, principal, store_id)
        query = select(InventoryCount).where(InventoryCount.store_id == store.id)
        return page_of(session, query.order_by(InventoryCount.approved_at.desc()), paging)
