"""Suppliers purchase orders come from: a tenant's own, which its owners and admins add, edit and delete, and
the provincial distributors every tenant shares, which they read only. Each change reaches the tenant's
terminals through the feed (their purchase orders and lots name the supplier)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sync.hub.feed.record import record_delete, record_put
from sync.hub.models import BatchTracking, ProvincialSupplier, PurchaseOrder
from sync.hub.tenancy import PROVINCE_CODES, Invalid, NotFound, OutOfScope, Scope, Taken, audit
from sync.sentence import Sentence

SUPPLIER_FIELDS = ("name", "contact_name", "contact_email", "contact_phone", "address", "province", "license_number",
                   "is_active", "payment_terms", "notes")
_LIMITS = {"name": 120, "contact_name": 120, "contact_email": 120, "contact_phone": 40, "address": 300,
           "license_number": 40, "payment_terms": 60, "notes": 300}
_FIELD_WORDS = {"name": Sentence("name"), "contact_name": Sentence("contact name"),
                "contact_email": Sentence("contact email"), "contact_phone": Sentence("contact phone"),
                "address": Sentence("address"), "license_number": Sentence("license number"),
                "payment_terms": Sentence("payment terms"), "notes": Sentence("notes")}
_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,19}")


@dataclass(frozen=True)
class SupplierPage:
    rows: list[ProvincialSupplier]
    total: int


def visible(scope: Scope):
    """The suppliers a tenant sees: its own and the shared provincial ones."""
    return or_(ProvincialSupplier.tenant_id.is_(None), ProvincialSupplier.tenant_id == scope.tenant_id)


def list_suppliers(session: Session, scope: Scope, search: str = "", *, limit: int = 25,
                   offset: int = 0) -> SupplierPage:
    query = select(ProvincialSupplier).where(visible(scope))
    words = (search or "").strip()
    if words:
        like = f"%{words}%"
        query = query.where(or_(ProvincialSupplier.name.ilike(like), ProvincialSupplier.code.ilike(like),
                                ProvincialSupplier.contact_name.ilike(like)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(ProvincialSupplier.name, ProvincialSupplier.code)
                           .limit(limit).offset(offset))
    return SupplierPage(list(rows), total)


def scoped_supplier(session: Session, scope: Scope, supplier_id: uuid.UUID, *, changing: bool = True
                    ) -> ProvincialSupplier:
    supplier = session.get(ProvincialSupplier, supplier_id)
    if supplier is None:
        raise NotFound("There is no such supplier.")
    if supplier.tenant_id is not None and supplier.tenant_id != scope.tenant_id:
        raise OutOfScope("That supplier is not one of yours.")
    if changing:
        if supplier.tenant_id is None:
            raise OutOfScope("%(name)s is a provincial supplier shared by every retailer; it cannot be changed "
                             "here.", name=supplier.name)
        if scope.store_ids is not None:
            raise OutOfScope("Only an owner or admin can change suppliers; a manager can read them.")
    return supplier


def supplier_by_code(session: Session, scope: Scope, code: str) -> ProvincialSupplier | None:
    """A visible supplier by its code or its exact name (either is what a person types in a file)."""
    text = (code or "").strip()
    return session.scalar(select(ProvincialSupplier).where(visible(scope), or_(
        ProvincialSupplier.code == text.upper(), func.lower(ProvincialSupplier.name) == text.lower())).limit(1))


def create_supplier(session: Session, scope: Scope, *, code: str, **fields: Any) -> ProvincialSupplier:
    if scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin can add suppliers; a manager can read them.")
    code = (code or "").strip().upper()
    if not _CODE.fullmatch(code):
        raise Invalid("The supplier code is 1 to 20 letters, digits, - or _ (for example NORTHLEAF).")
    values = _clean(fields, creating=True)
    if session.scalar(select(ProvincialSupplier.id).where(ProvincialSupplier.code == code)) is not None:
        raise Taken(f"The supplier code {code} is already used; choose another code.")
    supplier = ProvincialSupplier(tenant_id=scope.tenant_id, code=code, **values)
    session.add(supplier)
    session.flush()
    record_put(session, supplier)
    audit(session, scope, "supplier.created", entity=supplier, details={"code": code})
    return supplier


def update_supplier(session: Session, scope: Scope, supplier_id: uuid.UUID, **fields: Any) -> ProvincialSupplier:
    supplier = scoped_supplier(session, scope, supplier_id)
    values = _clean(fields, creating=False)
    for key, value in values.items():
        setattr(supplier, key, value)
    record_put(session, supplier)
    audit(session, scope, "supplier.updated", entity=supplier, details={"fields": sorted(values)})
    return supplier


def delete_supplier(session: Session, scope: Scope, supplier_id: uuid.UUID) -> str:
    """Deleted only while nothing names it; once orders or lots do, it is deactivated instead."""
    supplier = scoped_supplier(session, scope, supplier_id)
    orders = session.scalar(select(func.count()).select_from(PurchaseOrder)
                            .where(PurchaseOrder.supplier_id == supplier.id)) or 0
    lots = session.scalar(select(func.count()).select_from(BatchTracking)
                          .where(BatchTracking.supplier_id == supplier.id)) or 0
    if orders or lots:
        if orders:
            named = Sentence("%(count)s purchase order", count=orders) if orders == 1 else \
                Sentence("%(count)s purchase orders", count=orders)
        else:
            named = Sentence("%(count)s lot in stock", count=lots) if lots == 1 else \
                Sentence("%(count)s lots in stock", count=lots)
        raise Invalid("%(name)s is named on %(named)s, so it stays on record; edit it and untick Active to stop "
                      "ordering from it.", name=supplier.name, named=named)
    name = supplier.name
    record_delete(session, supplier)
    audit(session, scope, "supplier.deleted", entity=supplier, details={"code": supplier.code, "name": name})
    session.delete(supplier)
    session.flush()
    return name


def _clean(fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    unknown = set(fields) - set(SUPPLIER_FIELDS)
    if unknown:
        raise Invalid("A supplier has no field named %(names)s.", names=", ".join(sorted(unknown)))
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, str):
            value = value.strip() or None
            if value and len(value) > _LIMITS.get(key, 300):
                raise Invalid("The %(field)s is longer than %(limit)s characters; shorten it.",
                              field=_FIELD_WORDS.get(key, key.replace("_", " ")), limit=_LIMITS.get(key, 300))
        values[key] = value
    if (creating or "name" in values) and not values.get("name"):
        raise Invalid("Give the supplier a name.")
    if creating or "province" in values:
        code = (values.get("province") or "").upper()
        if code not in PROVINCE_CODES:
            if not code:
                raise Invalid("Choose the supplier's province or territory; use one of %(codes)s.",
                              codes=", ".join(PROVINCE_CODES))
            raise Invalid("%(code)s is not a Canadian province or territory code; use one of %(codes)s.", code=code,
                          codes=", ".join(PROVINCE_CODES))
        values["province"] = code
    if values.get("contact_email") and "@" not in values["contact_email"]:
        raise Invalid("%(email)s is not an e-mail address.", email=values["contact_email"])
    if "is_active" in values:
        values["is_active"] = bool(values["is_active"])
    return values
