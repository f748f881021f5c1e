"""Console page for sales tax rates: every province's components with their periods, and (for an owner or
admin) a new rate from a future date. It calls `sync.hub.taxes`, as the admin API does."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from sync.column_types import utcnow
from sync.hub import taxes as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.language import typed_amount
from sync.hub.console.stores import _provinces
from sync.hub.console.web import _, error_text, redirect, render

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


@router.get("/tax-rates")
def tax_rates_page(request: Request, me: Me, province: str = "") -> Response:
    return _page(request, me, province[:2].upper())


@router.post("/tax-rates", dependencies=[Csrf])
def add_tax_rate(request: Request, me: Me, province_code: str = Form(""), tax_type: str = Form(""),
                 percent: str = Form(""), effective_from: str = Form("")) -> Response:
    typed = {"province_code": province_code, "tax_type": tax_type, "percent": percent,
             "effective_from": effective_from}
    try:
        with request.app.state.db.write() as session:
            service.add_tax_rate(session, me.scope, province_code=province_code, tax_type=tax_type,
                                 percent=typed_amount(percent), effective_from=effective_from)
    except tenancy.Invalid as error:
        return _page(request, me, province_code.upper()[:2], error=error_text(error), typed=typed, status=422)
    code = province_code.strip().upper()
    return redirect(f"/console/tax-rates?province={code}&added={tax_type.strip().upper()}")


def _page(request: Request, me: Visitor, province: str, *, error: str | None = None, typed: dict | None = None,
          status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        rows = service.list_tax_rates(session, province)
        provinces = _provinces(session)
    notice = None
    added = request.query_params.get("added")
    if added in service.TAX_TYPES and any(row.tax_type == added and row.state == "scheduled" for row in rows):
        notice = _("The new %(tax)s rate is saved. Terminals of the province's stores take it at their next sync "
                   "and charge it from its start date.", tax=added)
    tomorrow = (utcnow() + timedelta(days=1)).date().isoformat()
    form = typed or {"province_code": province or "ON", "tax_type": "", "percent": "", "effective_from": tomorrow}
    return render(request, "tax_rates.html", status, me=me, rows=rows, provinces=provinces,
                  province=province, tax_types=service.TAX_TYPES, can_edit=me.scope.store_ids is None,
                  form=form, tomorrow=tomorrow, error=error, notice=notice)
