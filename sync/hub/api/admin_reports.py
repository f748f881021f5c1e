"""Admin API: the OCS daily sales and inventory report of a store, and its days with their export status.

Asking for the file exports it: the version is recorded (who, when, sha256), as the console's download and
`pos-hub report ocs-daily` do, through the same service (`sync.hub.reports.exports`).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel

from sync.hub.api.admin_common import RESPONSES, Paging, scoped_store
from sync.hub.api.deps import admin_principal, get_db
from sync.hub.database import Database
from sync.hub.reports.exports import day_statuses, export_day
from sync.hub.reports.ocs import DayUnbalanced, ReportRefused
from sync.hub.tenancy import Scope
from sync.hub.tokens import Principal

router = APIRouter(prefix="/api/v1", tags=["admin"], responses=RESPONSES)
Admin = Depends(admin_principal)
Db = Depends(get_db)

CSV_RESPONSE = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                      "description": "The day's report file; this version is recorded as exported."}}


class DaysOut(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def refused(error: ReportRefused) -> HTTPException:
    return HTTPException(409 if isinstance(error, DayUnbalanced) else 400, str(error))


@router.get("/stores/{store_id}/reports/ocs-daily", responses=CSV_RESPONSE, response_class=Response)
def ocs_daily(store_id: uuid.UUID, day: date = Query(..., alias="date", description="The store-local day."),
              principal: Principal = Admin, db: Database = Db):
    try:
        with db.write() as session:
            store = scoped_store(session, principal, store_id)
            made = export_day(session, Scope(principal.tenant_id, via="api"), store, day, "api: admin token")
    except ReportRefused as error:
        raise refused(error) from None
    return Response(made.content, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{made.file_name}"',
                             "X-Content-SHA256": made.sha256})


@router.get("/stores/{store_id}/reports/ocs-daily/days", response_model=DaysOut)
def ocs_daily_days(store_id: uuid.UUID, paging: Paging = Depends(), principal: Principal = Admin,
                   db: Database = Db):
    try:
        with db.read() as session:
            store = scoped_store(session, principal, store_id)
            days, total = day_statuses(session, store, offset=paging.offset, limit=paging.limit)
    except ReportRefused as error:
        raise refused(error) from None
    items = [{"date": d.day.isoformat(), "status": d.status, "versions": d.versions,
              "last_exported_at": d.last_exported_at.isoformat() if d.last_exported_at else None,
              "exported_by": d.exported_by, "problem": d.problem} for d in days]
    return DaysOut(items=items, total=total, limit=paging.limit, offset=paging.offset)
