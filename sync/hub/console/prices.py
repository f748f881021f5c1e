"""Console page for a store's prices: find a product, set or clear its price override in this store, schedule a
new price for a minute ahead (or cancel one still to come), and read the store's price history. It calls
`sync.hub.prices` and `sync.hub.price_schedules`, as the admin API does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from sync.hub import price_schedules as schedules
from sync.hub import prices as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.language import money, typed_amount
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.store_time import store_zone

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


@router.get("/stores/{store_id}/prices")
def prices_page(request: Request, me: Me, store_id: uuid.UUID, q: str = "", page: int = 1) -> Response:
    service.catch_up(request.app.state.db, me.scope, store_id)
    return _page(request, me, store_id, q[:100], page=page)


@router.post("/stores/{store_id}/prices", dependencies=[Csrf])
def set_price(request: Request, me: Me, store_id: uuid.UUID, sku: str = Form(""), price: str = Form(""),
              q: str = Form("")) -> Response:
    try:
        with request.app.state.db.write() as session:
            row = service.set_price_override(session, me.scope, store_id, sku, typed_amount(price))
    except tenancy.Invalid as error:
        return _page(request, me, store_id, q[:100], error=error_text(error), status=422)
    except tenancy.NotFound as error:
        return _page(request, me, store_id, q[:100], error=error_text(error), status=404)
    done = "set" if row.override_price is not None else "cleared"
    return redirect(f"/console/stores/{store_id}/prices?{done}={row.sku}")


@router.post("/stores/{store_id}/prices/schedules", dependencies=[Csrf])
def schedule_price(request: Request, me: Me, store_id: uuid.UUID, sku: str = Form(""), price: str = Form(""),
                   effective_at: str = Form("")) -> Response:
    typed = {"sku": sku[:40], "price": price[:20], "effective_at": effective_at[:20]}
    try:
        with request.app.state.db.write() as session:
            made = schedules.schedule_price(session, me.scope, store_id, sku, typed_amount(price), effective_at)
            code = made.sku
    except tenancy.Invalid as error:
        return _page(request, me, store_id, "", schedule_error=error_text(error), typed=typed, status=422)
    except tenancy.NotFound as error:
        return _page(request, me, store_id, "", schedule_error=error_text(error), typed=typed, status=404)
    return redirect(f"/console/stores/{store_id}/prices?scheduled={code}")


@router.post("/stores/{store_id}/prices/schedules/{schedule_id}/cancel", dependencies=[Csrf])
def cancel_schedule(request: Request, me: Me, store_id: uuid.UUID, schedule_id: uuid.UUID) -> Response:
    try:
        with request.app.state.db.write() as session:
            code = schedules.cancel_schedule(session, me.scope, store_id, schedule_id).sku
    except tenancy.Invalid as error:
        return _page(request, me, store_id, "", schedule_error=error_text(error), status=422)
    return redirect(f"/console/stores/{store_id}/prices?cancelled={code}")


def _page(request: Request, me: Visitor, store_id: uuid.UUID, search: str, *, error: str | None = None,
          schedule_error: str | None = None, typed: dict | None = None, page: int = 1,
          status: int = 200) -> Response:
    params = request.query_params
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        rows = service.price_rows(session, me.scope, store_id, search)
        done = params.get("set") or params.get("cleared")
        changed = service.price_rows(session, me.scope, store_id, done, limit=1) if done else []
        pending = schedules.pending_schedules(session, me.scope, store_id)
        page = max(1, min(page, 10_000))
        history, total = schedules.price_history(session, me.scope, store_id, page=page)
    zone = store_zone(store)
    notice = _notice(changed, done)
    scheduled = params.get("scheduled")
    if scheduled and any(one.sku == scheduled for one in pending):
        notice = _("The new price of %(sku)s is scheduled. The registers get it at their next sync and switch at "
                   "that minute on their own.", sku=scheduled)
    if params.get("cancelled"):
        notice = _("The scheduled price change of %(sku)s is cancelled.", sku=params.get("cancelled")[:40])
    form = typed or {"sku": params.get("schedule", "")[:40], "price": "", "effective_at": ""}
    pages = max(1, -(-total // schedules.HISTORY_PAGE))
    return render(request, "prices.html", status, me=me, store=store, rows=rows, search=search, error=error,
                  notice=notice, pending=[(one, one.effective_at.astimezone(zone)) for one in pending],
                  history=history, page=page, pages=pages, schedule_error=schedule_error, form=form, zone=zone.key)


def _notice(changed: list[service.PriceRow], done: str | None) -> str | None:
    if not (changed and changed[0].sku == done):
        return None
    row = changed[0]
    if row.override_price is not None:
        return _("%(name)s (%(sku)s) now sells at %(price)s in this store.", name=row.name, sku=row.sku,
                 price=money(row.selling_price))
    return _("%(name)s (%(sku)s) sells at the regular price again.", name=row.name, sku=row.sku)
