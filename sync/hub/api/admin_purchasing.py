"""Admin API for tax rates, suppliers and a store's shipping notices: what the console also does, through the
same service functions (`sync.hub.taxes`, `sync.hub.suppliers`, `sync.hub.purchase_orders`)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from sync.hub import purchase_orders, suppliers, taxes
from sync.hub.api.admin_common import RESPONSES, Page, Paging, row_out
from sync.hub.api.admin_tenancy import answered, scope_of
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


class TaxRateOut(BaseModel):
    province: str
    tax_type: str
    percent: Decimal
    effective_from: date
    effective_to: date | None = Field(description="The last day the rate applies; empty: until replaced.")
    state: str = Field(description="ended, current or scheduled")


class TaxRateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    province: str = Field(min_length=2, max_length=2)
    tax_type: str = Field(pattern="^(GST|HST|PST|QST)$")
    percent: Decimal = Field(ge=0, le=100, description="13 for 13 %.")
    effective_from: date = Field(description="A future date; the rate in force ends the day before.")


@router.get("/tax-rates", response_model=list[TaxRateOut])
def list_tax_rates(province: str = Query("", max_length=2), principal: Principal = Admin, db: Database = Db):
    with answered(), db.read() as session:
        return [TaxRateOut(province=row.province_code, tax_type=row.tax_type, percent=row.percent,
                           effective_from=row.effective_from, effective_to=row.effective_to, state=row.state)
                for row in taxes.list_tax_rates(session, province)]


@router.post("/tax-rates", response_model=dict[str, Any], status_code=201)
def add_tax_rate(body: TaxRateIn, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return row_out(taxes.add_tax_rate(session, scope_of(principal), province_code=body.province,
                                          tax_type=body.tax_type, percent=body.percent,
                                          effective_from=body.effective_from))


class SupplierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, min_length=1, max_length=120)
    province: str | None = Field(None, min_length=2, max_length=2)
    contact_name: str | None = Field(None, max_length=120)
    contact_email: str | None = Field(None, max_length=120)
    contact_phone: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=300)
    license_number: str | None = Field(None, max_length=40)
    is_active: bool | None = None
    payment_terms: str | None = Field(None, max_length=60)
    notes: str | None = Field(None, max_length=300)


class NewSupplierIn(SupplierIn):
    code: str = Field(min_length=1, max_length=20)


def _supplier_out(supplier) -> dict[str, Any]:
    return {**row_out(supplier), "shared": supplier.tenant_id is None}


@router.get("/suppliers", response_model=Page)
def list_suppliers(paging: Paging = Depends(), q: str = Query("", max_length=100), principal: Principal = Admin,
                   db: Database = Db):
    with answered(), db.read() as session:
        page = suppliers.list_suppliers(session, scope_of(principal), q, limit=paging.limit, offset=paging.offset)
        return Page(items=[_supplier_out(row) for row in page.rows], total=page.total, limit=paging.limit,
                    offset=paging.offset)


@router.post("/suppliers", response_model=dict[str, Any], status_code=201)
def create_supplier(body: NewSupplierIn, principal: Principal = Admin, db: Database = Db):
    fields = body.model_dump(exclude={"code"}, exclude_none=True)
    with answered(), db.write() as session:
        return _supplier_out(suppliers.create_supplier(session, scope_of(principal), code=body.code, **fields))


@router.get("/suppliers/{supplier_id}", response_model=dict[str, Any])
def get_supplier(supplier_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.read() as session:
        return _supplier_out(suppliers.scoped_supplier(session, scope_of(principal), supplier_id, changing=False))


@router.put("/suppliers/{supplier_id}", response_model=dict[str, Any])
def update_supplier(supplier_id: uuid.UUID, body: SupplierIn, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        return _supplier_out(suppliers.update_supplier(session, scope_of(principal), supplier_id,
                                                       **body.model_dump(exclude_unset=True)))


@router.delete("/suppliers/{supplier_id}", status_code=204)
def delete_supplier(supplier_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with answered(), db.write() as session:
        suppliers.delete_supplier(session, scope_of(principal), supplier_id)


@router.post("/stores/{store_id}/purchase-orders/asn", response_model=dict[str, Any], status_code=201)
def upload_asn(store_id: uuid.UUID, data: bytes = Body(b"", media_type="text/csv"), principal: Principal = Admin,
               db: Database = Db):
    """A shipping notice CSV as the request body (the format of docs/console.md): every row or none; a 422
    lists each bad row by its line."""
    with answered(), db.write() as session:
        return {"purchase_orders": purchase_orders.upload_asn(session, scope_of(principal), store_id, data,
                                                              "The file")}


@router.get("/stores/{store_id}/purchase-orders/{po_id}", response_model=dict[str, Any])
def purchase_order_receipts(store_id: uuid.UUID, po_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    """One order with its receiving status, its lines, and each delivery the store's terminals received against
    it with the discrepancies they reported."""
    with answered(), db.read() as session:
        detail = purchase_orders.order_detail(session, scope_of(principal), store_id, po_id)
        return {**row_out(detail.order), "receiving": detail.state, "supplier": detail.supplier,
                "lines": [row_out(item) for item in detail.items],
                "receipts": [{"received_at": receipt.received_at.isoformat(), "terminal": receipt.terminal,
                              "units": receipt.units, "discrepancies": receipt.discrepancies}
                             for receipt in detail.receipts]}
