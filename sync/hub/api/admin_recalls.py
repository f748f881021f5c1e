"""Admin API: recalls (mark lots recalled in every store of the tenant, and the report of who bought them) and
the stores' shelf locations."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from sync.hub.api.admin_common import RESPONSES, Page, Paging, owned, page_of, row_out, scoped_store, store_ids
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.locations import LocationError, deactivate_location, location_in, save_location
from sync.hub.models import Recall, ShelfLocation
from sync.hub.recalls import UnknownLot, recall_lots, report_csv, report_lines
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)


class RecallIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: str = Field(min_length=1, max_length=40)
    lots: list[str] = Field(min_length=1, max_length=100)
    reason: str = Field(min_length=1, max_length=300)
    reference: str | None = Field(None, max_length=80)


class RecallOut(BaseModel):
    id: uuid.UUID
    sku: str
    lots: list[str]
    reason: str
    reference: str | None
    created_at: str
    lot_rows_marked: int | None = None


def _recall_out(recall: Recall, marked: int | None = None) -> RecallOut:
    return RecallOut(id=recall.id, sku=recall.sku, lots=list(recall.lots), reason=recall.reason,
                     reference=recall.reference, created_at=recall.created_at.isoformat(), lot_rows_marked=marked)


@router.post("/recalls", response_model=RecallOut, status_code=201)
def create_recall(body: RecallIn, principal: Principal = Admin, db: Database = Db):
    if not any(lot.strip() for lot in body.lots) or not body.reason.strip():
        raise HTTPException(400, "Give at least one lot number and the recall's reason.")
    try:
        with db.write() as session:
            recall, marked = recall_lots(session, principal.tenant_id, body.sku, body.lots, body.reason,
                                         body.reference)
            return _recall_out(recall, marked)
    except UnknownLot as error:
        raise HTTPException(404, str(error)) from None


@router.get("/recalls", response_model=Page)
def list_recalls(paging: Paging = Depends(), sku: str | None = Query(None, max_length=40),
                 principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        query = select(Recall).where(Recall.tenant_id == principal.tenant_id)
        if sku:
            query = query.where(Recall.sku == sku)
        return page_of(session, query.order_by(Recall.created_at.desc()), paging)


def _scoped_recall(session, principal: Principal, recall_id: uuid.UUID) -> Recall:
    recall = session.get(Recall, recall_id)
    return owned(recall, recall and recall.tenant_id, principal, "recall")


@router.get("/recalls/{recall_id}", response_model=RecallOut)
def get_recall(recall_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        return _recall_out(_scoped_recall(session, principal, recall_id))


class ReportOut(BaseModel):
    recall: RecallOut
    lines: list[dict[str, Any]]
    units: int


CSV_RESPONSE = {200: {"content": {"application/json": {}, "text/csv": {"schema": {"type": "string"}}},
                      "description": "The order lines that took the recalled lots, as JSON or CSV."}}


@router.get("/recalls/{recall_id}/report", response_model=ReportOut, responses=CSV_RESPONSE)
def recall_report(recall_id: uuid.UUID, request: Request, format: Literal["json", "csv"] | None = Query(None),
                  principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        recall = _scoped_recall(session, principal, recall_id)
        lines = report_lines(session, recall)
        out = _recall_out(recall)
    wants_csv = format == "csv" or (format is None and "text/csv" in request.headers.get("accept", ""))
    if wants_csv:
        name = f"recall-{recall.sku}-{recall_id.hex[:8]}.csv"
        return Response(report_csv(lines), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return ReportOut(recall=out, lines=[line.as_dict() for line in lines],
                     units=sum(line.quantity for line in lines))


# --- shelf locations -----------------------------------------------------------------------------------------

class LocationBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    zone: str = Field(min_length=1, max_length=6)
    aisle: str = Field(min_length=1, max_length=3)
    shelf: str = Field(min_length=1, max_length=3)
    bin: str = Field(min_length=1, max_length=3)
    location_type: str = Field("standard", max_length=20)
    notes: str | None = Field(None, max_length=300)


@router.get("/locations", response_model=Page)
def list_locations(paging: Paging = Depends(), store_id: uuid.UUID | None = Query(None),
                   active: bool | None = Query(None), principal: Principal = Admin, db: Database = Db):
    with db.read() as session:
        query = select(ShelfLocation).where(ShelfLocation.store_id.in_(store_ids(session, principal, store_id)))
        if active is not None:
            query = query.where(ShelfLocation.is_active.is_(active))
        return page_of(session, query.order_by(ShelfLocation.store_id, ShelfLocation.location_code), paging)


@router.post("/locations", response_model=dict[str, Any], status_code=201)
def create_location(body: LocationBody, store_id: uuid.UUID = Query(...), principal: Principal = Admin,
                    db: Database = Db):
    try:
        wanted = location_in(body.zone.upper(), body.aisle, body.shelf, body.bin.upper(), body.location_type,
                             body.notes)
    except LocationError as error:
        raise HTTPException(400, f"{error}.") from None
    with db.write() as session:
        store = scoped_store(session, principal, store_id)
        try:
            location, _created = save_location(session, store, wanted)
        except LocationError as error:
            raise HTTPException(409, str(error)) from None
        return row_out(location)


@router.post("/locations/{location_id}/deactivate", response_model=dict[str, Any])
def deactivate(location_id: uuid.UUID, principal: Principal = Admin, db: Database = Db):
    with db.write() as session:
        location = session.get(ShelfLocation, location_id)
        store = scoped_store(session, principal, location.store_id) if location is not None else None
        owned(location, store and store.tenant_id, principal, "shelf location")
        return row_out(deactivate_location(session, location))
