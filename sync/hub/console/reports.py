"""Console page for a store's OCS daily reports: its days, newest first, each exported, amended since exported
or not exported, and the download of a day's file (a POST: the download is recorded as an exported version).
It calls `sync.hub.reports.exports`, as the admin API and `pos-hub report ocs-daily` do."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.language import when
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.reports.exports import day_statuses, export_day
from sync.hub.reports.ocs import ReportRefused, store_clock

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]
DAYS_PER_PAGE = 14


@router.get("/reports")
def reports_home(request: Request, me: Me, store_id: str = "") -> Response:
    """The nav's "Reports" (and the page's store picker): the chosen store's days, else the first store's."""
    with request.app.state.db.read() as session:
        stores = tenancy.list_stores(session, me.scope)
    chosen = next((s for s in stores if str(s.id) == store_id), stores[0] if stores else None)
    if chosen is None:
        return redirect("/console/stores")
    return redirect(f"/console/stores/{chosen.id}/reports/ocs")


@router.get("/stores/{store_id}/reports/ocs")
def ocs_days_page(request: Request, me: Me, store_id: uuid.UUID, page: int = 1, day: str = "") -> Response:
    return _page(request, me, store_id, page, day[:10])


@router.post("/stores/{store_id}/reports/ocs/{day}", dependencies=[Csrf])
def download_day(request: Request, me: Me, store_id: uuid.UUID, day: str) -> Response:
    try:
        wanted = date.fromisoformat(day)
    except ValueError:
        return _page(request, me, store_id, 1, "", error=_("%(day)s is not a date; use YYYY-MM-DD.", day=day),
                     status=422)
    try:
        with request.app.state.db.write() as session:
            store = tenancy.scoped_store(session, me.scope, store_id)
            made = export_day(session, me.scope, store, wanted, f"console: {me.user.username}")
    except ReportRefused as refused:
        return _page(request, me, store_id, 1, wanted.isoformat(), error=error_text(refused), status=422)
    return Response(made.content, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{made.file_name}"'})


def _page(request: Request, me: Visitor, store_id: uuid.UUID, page: int, day: str, *, error: str | None = None,
          status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        stores = tenancy.list_stores(session, me.scope)
        clock = store_clock(session, store)
        if day and clock.first_day is not None:  # "go to a day": the page that holds it
            try:
                back = (clock.today - date.fromisoformat(day)).days
            except ValueError:
                back, error = 0, error or _("%(day)s is not a date; use YYYY-MM-DD.", day=day)
            page = max(back, 0) // DAYS_PER_PAGE + 1
        page = max(page, 1)
        days, total = day_statuses(session, store, offset=(page - 1) * DAYS_PER_PAGE, limit=DAYS_PER_PAGE)
    pages = max((total + DAYS_PER_PAGE - 1) // DAYS_PER_PAGE, 1)
    rows = [{"day": d.day.isoformat(), "date": d.day, "status": d.status, "versions": d.versions, "by": d.exported_by,
             "problem": d.problem,
             "at": when(d.last_exported_at.astimezone(clock.zone)) if d.last_exported_at
             else None} for d in days]
    return render(request, "reports_ocs.html", status, me=me, store=store, stores=stores, rows=rows, page=page,
                  pages=pages, total=total, zone=clock.zone.key, error=error, day=day)
