"""Console pages for stores: the list, a new store, editing one, activating and deactivating it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import select

from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.models import HubAudit, ProvinceTerritory

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


class StoreForm(BaseModel):
    store_code: str = ""
    name: str = ""
    province_code: str = "ON"
    street: str = ""
    city: str = ""
    postal_code: str = ""
    phone: str = ""
    email: str = ""
    timezone: str = "America/Toronto"
    license_number: str = ""
    license_expiry: str = ""

    def fields(self) -> dict:
        values = self.model_dump(exclude={"store_code", "name", "province_code", "license_expiry"})
        values = {key: value.strip() or None if key in ("phone", "email", "license_number") else value
                  for key, value in values.items()}
        values["name"] = self.name
        values["license_expiry"] = _date(self.license_expiry)
        return values


def _date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise tenancy.Invalid(_("The licence expiry is not a date; use the form 2027-03-31.")) from None


def _provinces(session) -> list[tuple[str, str]]:
    known = dict(session.execute(select(ProvinceTerritory.code, ProvinceTerritory.name)).all())
    return [(code, known.get(code, code)) for code in tenancy.PROVINCE_CODES]


def _default_province(session, me: Visitor) -> str:
    created = session.scalar(select(HubAudit.details).where(HubAudit.tenant_id == me.scope.tenant_id,
                                                            HubAudit.action == "tenant.created"))
    return (created or {}).get("province", "ON")


@router.get("/stores")
def stores_page(request: Request, me: Me) -> Response:
    with request.app.state.db.read() as session:
        stores = tenancy.list_stores(session, me.scope)
        codes = dict(session.execute(select(ProvinceTerritory.id, ProvinceTerritory.code)).all())
        rows = [(store, codes.get(store.province_territory_id, "")) for store in stores]
    return render(request, "stores.html", me=me, rows=rows, can_create=me.scope.store_ids is None,
                  notice=_notice(request, {store.store_code for store in stores}))


def _notice(request: Request, codes: set[str]) -> str | None:
    """What was just done, from the redirect's query; only about one of the listed stores, so a link cannot
    put words of its choosing on the page."""
    sentences = {"created": _("Store %(code)s was created."), "saved": _("Store %(code)s was saved."),
                 "activated": _("Store %(code)s is active."), "deactivated": _("Store %(code)s is deactivated.")}
    for key, sentence in sentences.items():
        code = request.query_params.get(key)
        if code in codes:
            return sentence % {"code": code}
    return None


@router.get("/stores/new")
def new_store_page(request: Request, me: Me) -> Response:
    with request.app.state.db.read() as session:
        if me.scope.store_ids is not None:
            raise tenancy.OutOfScope(_("Only an owner or admin of the tenant can open a store."))
        form = StoreForm(province_code=_default_province(session, me))
        provinces = _provinces(session)
    return render(request, "store_form.html", me=me, form=form, store=None, provinces=provinces, error=None)


@router.post("/stores", dependencies=[Csrf])
def create_store(request: Request, me: Me, form: Annotated[StoreForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            store = tenancy.create_store(session, me.scope, store_code=form.store_code,
                                         province_code=form.province_code, **form.fields())
            code = store.store_code
    except tenancy.Invalid as error:
        return _form_again(request, me, form, None, error_text(error))
    return redirect(f"/console/stores?created={code}")


@router.get("/stores/{store_id}/edit")
def edit_store_page(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        province = session.get(ProvinceTerritory, store.province_territory_id)
        form = StoreForm(store_code=store.store_code, province_code=province.code if province else "ON",
                         **{key: str(getattr(store, key) or "") for key in (
                             "name", "street", "city", "postal_code", "phone", "email", "timezone",
                             "license_number", "license_expiry")})
        provinces = _provinces(session)
    return render(request, "store_form.html", me=me, form=form, store=store, provinces=provinces, error=None)


@router.post("/stores/{store_id}", dependencies=[Csrf])
def update_store(request: Request, me: Me, store_id: uuid.UUID, form: Annotated[StoreForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            store = tenancy.update_store(session, me.scope, store_id, province_code=form.province_code,
                                         **form.fields())
            code = store.store_code
    except tenancy.Invalid as error:
        with request.app.state.db.read() as session:
            store = tenancy.scoped_store(session, me.scope, store_id)
        return _form_again(request, me, form, store, error_text(error))
    return redirect(f"/console/stores?saved={code}")


@router.post("/stores/{store_id}/activate", dependencies=[Csrf])
def activate_store(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    return _set_active(request, me, store_id, True)


@router.post("/stores/{store_id}/deactivate", dependencies=[Csrf])
def deactivate_store(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    return _set_active(request, me, store_id, False)


def _set_active(request: Request, me: Visitor, store_id: uuid.UUID, active: bool) -> Response:
    with request.app.state.db.write() as session:
        store = tenancy.set_store_active(session, me.scope, store_id, active)
        code = store.store_code
    return redirect(f"/console/stores?{'activated' if active else 'deactivated'}={code}", request)


def _form_again(request: Request, me: Visitor, form: StoreForm, store, error: str) -> Response:
    with request.app.state.db.read() as session:
        provinces = _provinces(session)
    return render(request, "store_form.html", 422, me=me, form=form, store=store, provinces=provinces, error=error)


def N_(text: str) -> str:
    """Marks a string for the catalog where it is written; `_()` translates it when the page is shown."""
    return text


# A store's own page: everything about it, one link each (the stores list keeps only the daily ones). Declared
# after /stores/new so that "new" is never read as a store id.
STORE_SECTIONS = (
    ("terminals", N_("Terminals"), N_("Paired terminals, pairing codes and revoking one.")),
    ("staff", N_("Staff"), N_("Register staff, their PINs, discount limits and stores.")),
    ("prices", N_("Prices"), N_("Price overrides, scheduled price changes and their history.")),
    ("promotions", N_("Promotions"), N_("The store's promotions, and the tenant's that apply here.")),
    ("discount-codes", N_("Discount codes"), N_("Codes, their limits and how often they were used.")),
    ("purchase-orders", N_("Purchase orders"), N_("Orders and shipping notices, and what the store received.")),
    ("health", N_("Sync health"), N_("Rejected changes, oversells and terminals that went silent.")),
    ("card-batches", N_("Card batches"), N_("Each register's daily card batch against its card payments.")),
    ("audit", N_("Audit trail"), N_("What staff did at the terminals, with each terminal's hash chain.")),
    ("age-checks", N_("Age checks"), N_("How each customer's age was checked, and the result.")),
    ("reports/ocs", N_("OCS reports"), N_("The OCS daily sales and inventory file of each day.")),
    ("sales", N_("Sales"), N_("Sales, taxes, discounts, refunds, payments and shrinkage, with charts and CSV.")),
)


@router.get("/stores/{store_id}")
def store_page(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        province = session.scalar(select(ProvinceTerritory.code).where(
            ProvinceTerritory.id == store.province_territory_id)) or ""
        session.expunge(store)
    sections = [(path, _(label), _(hint)) for path, label, hint in STORE_SECTIONS]
    return render(request, "store.html", me=me, store=store, province=province, sections=sections)
