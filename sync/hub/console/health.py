"""Console pages for sync health: the stores a person reaches with their problem counts, and one store's page
(rejected mutations with the hub's sentence and an Acknowledge button, oversells, late kiosk claims, codes used
beyond their limit, silent terminals). Reads and acknowledges through `sync.hub.sync_health`, as the admin API
does."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from sync.hub import sync_health as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.language import when
from sync.hub.console.web import _, error_text, redirect, render

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


def store_time(zone_name: str):
    """A UTC moment as the store's own clock shows it, with the zone's abbreviation (EST, PDT...)."""
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")

    def show(moment: datetime | None) -> str:
        if moment is None:
            return ""
        local = moment.replace(tzinfo=UTC).astimezone(zone)
        return f"{when(local)} {local:%Z}"

    return show


def mutation_label(name: str) -> str:
    """What the terminal was sending, in the manager's words; the registry name for one not listed."""
    base = name.rsplit(".v", 1)[0]
    labels = {
        "order.completed": _("A sale"), "order.refunded": _("A refund"), "order.voided": _("A void"),
        "inventory.adjusted": _("A stock adjustment"), "inventory.counted": _("A stock count"),
        "shift.closed": _("A shift close"), "age_verification.logged": _("An age check"),
        "audit.logged": _("An audit entry"), "kiosk_ticket.created": _("A kiosk ticket"),
        "kiosk_ticket.claimed": _("A kiosk ticket claim"), "kiosk_ticket.closed": _("A kiosk ticket close"),
        "stock.reserved": _("A stock reservation"), "stock.released": _("A stock release"),
        "po.received": _("A delivery received"), "shelf.assigned": _("A put-away"),
        "po.draft_requested": _("A draft purchase order"), "staff.locked": _("A staff lockout"),
        "staff.unlocked": _("A staff unlock"), "staff.pin_changed": _("A PIN change"),
    }
    return labels.get(base, name)


@router.get("/health")
def overview_page(request: Request, me: Me) -> Response:
    with request.app.state.db.read() as session:
        rows = service.overview(session, me.scope)
    return render(request, "health_overview.html", me=me, rows=rows)


@router.get("/stores/{store_id}/health")
def health_page(request: Request, me: Me, store_id: uuid.UUID, q: str = "", acknowledged: bool = False,
                page: int = 1) -> Response:
    return _page(request, me, store_id, q=q, acknowledged=acknowledged, page=page)


@router.post("/stores/{store_id}/health/acknowledge", dependencies=[Csrf])
def acknowledge(request: Request, me: Me, store_id: uuid.UUID, client_id: str = Form(""),
                mutation_id: str = Form(""), back: str = Form("")) -> Response:
    with request.app.state.db.write() as session:
        service.acknowledge(session, me.scope, store_id, client_id, mutation_id)
    query = back if back.startswith("?") else ""
    return redirect(f"/console/stores/{store_id}/health{query}", request)


@router.post("/stores/{store_id}/health/settings", dependencies=[Csrf])
def save_settings(request: Request, me: Me, store_id: uuid.UUID, minutes: str = Form("")) -> Response:
    try:
        with request.app.state.db.write() as session:
            service.set_silent_minutes(session, me.scope, store_id, minutes)
    except tenancy.Invalid as error:
        return _page(request, me, store_id, settings_error=error_text(error), status=422, typed=minutes)
    return redirect(f"/console/stores/{store_id}/health?saved=1")


def _page(request: Request, me: Visitor, store_id: uuid.UUID, *, q: str = "", acknowledged: bool = False,
          page: int = 1, settings_error: str | None = None, status: int = 200, typed: str | None = None) -> Response:
    page = max(page, 1)
    with request.app.state.db.read() as session:
        health = service.store_health(session, me.scope, store_id, acknowledged=acknowledged, search=q,
                                      offset=(page - 1) * service.PAGE_SIZE)
    pages = max(1, -(-health.rejected_total // service.PAGE_SIZE))
    kept = {key: value for key, value in (("q", q.strip()), ("acknowledged", "true" if acknowledged else "")) if value}
    here = {**kept, "page": str(page)} if page > 1 else kept
    return render(request, "health.html", status, me=me, store=health.store, health=health, q=q.strip()[:100],
                  acknowledged=acknowledged, page=page, pages=pages, back="?" + urlencode(here) if here else "",
                  keep=urlencode(kept) + "&" if kept else "",
                  when=store_time(health.store.timezone), label=mutation_label, settings_error=settings_error,
                  typed=typed, saved=request.query_params.get("saved") == "1")
