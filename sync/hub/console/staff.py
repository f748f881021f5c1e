"""Console pages for a store's register staff: the list, adding and editing one (their stores and their own
discount limit too), a temporary PIN, unlocking, activating and deactivating. Every action calls `sync.hub.staff`,
as the admin API does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel

from sync.hub import staff as service
from sync.hub import tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.language import plain, typed_amount
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.models import User
from sync.staff_rules import ROLE_DISCOUNT_CAP_PERCENT

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]


class StaffForm(BaseModel):
    staff_code: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    role: str = "cashier"
    all_stores: bool = False
    # The stores' boxes were on the form (none ticked is then a choice, refused with a sentence), and the ticked ones.
    stores_shown: bool = False
    stores: list[uuid.UUID] = []
    discount_cap_percent: str = ""
    pin: str = ""

    def fields(self) -> dict:
        return {"first_name": self.first_name, "last_name": self.last_name, "email": self.email, "role": self.role,
                "discount_cap_percent": typed_amount(self.discount_cap_percent)}

    def chosen_stores(self) -> list[uuid.UUID] | None:
        return None if self.all_stores or not self.stores_shown else self.stores

    @classmethod
    def of(cls, user: User) -> StaffForm:
        cap = user.discount_cap_percent
        return cls(staff_code=user.staff_code, first_name=user.first_name or "", last_name=user.last_name or "",
                   email=user.email or "", role=user.role, all_stores=user.stores() is None,
                   stores=sorted(user.stores() or (), key=str), discount_cap_percent=plain(cap))


def _base(store_id: uuid.UUID) -> str:
    return f"/console/stores/{store_id}/staff"


@router.get("/stores/{store_id}/staff")
def staff_page(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        people = service.list_staff(session, me.scope, store_id)
        codes = {one.id: one.store_code for one in tenancy.list_stores(session, tenancy.Scope(me.scope.tenant_id))}
        rows = [(user, service.is_locked(user), _works_in(user, store.id, codes), _may_change(me, user))
                for user in people]
    return render(request, "staff.html", me=me, store=store, rows=rows, notice=_notice(request, people),
                  role_caps=ROLE_DISCOUNT_CAP_PERCENT)


def _works_in(user: User, here: uuid.UUID, codes: dict[uuid.UUID, str]) -> str:
    stores = user.stores()
    if stores is None:
        return _("Every store")
    if stores == {here}:
        return _("This store")
    return ", ".join(sorted(codes.get(one, "?") for one in stores))


def _may_change(me: Visitor, user: User) -> bool:
    stores = user.stores()
    return me.scope.store_ids is None or (stores is not None and stores <= me.scope.store_ids)


def _notice(request: Request, people: list[User]) -> str | None:
    """What was just done, named from the redirect's query; only about a listed staff member."""
    codes = {user.staff_code for user in people}
    sentences = {"added": _("%(code)s was added. Their PIN is temporary: the register asks them for a new one "
                            "at their first sign-in."),
                 "saved": _("%(code)s was saved."),
                 "pin": _("%(code)s has a new temporary PIN. Give it to them in person; the register asks them "
                          "for a new one at their next sign-in."),
                 "unlocked": _("%(code)s is unlocked and can sign in at the registers again."),
                 "activated": _("%(code)s is active."), "deactivated": _("%(code)s is deactivated.")}
    for key, sentence in sentences.items():
        code = request.query_params.get(key)
        if code in codes:
            return sentence % {"code": code}
    return None


@router.get("/stores/{store_id}/staff/new")
def new_staff_page(request: Request, me: Me, store_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
    return _form(request, me, store, StaffForm(stores=[store.id]), None)


@router.post("/stores/{store_id}/staff", dependencies=[Csrf])
def add_staff(request: Request, me: Me, store_id: uuid.UUID, form: Annotated[StaffForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            user = service.create_staff(session, me.scope, store_id, staff_code=form.staff_code, pin=form.pin,
                                        all_stores=form.all_stores, store_ids=form.chosen_stores(),
                                        **form.fields())
            code = user.staff_code
    except tenancy.Invalid as error:
        return _form_again(request, me, store_id, form.model_copy(update={"pin": ""}), None, error_text(error))
    return redirect(f"{_base(store_id)}?added={code}")


@router.get("/stores/{store_id}/staff/{staff_id}/edit")
def edit_staff_page(request: Request, me: Me, store_id: uuid.UUID, staff_id: uuid.UUID) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        user = service.scoped_staff(session, me.scope, staff_id, store_id=store_id, changing=False)
        form = StaffForm.of(user)
        locked = service.is_locked(user)
    return _form(request, me, store, form, user, locked=locked)


@router.post("/stores/{store_id}/staff/{staff_id}", dependencies=[Csrf])
def save_staff(request: Request, me: Me, store_id: uuid.UUID, staff_id: uuid.UUID,
               form: Annotated[StaffForm, Form()]) -> Response:
    try:
        with request.app.state.db.write() as session:
            user = service.update_staff(session, me.scope, staff_id, store_id=store_id, all_stores=form.all_stores,
                                        store_ids=form.chosen_stores(), **form.fields())
            code = user.staff_code
    except tenancy.Invalid as error:
        return _form_again(request, me, store_id, form, staff_id, error_text(error))
    return redirect(f"{_base(store_id)}?saved={code}")


@router.post("/stores/{store_id}/staff/{staff_id}/pin", dependencies=[Csrf])
def set_pin(request: Request, me: Me, store_id: uuid.UUID, staff_id: uuid.UUID, pin: str = Form("")) -> Response:
    try:
        with request.app.state.db.write() as session:
            code = service.set_temporary_pin(session, me.scope, staff_id, pin, store_id=store_id).staff_code
    except tenancy.Invalid as error:
        with request.app.state.db.read() as session:
            form = StaffForm.of(service.scoped_staff(session, me.scope, staff_id, store_id=store_id))
        return _form_again(request, me, store_id, form, staff_id, None, pin_error=error_text(error))
    return redirect(f"{_base(store_id)}?pin={code}", request)


@router.post("/stores/{store_id}/staff/{staff_id}/unlock", dependencies=[Csrf])
def unlock(request: Request, me: Me, store_id: uuid.UUID, staff_id: uuid.UUID) -> Response:
    with request.app.state.db.write() as session:
        code = service.unlock_staff(session, me.scope, staff_id, store_id=store_id).staff_code
    return redirect(f"{_base(store_id)}?unlocked={code}", request)


@router.post("/stores/{store_id}/staff/{staff_id}/activate", dependencies=[Csrf])
def activate(request: Request, me: Me, store_id: uuid.UUID, staff_id: uuid.UUID) -> Response:
    with request.app.state.db.write() as session:
        code = service.set_staff_active(session, me.scope, staff_id, True, store_id=store_id).staff_code
    return redirect(f"{_base(store_id)}?activated={code}", request)


@router.post("/stores/{store_id}/staff/{staff_id}/deactivate", dependencies=[Csrf])
def deactivate(request: Request, me: Me, store_id: uuid.UUID, staff_id: uuid.UUID) -> Response:
    with request.app.state.db.write() as session:
        code = service.set_staff_active(session, me.scope, staff_id, False, store_id=store_id).staff_code
    return redirect(f"{_base(store_id)}?deactivated={code}", request)


def _form(request: Request, me: Visitor, store, form: StaffForm, user: User | None, status: int = 200, *,
          error: str | None = None, pin_error: str | None = None, locked: bool = False) -> Response:
    with request.app.state.db.read() as session:
        stores = tenancy.list_stores(session, me.scope)
    return render(request, "staff_form.html", status, me=me, store=store, form=form, user=user, error=error,
                  pin_error=pin_error, locked=locked, can_all=me.scope.store_ids is None, stores=stores,
                  role_caps=ROLE_DISCOUNT_CAP_PERCENT,
                  staff_roles=service.STAFF_ROLES if me.scope.store_ids is None else tuple(dict.fromkeys(("cashier",
                                                                                                    form.role))))


def _form_again(request: Request, me: Visitor, store_id: uuid.UUID, form: StaffForm, staff_id: uuid.UUID | None,
                error: str | None, *, pin_error: str | None = None) -> Response:
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        user = staff_id and service.scoped_staff(session, me.scope, staff_id, store_id=store_id, changing=False)
        locked = bool(user) and service.is_locked(user)
    return _form(request, me, store, form, user or None, 422, error=error, pin_error=pin_error, locked=locked)
