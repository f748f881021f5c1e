"""Console pages of the catalog: browse and search it (cannabis and accessories, with stock in the visitor's
stores), a product's page with its stock by store, and adding or editing an accessory. They call
`sync.hub.catalog` and `sync.hub.accessories`, as the admin API does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from sqlalchemy import select

from sync.hub import accessories, tenancy
from sync.hub import catalog as service
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.language import typed_amount
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.models import Accessory, HubAudit

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]
STORE_COLUMNS = 4  # more stores than this and the list shows their total; the product's page has each


class AccessoryForm(accessories.AccessoryIn):
    active: bool = False  # a checkbox: "on" when ticked, absent when not

    @classmethod
    def of(cls, accessory: Accessory) -> AccessoryForm:
        return cls(sku=accessory.sku, name=accessory.name, category_id=str(accessory.category_id or ""),
                   price=str(accessory.retail_price), cost=str(accessory.unit_cost), gtin=accessory.barcode or "",
                   brand=accessory.brand or "", active=accessory.is_active)


def _can_edit(me: Visitor) -> bool:
    return me.scope.store_ids is None


@router.get("/catalog")
def catalog_page(request: Request, me: Me, kind: str = "cannabis", q: str = "", page: int = 1) -> Response:
    with request.app.state.db.read() as session:
        result = service.browse(session, me.scope, kind=kind, search=q, page=page)
        notice = (_saved_notice(session, me, request.query_params.get("saved"))
                  or _imported_notice(session, me, request.query_params.get("imported")))
    if len(result.stores) <= STORE_COLUMNS:
        stock_headers = [(_("On hand %(code)s", code=store.store_code), "num") for store in result.stores]
    else:
        stock_headers = [(_("On hand in your %(count)s stores", count=len(result.stores)), "num")]
    return render(request, "catalog.html", me=me, result=result, stock_headers=stock_headers,
                  can_edit=_can_edit(me), notice=notice)


def _saved_notice(session, me: Visitor, accessory_id: str | None) -> str | None:
    """The sentence after a save names the accessory from the database, never words taken from the link."""
    try:
        saved = accessories.accessory_of(session, me.scope, uuid.UUID(accessory_id or ""))
    except (ValueError, tenancy.TenancyError):
        return None
    return _("%(name)s (%(sku)s) is saved; every store's registers get it at their next sync.", name=saved.name,
             sku=saved.sku)


def _imported_notice(session, me: Visitor, upload_id: str | None) -> str | None:
    """What an import did, read from its audit entry (this visitor's own), not from the link."""
    if not upload_id:
        return None
    details = session.scalar(select(HubAudit.details).where(
        HubAudit.tenant_id == me.scope.tenant_id, HubAudit.user_id == me.user.id,
        HubAudit.action == "catalog.imported", HubAudit.entity_id == upload_id[:64]))
    if details is None:
        return None
    return _("%(file)s is imported: %(created)s new and %(updated)s updated products. Every store's registers get "
             "them at their next sync.", file=details["file"], created=details["created"], updated=details["updated"])


@router.get("/catalog/cannabis/{item_id}")
def cannabis_page(request: Request, me: Me, item_id: uuid.UUID) -> Response:
    return _item_page(request, me, "cannabis", item_id)


@router.get("/catalog/accessories/new")
def new_accessory_page(request: Request, me: Me) -> Response:
    with request.app.state.db.read() as session:
        if not _can_edit(me):
            raise tenancy.OutOfScope(_("Only an owner or admin of the tenant can add or change accessories."))
        categories = accessories.categories(session, me.scope)
    return render(request, "accessory_form.html", me=me, form=AccessoryForm(active=True), categories=categories,
                  error=None)


@router.post("/catalog/accessories", dependencies=[Csrf])
def create_accessory(request: Request, me: Me, form: Annotated[AccessoryForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            accessory_id = accessories.save_accessory(session, me.scope, _typed(form)).id
    except tenancy.Invalid as error:
        with request.app.state.db.read() as session:
            categories = accessories.categories(session, me.scope)
        return render(request, "accessory_form.html", 422, me=me, form=form, categories=categories,
                      error=error_text(error))
    return redirect(f"/console/catalog?kind=accessories&saved={accessory_id}")


@router.get("/catalog/accessories/{item_id}")
def accessory_page(request: Request, me: Me, item_id: uuid.UUID) -> Response:
    return _item_page(request, me, "accessories", item_id)


@router.post("/catalog/accessories/{item_id}", dependencies=[Csrf])
def update_accessory(request: Request, me: Me, item_id: uuid.UUID,
                     form: Annotated[AccessoryForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            accessories.save_accessory(session, me.scope, _typed(form), item_id)
    except tenancy.Invalid as error:
        return _item_page(request, me, "accessories", item_id, form=form, error=error_text(error), status=422)
    return redirect(f"/console/catalog?kind=accessories&saved={item_id}")


def _typed(form: AccessoryForm) -> AccessoryForm:
    """The price and cost as the services read them, when typed the French way (`4,99`)."""
    return form.model_copy(update={"price": typed_amount(form.price), "cost": typed_amount(form.cost)})


def _item_page(request: Request, me: Visitor, kind: str, item_id: uuid.UUID, *, form: AccessoryForm | None = None,
               error: str | None = None, status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        item = service.item(session, me.scope, kind, item_id)
        stock = service.stock_by_store(session, me.scope, item.sku)
        categories = accessories.categories(session, me.scope) if kind == "accessories" else []
        if form is None and kind == "accessories" and _can_edit(me):
            form = AccessoryForm.of(accessories.accessory_of(session, me.scope, item_id))
    return render(request, "catalog_item.html", status, me=me, item=item, stock=stock, form=form,
                  categories=categories, notice=None, error=error)
