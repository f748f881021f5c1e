"""Console pages for a store's purchase orders: the list with each order's receiving state, a new order typed
line by line or uploaded as a shipping notice CSV, and one order with what the terminals received and the
discrepancies they reported. They call `sync.hub.purchase_orders`, as the admin API does."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import select

from sync.hub import purchase_orders as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.language import typed_amount
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.models import ProvincialSupplier, PurchaseOrder
from sync.hub.suppliers import visible

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]
PAGE_SIZE = 25
BLANK_LINES = 6


def _base(store_id: uuid.UUID) -> str:
    return f"/console/stores/{store_id}/purchase-orders"


@router.get("/stores/{store_id}/purchase-orders")
def purchase_orders_page(request: Request, me: Me, store_id: uuid.UUID, q: str = "", state: str = "",
                         offset: int = 0) -> Response:
    search, state, offset = q[:100], state if state in service.STATUSES_OF else "", max(offset, 0)
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        page = service.list_orders(session, me.scope, store_id, search=search, state=state, limit=PAGE_SIZE,
                                   offset=offset)
        notice = _notice(session, request, store_id)
    pager = f"{_base(store_id)}?{urlencode({'q': search, 'state': state})}"
    return render(request, "purchase_orders.html", me=me, store=store, page=page, search=search, state=state,
                  offset=offset, size=PAGE_SIZE, pager=pager, notice=notice)


def _notice(session, request: Request, store_id: uuid.UUID) -> str | None:
    """What was just done, from the redirect's query; only about this store's orders."""
    numbers = request.query_params.getlist("created")
    known = set(session.scalars(select(PurchaseOrder.po_number).where(
        PurchaseOrder.store_id == store_id, PurchaseOrder.po_number.in_(numbers)))) if numbers else set()
    shown = [number for number in numbers if number in known]
    if not shown:
        return None
    return _("Purchase order %(numbers)s created. The store's terminals receive it at their next sync; the back "
             "office receives the delivery by scanning.", numbers=", ".join(shown))


@router.get("/stores/{store_id}/purchase-orders/new")
def new_purchase_order_page(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    return _form(request, me, store_id, {}, [service.LineText("", "", "")] * BLANK_LINES)


@router.post("/stores/{store_id}/purchase-orders", dependencies=[Csrf])
async def create_purchase_order(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    form = await request.form()
    typed = {key: str(form.get(key) or "") for key in ("po_number", "supplier_id", "expected_date", "notes")}
    lines = [service.LineText(*values) for values in zip(
        *(map(str, form.getlist(key)) for key in ("item", "quantity", "unit_cost", "lot")), strict=False)]
    return _create(request, me, store_id, typed, lines)


def _create(request: Request, me: Visitor, store_id: uuid.UUID, typed: dict, lines: list) -> Response:
    try:
        supplier_id = uuid.UUID(typed["supplier_id"]) if typed["supplier_id"] else None
    except ValueError:
        supplier_id = None
    try:
        with request.app.state.db.write() as session:
            order = service.create_order(session, me.scope, store_id, po_number=typed["po_number"],
                                         supplier_id=supplier_id, expected_date=typed["expected_date"],
                                         lines=[replace(one, unit_cost=typed_amount(one.unit_cost)) for one in lines],
                                         notes=typed["notes"])
            number = order.po_number
    except service.RowsRejected as rejected:
        return _form(request, me, store_id, typed, lines, errors=[error_text(e) for e in rejected.errors],
                     status=422)
    except tenancy.Invalid as error:
        return _form(request, me, store_id, typed, lines, error=error_text(error), status=422)
    return redirect(f"{_base(store_id)}?{urlencode({'created': number})}")


@router.post("/stores/{store_id}/purchase-orders/asn", dependencies=[Csrf])
async def upload_asn(request: Request, me: Me, store_id: uuid.UUID,
                     file: Annotated[UploadFile | None, File()] = None) -> Response:
    data = await file.read(service.MAX_UPLOAD + 1) if file is not None else b""
    name = file.filename if file is not None else ""
    try:
        with request.app.state.db.write() as session:
            numbers = service.upload_asn(session, me.scope, store_id, data, name or "")
    except service.RowsRejected as rejected:
        return _form(request, me, store_id, {}, [service.LineText("", "", "")] * BLANK_LINES,
                     asn_errors=[error_text(e) for e in rejected.errors], asn_file=name, status=422)
    except tenancy.Invalid as error:
        return _form(request, me, store_id, {}, [service.LineText("", "", "")] * BLANK_LINES,
                     asn_errors=[error_text(error)], asn_file=name, status=422)
    return redirect(f"{_base(store_id)}?{urlencode({'created': numbers}, doseq=True)}")


@router.get("/stores/{store_id}/purchase-orders/{po_id}")
def purchase_order_page(request: Request, me: Me, store_id: uuid.UUID, po_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        detail = service.order_detail(session, me.scope, store_id, po_id)
    return render(request, "purchase_order.html", me=me, store=store, detail=detail, order=detail.order)


def _form(request: Request, me: Visitor, store_id: uuid.UUID, typed: dict, lines: list, *,
          error: str | None = None, errors: list[str] | None = None, asn_errors: list[str] | None = None,
          asn_file: str | None = None, status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        suppliers = list(session.scalars(select(ProvincialSupplier).where(
            visible(me.scope), ProvincialSupplier.is_active.is_(True)).order_by(ProvincialSupplier.name)))
    shown = list(lines) + [service.LineText("", "", "")] * max(0, BLANK_LINES - len(lines))
    return render(request, "purchase_order_new.html", status, me=me, store=store, suppliers=suppliers,
                  typed=typed, lines=shown, error=error, errors=errors or [], asn_errors=asn_errors or [],
                  asn_file=asn_file)
