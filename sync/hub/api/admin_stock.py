"""Admin API: inventory (list, by SKU, adjust, low stock, oversells) and purchase orders."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import select

from sync.hub.api.admin_common import RESPONSES, Page, Paging, owned, page_of, row_out, scoped_store, store_ids
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.inventory import Delta, apply_deltas, on_hand
from sync.hub.models import BatchTracking, OcsInventory, OversellEvent, PurchaseOrder, Store
from sync.hub.purchasing import (
    LineIn,
    PurchaseOrderError,
    cancel_purchase_order,
    create_purchase_order,
    receive_purchase_order,
)
from sync.hub.tokens import Principal
from sync.protocol import AdjustmentReason

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)
StoreFilter = Query(None, description="One store of the tenant; all of them when left out.")


@router.get("/inventory", response_model=Page)
def list_inventory(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter,
                   sku: str | None = Query(None, max_length=40), principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        query = select(OcsInventory).where(OcsInventory.store_id.in_(store_ids(session, principal, store_id)))
        if sku:
            query = query.where(OcsInventory.sku == sku)
        return page_of(session, query.order_by(OcsInventory.sku, OcsInventory.store_id), paging)


@router.get("/inventory/low-stock", response_model=Page)
def low_stock(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter, principal: Principal = Admin,
              db: Database = Db):
    with db.read() as session:
        query = select(OcsInventory).where(
            OcsInventory.store_id.in_(store_ids(session, principal, store_id)),
            OcsInventory.quantity_on_hand <= OcsInventory.reorder_point)
        return page_of(session, query.order_by(OcsInventory.quantity_on_hand, OcsInventory.sku), paging)


@router.get("/inventory/oversells", response_model=Page)
def oversells(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter, principal: Principal = Admin,
              db: Database = Db):
    with db.read() as session:
        query = select(OversellEvent).where(OversellEvent.store_id.in_(store_ids(session, principal, store_id)))
        return page_of(session, query.order_by(OversellEvent.created_at.desc()), paging)


@router.get("/inventory/{sku}", response_model=dict[str, Any])
def inventory_by_sku(sku: str, store_id: uuid.UUID = Query(...), principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        store = scoped_store(session, principal, store_id)
        level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == store.id, OcsInventory.sku == sku))
        if level is None:
            raise HTTPException(404, f"Store {store.store_code} has no stock record for {sku}.")
        lots = session.scalars(select(BatchTracking).where(
            BatchTracking.store_id == store.id, BatchTracking.sku == sku).order_by(BatchTracking.batch_lot))
        return {**row_out(level), "lots": [row_out(lot) for lot in lots]}


class AdjustIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: str = Field(min_length=1, max_length=40)
    batch_lot: str | None = Field(None, max_length=40)
    quantity_delta: int | None = Field(None, ge=-1_000_000, le=1_000_000)
    counted_quantity: int | None = Field(None, ge=0, le=1_000_000)
    # One of the shared reasons, so the OCS report can group it (a free text one would leave its day unbalanced).
    reason: AdjustmentReason

    @model_validator(mode="after")
    def _one_quantity(self) -> AdjustIn:
        if (self.quantity_delta is None) == (self.counted_quantity is None):
            raise ValueError("give either quantity_delta or counted_quantity")
        return self


@router.post("/inventory/adjust", response_model=dict[str, Any])
def adjust(body: AdjustIn, store_id: uuid.UUID = Query(...), principal: Principal = Admin, db: Database = Db):
    with db.write() as session:
        store = scoped_store(session, principal, store_id)
        delta = body.quantity_delta
        if delta is None:
            delta = body.counted_quantity - on_hand(session, store.id, body.sku, body.batch_lot)
        apply_deltas(session, store.id, [Delta(body.sku, body.batch_lot, delta, None, body.reason)],
                     transaction_type="adjustment", reference_type="adjustment", reference_id=uuid.uuid4())
        level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == store.id,
                                                          OcsInventory.sku == body.sku))
        return row_out(level)


@router.get("/purchase-orders", response_model=Page)
def list_purchase_orders(paging: Paging = Depends(), store_id: uuid.UUID | None = StoreFilter,
                         status: str | None = Query(None, max_length=16), principal: Principal = Admin,
                         db: Database = Db):
    with db.read() as session:
        query = select(PurchaseOrder).where(PurchaseOrder.store_id.in_(store_ids(session, principal, store_id)))
        if status:
            query = query.where(PurchaseOrder.status == status)
        return page_of(session, query.order_by(PurchaseOrder.order_date.desc(), PurchaseOrder.po_number), paging)


class PoLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: str = Field(min_length=1, max_length=40)
    product_name: str = Field("", max_length=200)
    quantity_ordered: int = Field(gt=0, le=1_000_000)
    unit_cost_cents: int = Field(ge=0, le=100_000_000)
    batch_lot: str | None = Field(None, max_length=40)
    gtin: str | None = Field(None, max_length=14)


class PurchaseOrderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    po_number: str = Field(min_length=1, max_length=40)
    expected_date: date | None = None
    vendor: str | None = Field(None, max_length=120)
    shipment_id: str | None = Field(None, max_length=40)
    container_id: str | None = Field(None, max_length=40)
    ocs_order_number: str | None = Field(None, max_length=40)
    notes: str | None = Field(None, max_length=300)
    lines: list[PoLineIn] = Field(min_length=1, max_length=1000)


def _po_out(order: PurchaseOrder) -> dict[str, Any]:
    return {**row_out(order), "lines": [row_out(item) for item in order.items]}


@router.post("/purchase-orders", response_model=dict[str, Any], status_code=201)
def create_po(body: PurchaseOrderIn, store_id: uuid.UUID = Query(...), principal: Principal = Admin,
              db: Database = Db):
    with db.write() as session:
        store = scoped_store(session, principal, store_id)
        lines = [LineIn(line.sku, line.product_name or line.sku, line.quantity_ordered,
                        Decimal(line.unit_cost_cents) / 100, line.batch_lot, line.gtin) for line in body.lines]
        try:
            order = create_purchase_order(session, store, lines=lines, **body.model_dump(exclude={"lines"}))
        except PurchaseOrderError as error:
            raise HTTPException(409, str(error)) from None
        return _po_out(order)


def _scoped_po(session, principal: Principal, po_id: uuid.UUID) -> PurchaseOrder:
    order = session.get(PurchaseOrder, po_id)
    return owned(order, order and order.tenant_id, principal, "purchase order")


@router.get("/purchase-orders/{po_id}", response_model=dict[str, Any])
def get_po(po_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        return _po_out(_scoped_po(session, principal, po_id))


class ReceiveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # line id -> units received; lines left out count as not received. No body: everything as ordered.
    received: dict[uuid.UUID, int] | None = None


@router.post("/purchase-orders/{po_id}/receive", response_model=dict[str, Any])
def receive_po(po_id: uuid.UUID, body: ReceiveIn | None = None, principal: Principal = Admin, db: Database = Db):
    with db.write() as session:
        order = _scoped_po(session, principal, po_id)
        try:
            receive_purchase_order(session, order, body.received if body else None)
        except PurchaseOrderError as error:
            raise HTTPException(409, str(error)) from None
        return _po_out(order)


@router.post("/purchase-orders/{po_id}/cancel", response_model=dict[str, Any])
def cancel_po(po_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.write() as session:
        order = _scoped_po(session, principal, po_id)
        try:
            cancel_purchase_order(session, order)
        except PurchaseOrderError as error:
            raise HTTPException(409, str(error)) from None
        return _po_out(order)


__all__ = ["router", "Store"]
