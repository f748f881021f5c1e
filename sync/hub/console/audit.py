"""Console pages for a store's records: the audit trail (filtered by staff member, action, terminal and date, with
each terminal's hash chain as a badge and a re-hash on demand) and the age-check log (never an ID number)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from sync.hub import audit_views as views
from sync.hub import tenancy
from sync.hub.audit_chain import verify_chains
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.web import _, render
from sync.hub.store_time import store_zone

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


class BadFilter(ValueError):
    pass


def _day(text: str, what: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadFilter(_("The %(what)s date %(text)s is not a date: use YYYY-MM-DD, for example 2026-12-01.",
                          what=what, text=repr(text[:20]))) from None


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None  # a hand-edited URL: the filter is simply not applied


@router.get("/stores/{store_id}/audit")
def audit_page(request: Request, me: Me, store_id: uuid.UUID, staff: str = "", action: str = "",
               terminal: str = "", since: str = "", until: str = "", page: int = 1) -> Response:
    return _audit(request, me, store_id, staff=staff, action=action[:40], terminal=terminal, since=since[:20],
                  until=until[:20], page=max(1, min(page, 10_000)))


@router.post("/stores/{store_id}/audit/verify", dependencies=[Csrf])
def verify(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    with request.app.state.db.write() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        checks = verify_chains(session, store.id)
        tenancy.audit(session, me.scope, "audit.chains_verified", store_id=store.id,
                      details={"chains": len(checks), "broken": sum(not c.intact for c in checks)})
    return render(request, "audit_verified.html", checks=checks)


def _audit(request: Request, me: Visitor, store_id: uuid.UUID, *, staff: str, action: str, terminal: str,
           since: str, until: str, page: int) -> Response:
    error = None
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        zone = store_zone(store)
        try:
            wanted = views.AuditFilter(staff_id=_uuid(staff), action=action, terminal_id=_uuid(terminal),
                                       since=_day(since, _("from")), until=_day(until, _("to")))
        except BadFilter as bad:
            wanted, error = views.AuditFilter(), str(bad)
        rows, more = views.page_of(session, views.audit_query(store.id, wanted, zone), page)
        entries = [row[0] for row in rows]
        shown = views.names(session, {e.staff_id for e in entries} | {e.approved_by for e in entries},
                            {e.terminal_id for e in entries})
        badges = views.chain_badges(session, store.id)
        staff_choices = views.staff_of_store(session, store.id)
        action_choices = views.actions(session, store.id)
        session.expunge_all()
    return render(request, "audit.html", 422 if error else 200, me=me, store=store, entries=entries, names=shown,
                  badges=badges, staff_choices=staff_choices, action_choices=action_choices, zone=zone,
                  chosen={"staff": staff, "action": action, "terminal": terminal, "since": since, "until": until},
                  page=page, more=more, error=error)


@router.get("/stores/{store_id}/age-checks")
def age_checks_page(request: Request, me: Me, store_id: uuid.UUID, result: str = "", since: str = "",
                    until: str = "", page: int = 1) -> Response:
    page = max(1, min(page, 10_000))
    result = result if result in ("passed", "failed") else ""
    error = None
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        zone = store_zone(store)
        try:
            first, last = _day(since, _("from")), _day(until, _("to"))
        except BadFilter as bad:
            first = last = None
            error = str(bad)
        rows, more = views.page_of(session, views.age_checks_query(store.id, result=result, since=first,
                                                                   until=last, zone=zone), page)
        shown = views.names(session, {r.staff_id for r in rows}, {r.terminal_id for r in rows})
        session.expunge_all()
    return render(request, "age_checks.html", 422 if error else 200, me=me, store=store, checks=rows,
                  names=shown, zone=zone, chosen={"result": result, "since": since, "until": until}, page=page,
                  more=more, error=error)
