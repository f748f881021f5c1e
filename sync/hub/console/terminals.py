"""Console pages for a store's terminals: the paired ones with their last sync and problem counts, a new pairing
code (text and QR code), and revoking a terminal."""

from __future__ import annotations

import uuid
from typing import Annotated

import qrcode
import qrcode.image.svg
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup

from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.web import error_text, redirect, render
from sync.hub.models import Terminal
from sync.hub.tokens import PAIRING_CODE_TTL

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


def qr_svg(text: str) -> Markup:
    """An inline SVG QR code (no image file, no script): the terminal's camera or scanner can read the code."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    return Markup(svg[svg.index("<svg"):])  # noqa: S704 - made here from our own code, not from input


@router.get("/stores/{store_id}/terminals")
def terminals_page(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    return _page(request, me, store_id, code=None)


@router.post("/stores/{store_id}/pairing-codes", dependencies=[Csrf])
def make_pairing_code(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    error = None
    try:
        with request.app.state.db.write() as session:
            code = tenancy.new_pairing_code(session, me.scope, store_id)
    except tenancy.Invalid as refused:
        code, error = None, error_text(refused)
    if request.headers.get("HX-Request"):
        return render(request, "pairing_code.html", 422 if error else 200, code=code, qr=code and qr_svg(code),
                      hours=_hours(), error=error)
    return _page(request, me, store_id, code=code, error=error)


@router.post("/stores/{store_id}/terminals/{terminal_id}/revoke", dependencies=[Csrf])
def revoke_terminal(request: Request, me: Me, store_id: uuid.UUID, terminal_id: uuid.UUID) -> Response:
    with request.app.state.db.write() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        terminal = session.get(Terminal, terminal_id)
        if terminal is None or terminal.store_id != store.id:
            raise tenancy.NotFound("There is no such terminal in this store.")
        tenancy.revoke_terminal(session, me.scope, terminal_id)
    return redirect(f"/console/stores/{store_id}/terminals", request)


def _hours() -> int:
    return int(PAIRING_CODE_TTL.total_seconds() // 3600)


def _page(request: Request, me: Visitor, store_id: uuid.UUID, code: str | None, error: str | None = None):
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        terminals = tenancy.list_terminals(session, me.scope, store_id)
    return render(request, "terminals.html", me=me, store=store, terminals=terminals, code=code,
                  qr=code and qr_svg(code), hours=_hours(), error=error)
