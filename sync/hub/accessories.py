"""Adding and editing accessories (papers, grinders, lighters): the rules the console and the admin API share.

Accessories are not cannabis: no equivalency and no age rule, just a name, a SKU, a category, a price, a cost and
an optional GTIN (its check digit verified, kept as the GTIN-14 registers compare). They are the tenant's, so only
an owner or admin edits them. A saved accessory goes into every store's feed, and registers sell it from their
next pull; a new price bumps its price version, as a catalog import does for products.
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from hardware.codes.gs1 import gtin14_or_none
from sync.hub.feed.record import record_put
from sync.hub.models import Accessory, AccessoryCategory, OcsProduct
from sync.hub.prices import parse_price
from sync.hub.tenancy import Invalid, NotFound, OutOfScope, Scope, Taken, audit

SKU_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
AUDITED = ("sku", "name", "category_id", "retail_price", "unit_cost", "barcode", "is_active")


class AccessoryIn(BaseModel):
    """An accessory as a person or an API client typed it: text, checked by `save_accessory`."""

    sku: str = ""
    name: str = ""
    category_id: str = ""
    price: str = ""
    cost: str = ""
    gtin: str = ""
    active: bool = True
    brand: str = ""


def categories(session: Session, scope: Scope) -> list[AccessoryCategory]:
    return list(session.scalars(select(AccessoryCategory).where(
        AccessoryCategory.tenant_id == scope.tenant_id, AccessoryCategory.is_active.is_(True))
        .order_by(AccessoryCategory.sort_order, AccessoryCategory.name)))


def _editor(scope: Scope) -> None:
    if scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin of the tenant can add or change accessories.")


def _category(session: Session, scope: Scope, text: str) -> uuid.UUID | None:
    """One of the tenant's categories, or none (a new tenant has none until it imports or seeds them)."""
    if not text.strip():
        return None
    try:
        wanted = uuid.UUID(text.strip())
    except ValueError:
        wanted = None
    found = session.get(AccessoryCategory, wanted) if wanted else None
    if found is None or found.tenant_id != scope.tenant_id:
        raise Invalid("That category is not one of your accessory categories; choose one from the list.")
    return found.id


def _cost(text: str) -> Decimal:
    cleaned = text.strip().replace("$", "").replace(",", "")
    if cleaned in ("", "0", "0.0", "0.00"):
        return Decimal("0.00")  # given away or not known yet: a cost of nothing is allowed
    if cleaned.startswith("-"):
        raise Invalid("The cost cannot be negative; type what one unit costs the store, like 2.40.")
    try:
        return parse_price(cleaned)
    except Invalid:
        raise Invalid("%(text)s is not a cost; type dollars and cents, like 2.40.", text=text.strip()) from None


def _others(scope: Scope, accessory_id: uuid.UUID | None, column: Any) -> Select:
    """The tenant's accessories other than the one being edited."""
    query = select(column).where(Accessory.tenant_id == scope.tenant_id)
    return query if accessory_id is None else query.where(Accessory.id != accessory_id)


def _gtin(session: Session, scope: Scope, text: str, accessory_id: uuid.UUID | None) -> str | None:
    text = text.strip()
    if not text:
        return None
    gtin = gtin14_or_none(text)
    if gtin is None:
        raise Invalid("%(text)s is not a GTIN: it needs 8, 12, 13 or 14 digits and the last one, the check digit, "
                      "must match. Scan the barcode or type all its digits.", text=text)
    other = session.scalar(_others(scope, accessory_id, Accessory.sku).where(Accessory.barcode == gtin))
    other = other or session.scalar(select(OcsProduct.ocs_variant_number).where(
        OcsProduct.tenant_id == scope.tenant_id, OcsProduct.each_gtin == gtin))
    if other is not None:
        raise Taken("The GTIN %(gtin)s is already on %(other)s; a barcode must name one item only.", gtin=text,
                    other=other)
    return gtin


def _checked(session: Session, scope: Scope, form: AccessoryIn, accessory_id: uuid.UUID | None) -> dict[str, Any]:
    sku, name = form.sku.strip().upper(), " ".join(form.name.split())
    if not SKU_PATTERN.match(sku):
        raise Invalid("The SKU must be 1 to 40 letters, digits, dots, - or _ (for example ACC-PAPERS-KS).")
    if not name or len(name) > 200:
        raise Invalid("Give the accessory a name of at most 200 characters.")
    taken = session.scalar(_others(scope, accessory_id, Accessory.id).where(Accessory.sku == sku))
    taken = taken or session.scalar(select(OcsProduct.id).where(OcsProduct.tenant_id == scope.tenant_id,
                                                                OcsProduct.ocs_variant_number == sku))
    if taken is not None:
        raise Taken("The SKU %(sku)s is already used in your catalog; choose another.", sku=sku)
    price = parse_price(form.price)
    if price is None:
        raise Invalid("Give the accessory a price, like 4.99.")
    return {"sku": sku, "name": name, "category_id": _category(session, scope, form.category_id),
            "retail_price": price, "unit_cost": _cost(form.cost),
            "barcode": _gtin(session, scope, form.gtin, accessory_id), "is_active": bool(form.active),
            "brand": " ".join(form.brand.split())[:120] or None}


def accessory_of(session: Session, scope: Scope, accessory_id: uuid.UUID) -> Accessory:
    accessory = session.get(Accessory, accessory_id)
    if accessory is None:
        raise NotFound("There is no such accessory.")
    if accessory.tenant_id != scope.tenant_id:
        raise OutOfScope("That accessory belongs to another tenant.")
    return accessory


def save_accessory(session: Session, scope: Scope, form: AccessoryIn,
                   accessory_id: uuid.UUID | None = None) -> Accessory:
    """A new accessory, or the changes to one; every store's registers get it at their next sync."""
    _editor(scope)
    accessory = None if accessory_id is None else accessory_of(session, scope, accessory_id)
    values = _checked(session, scope, form, accessory_id)
    if accessory is None:
        accessory = Accessory(tenant_id=scope.tenant_id, **values)
        session.add(accessory)
        before: dict[str, Any] = {}
    else:
        before = {key: getattr(accessory, key) for key in AUDITED}
        if accessory.retail_price != values["retail_price"]:
            accessory.price_version = (accessory.price_version or 1) + 1
        for key, value in values.items():
            setattr(accessory, key, value)
    session.flush()
    record_put(session, accessory)
    changed = {key: {"before": _plain(before.get(key)), "after": _plain(values[key])} for key in AUDITED
               if before.get(key) != values[key]}
    audit(session, scope, "accessory.updated" if before else "accessory.created", entity=accessory,
          details={"sku": accessory.sku, "changes": changed})
    return accessory


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal | uuid.UUID) else value
