"""Admin API: tenants, stores (activate, deactivate) and the product catalogs, with accessories added and edited
through `sync.hub.accessories`, the rules the console uses."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from sync.hub import accessories, tenancy
from sync.hub.api.admin_common import RESPONSES, Page, Paging, owned, page_of, row_out, scoped_store
from sync.hub.api.admin_tenancy import answered, scope_of
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.models import Accessory, OcsProduct, Store, Tenant
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


@router.get("/tenants", response_model=Page)
def list_tenants(paging: Paging = Depends(), principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        return page_of(session, select(Tenant).where(Tenant.id == principal.tenant_id), paging)


@router.get("/tenants/{tenant_id}", response_model=dict[str, Any])
def get_tenant(tenant_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        tenant = session.get(Tenant, tenant_id)
        return row_out(owned(tenant, tenant and tenant.id, principal, "tenant"))


@router.get("/stores", response_model=Page)
def list_stores(paging: Paging = Depends(), status: str | None = Query(None, max_length=16),
                principal: Principal = Admin, db: Database = Db):
    query = select(Store).where(Store.tenant_id == principal.tenant_id).order_by(Store.store_code)
    if status:
        query = query.where(Store.status == status)
    with db.read() as session:
        return page_of(session, query, paging)


class StoreIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    store_code: str = Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9_-]+$")
    name: str = Field(min_length=1, max_length=120)
    province_code: str = Field(min_length=2, max_length=2)
    street: str = Field("", max_length=200)
    city: str = Field("", max_length=80)
    postal_code: str = Field("", max_length=10)
    timezone: str = Field("America/Toronto", max_length=64)


@router.post("/stores", response_model=dict[str, Any], status_code=201)
def create_store(body: StoreIn, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        fields = body.model_dump(exclude={"store_code", "name", "province_code"})
        return row_out(tenancy.create_store(session, scope_of(principal), store_code=body.store_code,
                                            name=body.name, province_code=body.province_code, **fields))


@router.get("/stores/{store_id}", response_model=dict[str, Any])
def get_store(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        return row_out(scoped_store(session, principal, store_id))


def _set_status(store_id: uuid.UUID, status: str, principal: Principal, db: Database):
    with answered(), db.write() as session:
        return row_out(tenancy.set_store_active(session, scope_of(principal), store_id, status == "active"))


@router.post("/stores/{store_id}/activate", response_model=dict[str, Any])
def activate_store(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    return _set_status(store_id, "active", principal, db)


@router.post("/stores/{store_id}/deactivate", response_model=dict[str, Any])
def deactivate_store(store_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    return _set_status(store_id, "inactive", principal, db)


@router.get("/products/cannabis", response_model=Page)
def list_cannabis(paging: Paging = Depends(), category: str | None = Query(None, max_length=60),
                  brand: str | None = Query(None, max_length=120), q: str | None = Query(None, max_length=100),
                  principal: Principal = Admin, db: Database = Db):
    query = select(OcsProduct).where(OcsProduct.tenant_id == principal.tenant_id)
    if category:
        query = query.where(OcsProduct.category == category)
    if brand:
        query = query.where(OcsProduct.brand_name == brand)
    if q:
        query = query.where(OcsProduct.product_name.ilike(f"%{q}%"))
    with db.read() as session:
        return page_of(session, query.order_by(OcsProduct.ocs_variant_number), paging)


@router.get("/products/cannabis/{sku}", response_model=dict[str, Any])
def get_cannabis(sku: str, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        found = list(session.scalars(select(OcsProduct).where(OcsProduct.ocs_variant_number == sku)))
        mine = [p for p in found if p.tenant_id == principal.tenant_id]
        product = mine[0] if mine else found[0] if found else None
        return row_out(owned(product, product and product.tenant_id, principal, "product"))


@router.get("/products/accessories", response_model=Page)
def list_accessories(paging: Paging = Depends(), q: str | None = Query(None, max_length=100),
                     principal: Principal = Admin, db: Database = Db):
    query = select(Accessory).where(Accessory.tenant_id == principal.tenant_id)
    if q:
        query = query.where(Accessory.name.ilike(f"%{q}%"))
    with db.read() as session:
        return page_of(session, query.order_by(Accessory.sku), paging)


@router.get("/products/accessories/{accessory_id}", response_model=dict[str, Any])
def get_accessory(accessory_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        accessory = session.get(Accessory, accessory_id)
        return row_out(owned(accessory, accessory and accessory.tenant_id, principal, "accessory"))


class AccessoryBody(BaseModel):
    """An accessory in full: a PUT replaces every field, as the console's form does."""

    model_config = ConfigDict(extra="forbid")
    sku: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=200)
    category_id: uuid.UUID | None = None
    retail_price: str = Field(min_length=1, max_length=12, description="Dollars and cents, like 4.99")
    unit_cost: str = Field("0", max_length=12, description="Dollars and cents, like 2.40")
    barcode: str | None = Field(None, max_length=14, description="GTIN-8, -12, -13 or -14, check digit verified")
    brand: str | None = Field(None, max_length=120)
    is_active: bool = True

    def entered(self) -> accessories.AccessoryIn:
        return accessories.AccessoryIn(sku=self.sku, name=self.name, category_id=str(self.category_id or ""),
                                       price=self.retail_price, cost=self.unit_cost, gtin=self.barcode or "",
                                       brand=self.brand or "", active=self.is_active)


@router.post("/products/accessories", response_model=dict[str, Any], status_code=201)
def create_accessory(body: AccessoryBody, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return row_out(accessories.save_accessory(session, scope_of(principal), body.entered()))


@router.put("/products/accessories/{accessory_id}", response_model=dict[str, Any])
def update_accessory(accessory_id: uuid.UUID, body: AccessoryBody, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return row_out(accessories.save_accessory(session, scope_of(principal), body.entered(), accessory_id))
