"""The console's sales analytics: one store's page, or all the stores a person may see (an owner or admin: the
tenant's; a manager: theirs), over a period of store-local days next to the period before it, each table with its
chart and its CSV (the same filters). Another store's page answers 403, as every store page does."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from sync.hub import tenancy
from sync.hub.analytics.period import LONGEST_DAYS, Period, PeriodRefused, parse_period
from sync.hub.analytics.tables import table_csv
from sync.hub.console.auth import Visitor, signed_in
from sync.hub.console.sales_report import BUILDERS, build, chart_of, titles, today_of
from sync.hub.console.web import _, redirect, render
from sync.hub.models import Store

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


@router.get("/sales")
def all_stores_page(request: Request, me: Me, store: str = "", first: str = "", last: str = "") -> Response:
    """All my stores; the page's store picker names one store, whose own page then opens (and checks it)."""
    if store:
        try:
            chosen = uuid.UUID(store)
        except ValueError:
            chosen = None
        if chosen is not None:
            return redirect(f"/console/stores/{chosen}/sales?{urlencode({'first': first, 'last': last})}")
    with request.app.state.db.read() as session:
        stores = tenancy.list_stores(session, me.scope)
        return _page(request, me, session, stores, stores, None, first, last)


@router.get("/sales/export")
def all_stores_csv(request: Request, me: Me, table: str = "summary", first: str = "", last: str = "") -> Response:
    with request.app.state.db.read() as session:
        stores = tenancy.list_stores(session, me.scope)
        return _csv(session, stores, None, table, first, last)


@router.get("/sales/section")
def all_stores_section(request: Request, me: Me, table: str = "summary", first: str = "",
                       last: str = "") -> Response:
    with request.app.state.db.read() as session:
        stores = tenancy.list_stores(session, me.scope)
        return _section(request, me, session, stores, None, table, first, last)


@router.get("/stores/{store_id}/sales")
def store_page(request: Request, me: Me, store_id: uuid.UUID, first: str = "", last: str = "") -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        return _page(request, me, session, [store], tenancy.list_stores(session, me.scope), store, first, last)


@router.get("/stores/{store_id}/sales/export")
def store_csv(request: Request, me: Me, store_id: uuid.UUID, table: str = "summary", first: str = "",
              last: str = "") -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        return _csv(session, [store], store, table, first, last)


@router.get("/stores/{store_id}/sales/section")
def store_section(request: Request, me: Me, store_id: uuid.UUID, table: str = "summary", first: str = "",
                  last: str = "") -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        return _section(request, me, session, [store], store, table, first, last)


def _period(stores: list[Store], first: str, last: str) -> tuple[Period, str | None]:
    today = today_of(stores)
    try:
        return parse_period(first, last, today), None
    except PeriodRefused as refused:
        said = {"bad_date": _("The dates must read YYYY-MM-DD, for example 2026-11-01."),
                "reversed": _("The first day comes after the last day; swap them and try again."),
                "too_long": _("A report covers at most %(days)s days; choose a shorter period.", days=LONGEST_DAYS)}
        return parse_period("", "", today), said[refused.code]


def _urls(store: Store | None, period: Period) -> dict[str, str]:
    query = urlencode({"first": period.first.isoformat(), "last": period.last.isoformat()})
    base = f"/console/stores/{store.id}/sales" if store else "/console/sales"
    return {"back": f"{base}?{query}", "export": f"{base}/export?{query}", "section": f"{base}/section?{query}"}


def _page(request: Request, me: Visitor, session, stores: list[Store], choices: list[Store], store: Store | None,
          first: str, last: str) -> Response:
    """The summary at once; every other table comes in its own request (htmx), so the page shows while the
    database adds up the rest, and a slow table holds up only itself."""
    period, error = _period(stores, first, last)
    summary = build(session, stores, period, only="summary")[0] if stores else None
    sections = [(key, title) for key, title in titles().items() if key != "summary"] if stores else []
    return render(request, "sales.html", 422 if error else 200, me=me, store=store, stores=choices, summary=summary,
                  sections=sections, period=period, previous=period.previous(), error=error, **_urls(store, period),
                  zones=sorted({s.timezone or "America/Toronto" for s in stores}), chart_of=chart_of)


def _section(request: Request, me: Visitor, session, stores: list[Store], store: Store | None, table: str,
             first: str, last: str) -> Response:
    if table not in BUILDERS:
        return render(request, "error.html", 404, me=me, message=_("There is no table %(table)s; use one of the "
                                                                     "page's CSV links.", table=table))
    period, error = _period(stores, first, last)
    if error or not stores:
        return render(request, "error.html", 422 if error else 404, me=me,
                      message=error or _("You have no store yet, so there are no sales to show."))
    made = build(session, stores, period, only=table)[0]
    page = "sales_section.html" if request.headers.get("HX-Request") else "sales_section_page.html"
    return render(request, page, me=me, table=made, chart_of=chart_of, **_urls(store, period))


def _csv(session, stores: list[Store], store: Store | None, table: str, first: str, last: str) -> Response:
    if table not in BUILDERS:
        return Response(_("There is no table %(table)s; use one of the page's CSV links.", table=table) + "\n",
                        status_code=404, media_type="text/plain; charset=utf-8")
    period, error = _period(stores, first, last)
    if error:
        return Response(error + "\n", status_code=422, media_type="text/plain; charset=utf-8")
    made = build(session, stores, period, only=table)[0]
    who = store.store_code if store else "all-stores"
    name = f"sales-{who}-{table}-{period.first.isoformat()}-{period.last.isoformat()}.csv"
    return Response(table_csv(made), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
