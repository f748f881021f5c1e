"""Console page for a store's prices: find a product, set or clear its price override in this store. It calls
`sync.hub.prices`, as the admin API does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from sync.hub import prices as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.web import _, redirect, render

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


@router.get("/stores/{store_id}/prices")
def prices_page(request: Request, me: Me, store_id: uuid.UUID, q: str = "") -> Response:
    return _page(request, me, store_id, q[:100])


@router.post("/stores/{store_id}/prices", dependencies=[Csrf])
def set_price(request: Request, me: Me, store_id: uuid.UUID, sku: str = Form(""), price: str = Form(""),
              q: str = Form("")) -> Response:
    try:
        with request.app.state.db.write() as session:
            row = service.set_price_override(session, me.scope, store_id, sku, price)
    except tenancy.Invalid as error:
        return _page(request, me, store_id, q[:100], error=str(error), status=422)
    except tenancy.NotFound as error:
        return _page(request, me, store_id, q[:100], error=str(error), status=404)
    done = "set" if row.override_price is not None else "cleared"
    return redirect(f"/console/stores/{store_id}/prices?{done}={row.sku}")


def _page(request: Request, me: Visitor, store_id: uuid.UUID, search: str, *, error: str | None = None,
          status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        rows = service.price_rows(session, me.scope, store_id, search)
        done = request.query_params.get("set") or request.query_params.get("cleared")
        changed = service.price_rows(session, me.scope, store_id, done, limit=1) if done else []
    notice = None
    if changed and changed[0].sku == done:
        row = changed[0]
        notice = (_("%(name)s (%(sku)s) now sells at $%(price)s in this store.", name=row.name, sku=row.sku,
                    price=row.selling_price) if row.override_price is not None else
                  _("%(name)s (%(sku)s) sells at the regular price again.", name=row.name, sku=row.sku))
    return render(request, "prices.html", status, me=me, store=store, rows=rows, search=search, error=error,
                  notice=notice)
