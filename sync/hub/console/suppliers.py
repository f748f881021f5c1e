"""Console pages for suppliers: the list (the tenant's own and the shared provincial ones), adding, editing and
deleting the tenant's own. They call `sync.hub.suppliers`, as the admin API does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import select

from sync.hub import suppliers as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.stores import _provinces
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.models import HubAudit, ProvincialSupplier

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]
PAGE_SIZE = 25


class SupplierForm(BaseModel):
    code: str = ""
    name: str = ""
    province: str = "ON"
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    address: str = ""
    license_number: str = ""
    payment_terms: str = ""
    notes: str = ""
    is_active: bool = False

    def fields(self) -> dict:
        return self.model_dump(exclude={"code"})

    @classmethod
    def of(cls, supplier: ProvincialSupplier) -> SupplierForm:
        return cls(**{key: getattr(supplier, key) or "" for key in cls.model_fields if key != "is_active"},
                   is_active=supplier.is_active)


@router.get("/suppliers")
def suppliers_page(request: Request, me: Me, q: str = "", offset: int = 0) -> Response:
    search, offset = q[:100], max(offset, 0)
    with request.app.state.db.read() as session:
        page = service.list_suppliers(session, me.scope, search, limit=PAGE_SIZE, offset=offset)
        notice = _notice(session, request, me)
    return render(request, "suppliers.html", me=me, page=page, search=search, offset=offset, size=PAGE_SIZE,
                  can_edit=me.scope.store_ids is None, notice=notice)


def _notice(session, request: Request, me: Visitor) -> str | None:
    """What was just done, from the redirect's query; only about a supplier of this tenant that it really
    happened to (a deleted one, by its audit row), so a link cannot put words of its choosing on the page."""
    sentences = {"added": _("Supplier %(code)s was added."), "saved": _("Supplier %(code)s was saved."),
                 "deleted": _("Supplier %(code)s was deleted.")}
    for key, sentence in sentences.items():
        value = request.query_params.get(key, "")
        if not value:
            continue
        if key == "deleted":
            code = session.scalar(select(HubAudit.details).where(
                HubAudit.tenant_id == me.scope.tenant_id, HubAudit.action == "supplier.deleted",
                HubAudit.entity_id == value[:40]))
            code = (code or {}).get("code")
        else:
            code = session.scalar(select(ProvincialSupplier.code).where(
                ProvincialSupplier.tenant_id == me.scope.tenant_id, ProvincialSupplier.code == value[:20]))
        if code:
            return sentence % {"code": code}
    return None


@router.get("/suppliers/new")
def new_supplier_page(request: Request, me: Me) -> Response:
    if me.scope.store_ids is not None:
        raise tenancy.OutOfScope(_("Only an owner or admin can add suppliers; a manager can read them."))
    return _form(request, me, SupplierForm(is_active=True), None)


@router.post("/suppliers", dependencies=[Csrf])
def create_supplier(request: Request, me: Me, form: Annotated[SupplierForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            code = service.create_supplier(session, me.scope, code=form.code, **form.fields()).code
    except tenancy.Invalid as error:
        return _form(request, me, form, None, error_text(error), 422)
    return redirect(f"/console/suppliers?added={code}")


@router.get("/suppliers/{supplier_id}/edit")
def edit_supplier_page(request: Request, me: Me, supplier_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        supplier = service.scoped_supplier(session, me.scope, supplier_id)
        form = SupplierForm.of(supplier)
    return _form(request, me, form, supplier_id)


@router.post("/suppliers/{supplier_id}", dependencies=[Csrf])
def update_supplier(request: Request, me: Me, supplier_id: uuid.UUID,
                    form: Annotated[SupplierForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            code = service.update_supplier(session, me.scope, supplier_id, **form.fields()).code
    except tenancy.Invalid as error:
        return _form(request, me, form, supplier_id, error_text(error), 422)
    return redirect(f"/console/suppliers?saved={code}")


@router.post("/suppliers/{supplier_id}/delete", dependencies=[Csrf])
def delete_supplier(request: Request, me: Me, supplier_id: uuid.UUID) -> Response:
    try:
        with request.app.state.db.write() as session:
            service.delete_supplier(session, me.scope, supplier_id)
    except tenancy.Invalid as error:
        with request.app.state.db.read() as session:
            form = SupplierForm.of(service.scoped_supplier(session, me.scope, supplier_id))
        return _form(request, me, form, supplier_id, error_text(error), 409)
    return redirect(f"/console/suppliers?deleted={supplier_id}")


def _form(request: Request, me: Visitor, form: SupplierForm, supplier_id: uuid.UUID | None, error: str | None = None,
          status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        provinces = _provinces(session)
    return render(request, "supplier_form.html", status, me=me, form=form, supplier_id=supplier_id,
                  provinces=provinces, error=error)
