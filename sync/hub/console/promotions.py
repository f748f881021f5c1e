"""Console pages for a store's promotions and discount codes: the lists (with status), a new or changed
promotion of each kind, a new code, pausing and resuming. Every change goes through `sync.hub.promotions`, which
checks it with the tenant's others by the rules imports and the admin API use, and feeds it to the terminals."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from sync.hub import promotion_changes as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.promotion_forms import KINDS, CodeForm, PromotionForm, day_names, kind_names
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.models import DiscountCode, Promotion, Store
from sync.hub.promotions import PromotionsRejected

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


def _base(store_id: uuid.UUID) -> str:
    return f"/console/stores/{store_id}/promotions"


@router.get("/promotions")
def promotions_home(request: Request, me: Me) -> Response:
    """The nav's link: the promotions of the first store the person reaches."""
    with request.app.state.db.read() as session:
        stores = tenancy.list_stores(session, me.scope)
    return redirect(_base(stores[0].id) if stores else "/console/stores")


def _status_names() -> dict[str, str]:
    return {"active": _("Active"), "scheduled": _("Scheduled"), "paused": _("Paused"), "expired": _("Expired")}


@router.get("/stores/{store_id}/promotions")
def promotions_page(request: Request, me: Me, store_id: uuid.UUID, q: str = "", page: int = 1) -> Response:
    with request.app.state.db.read() as session:
        listing = _listing(session, me, Promotion, store_id, q, page)
        stores = tenancy.list_stores(session, me.scope)
    return render(request, "promotions.html", **listing, stores=stores, kinds=kind_names(), notice=_notice(request))


def _listing(session, me: Visitor, model, store_id: uuid.UUID, q: str, page: int) -> dict:
    """What a list page of promotions or codes shows: a page of rows with their status, searched on the server."""
    page, search = max(page, 1), q.strip()[:100]
    store = tenancy.scoped_store(session, me.scope, store_id)
    rows, total = service.store_listing(session, me.scope, model, store_id, search,
                                        offset=(page - 1) * service.PAGE_SIZE)
    return {"me": me, "store": store, "rows": [(row, service.promotion_status(row)) for row in rows],
            "q": search, "page": page, "pages": max(1, -(-total // service.PAGE_SIZE)),
            "keep": urlencode({"q": search}) + "&" if search else "", "statuses": _status_names(),
            "can_all": me.scope.store_ids is None}


def _notice(request: Request) -> str | None:
    """What was just done, from the redirect's query; the name shown is never taken from the link."""
    sentences = {"created": _("The promotion was created; the registers take it at their next sync."),
                 "saved": _("The promotion was saved; the registers take the change at their next sync."),
                 "paused": _("The promotion is paused; the registers stop applying it at their next sync."),
                 "resumed": _("The promotion runs again from the registers' next sync."),
                 "code_created": _("The discount code was created."),
                 "code_paused": _("The discount code is paused."), "code_resumed": _("The discount code works again.")}
    return next((text for key, text in sentences.items() if key in request.query_params), None)


def _form_page(request: Request, me: Visitor, store: Store, form: PromotionForm, promotion: Promotion | None,
               problems: list[str] | None = None, status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        categories, brands = service.catalog_names(session, me.scope.tenant_id)
    return render(request, "promotion_form.html", status, me=me, store=store, form=form, promotion=promotion,
                  problems=problems or [], kinds=kind_names(), days=day_names(), categories=categories,
                  brands=brands, can_all=me.scope.store_ids is None)


@router.get("/stores/{store_id}/promotions/new")
def new_promotion_page(request: Request, me: Me, store_id: uuid.UUID,
                       form: Annotated[PromotionForm, Query()]) -> Response:
    """Also the form again with another kind's fields, for a browser without scripts (its button sends here)."""
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
    return _form_page(request, me, store, form if form.kind in KINDS else PromotionForm(), None)


@router.get("/stores/{store_id}/promotions/fields")
def kind_fields(request: Request, me: Me, store_id: uuid.UUID, form: Annotated[PromotionForm, Query()]) -> Response:
    """htmx: the fields of the kind just chosen, keeping what was typed."""
    with request.app.state.db.read() as session:
        tenancy.scoped_store(session, me.scope, store_id)
    return render(request, "promotion_kind_fields.html", form=form if form.kind in KINDS else PromotionForm())


@router.post("/stores/{store_id}/promotions", dependencies=[Csrf])
def create_promotion(request: Request, me: Me, store_id: uuid.UUID,
                     form: Annotated[PromotionForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            store = tenancy.scoped_store(session, me.scope, store_id)
            row = form.row(service.next_number(session, me.scope.tenant_id, Promotion))
            service.create_promotion(session, me.scope, row, None if form.every_store else store_id, store.timezone)
    except (ValueError, tenancy.Invalid) as refused:
        return _form_again(request, me, store_id, form, None, refused)
    return redirect(f"{_base(store_id)}?created=1")


@router.get("/stores/{store_id}/promotions/{promotion_id}/edit")
def edit_promotion_page(request: Request, me: Me, store_id: uuid.UUID, promotion_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        promotion = service.scoped_promotion(session, me.scope, Promotion, promotion_id, store_id=store_id,
                                             changing=False)
        form = PromotionForm.of(promotion)
    return _form_page(request, me, store, form, promotion)


@router.post("/stores/{store_id}/promotions/{promotion_id}", dependencies=[Csrf])
def save_promotion(request: Request, me: Me, store_id: uuid.UUID, promotion_id: uuid.UUID,
                   form: Annotated[PromotionForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            store = tenancy.scoped_store(session, me.scope, store_id)
            promotion = service.scoped_promotion(session, me.scope, Promotion, promotion_id, store_id=store_id)
            service.update_promotion(session, me.scope, promotion_id, form.row(promotion.number), store.timezone,
                                     store_id=store_id)
    except (ValueError, tenancy.Invalid) as refused:
        return _form_again(request, me, store_id, form, promotion_id, refused)
    return redirect(f"{_base(store_id)}?saved=1")


def _form_again(request: Request, me: Visitor, store_id: uuid.UUID, form: PromotionForm,
                promotion_id: uuid.UUID | None, refused: Exception) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        promotion = promotion_id and service.scoped_promotion(session, me.scope, Promotion, promotion_id,
                                                              store_id=store_id, changing=False)
    return _form_page(request, me, store, form, promotion or None, _problems(refused), 422)


def _problems(refused: Exception) -> list[str]:
    if isinstance(refused, PromotionsRejected):
        return [error_text(problem) for problem in refused.problems]
    first = refused.args[0] if refused.args else str(refused)
    return list(first) if isinstance(first, list) else [error_text(refused)]


@router.post("/stores/{store_id}/promotions/{promotion_id}/pause", dependencies=[Csrf])
def pause_promotion(request: Request, me: Me, store_id: uuid.UUID, promotion_id: uuid.UUID) -> Response:
    return _set_active(request, me, store_id, Promotion, promotion_id, False)


@router.post("/stores/{store_id}/promotions/{promotion_id}/resume", dependencies=[Csrf])
def resume_promotion(request: Request, me: Me, store_id: uuid.UUID, promotion_id: uuid.UUID) -> Response:
    return _set_active(request, me, store_id, Promotion, promotion_id, True)


def _set_active(request: Request, me: Visitor, store_id: uuid.UUID, model, obj_id: uuid.UUID,
                active: bool) -> Response:
    with request.app.state.db.write() as session:
        tenancy.scoped_store(session, me.scope, store_id)
        service.change_active(session, me.scope, model, obj_id, active, store_id=store_id)
    if model is Promotion:
        return redirect(f"{_base(store_id)}?{'resumed' if active else 'paused'}=1", request)
    return redirect(f"/console/stores/{store_id}/discount-codes?{'code_resumed' if active else 'code_paused'}=1",
                    request)


@router.get("/stores/{store_id}/discount-codes")
def codes_page(request: Request, me: Me, store_id: uuid.UUID, q: str = "", page: int = 1) -> Response:
    with request.app.state.db.read() as session:
        listing = _listing(session, me, DiscountCode, store_id, q, page)
    return render(request, "discount_codes.html", **listing, notice=_notice(request))


@router.get("/stores/{store_id}/discount-codes/new")
def new_code_page(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
    return render(request, "discount_code_form.html", me=me, store=store, form=CodeForm(), problems=[],
                  can_all=me.scope.store_ids is None)


@router.post("/stores/{store_id}/discount-codes", dependencies=[Csrf])
def create_code(request: Request, me: Me, store_id: uuid.UUID, form: Annotated[CodeForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            store = tenancy.scoped_store(session, me.scope, store_id)
            row = form.row(service.next_number(session, me.scope.tenant_id, DiscountCode))
            service.create_code(session, me.scope, row, None if form.every_store else store_id, store.timezone)
    except (ValueError, tenancy.Invalid) as refused:
        with request.app.state.db.read() as session:
            store = tenancy.scoped_store(session, me.scope, store_id)
        return render(request, "discount_code_form.html", 422, me=me, store=store, form=form,
                      problems=_problems(refused), can_all=me.scope.store_ids is None)
    return redirect(f"/console/stores/{store_id}/discount-codes?code_created=1")


@router.post("/stores/{store_id}/discount-codes/{code_id}/pause", dependencies=[Csrf])
def pause_code(request: Request, me: Me, store_id: uuid.UUID, code_id: uuid.UUID) -> Response:
    return _set_active(request, me, store_id, DiscountCode, code_id, False)


@router.post("/stores/{store_id}/discount-codes/{code_id}/resume", dependencies=[Csrf])
def resume_code(request: Request, me: Me, store_id: uuid.UUID, code_id: uuid.UUID) -> Response:
    return _set_active(request, me, store_id, DiscountCode, code_id, True)
