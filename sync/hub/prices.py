"""A store's price override: the price its registers sell an item at, in place of the catalog's.

The register prices a line with a pending scheduled price whose minute has passed, else
``ocs_inventory.override_price``, else the store's ``retail_price``, else the catalog's price (see
pos_app/persistence/catalog_repository.py). Setting the override here puts the store's inventory row in the feed,
so every register of the store sells at it from its next pull, offline after that too. A scheduled change
(`sync.hub.price_schedules`) becomes the override once its minute has passed: `apply_due_schedules` runs before
any price is read or changed here, and in `pos-hub db maintain`. Every change is audited and kept in
``price_history`` (who, when, the selling price before and after, and from when).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.database import Database
from sync.hub.feed.record import lock_store, record_put
from sync.hub.models import Accessory, OcsInventory, OcsProduct, PriceHistory, PriceSchedule, Store
from sync.hub.tenancy import Invalid, NotFound, Scope, audit, scoped_store

MAX_PRICE = Decimal("100000")


@dataclass(frozen=True)
class PriceRow:
    sku: str
    name: str
    catalog_price: Decimal
    store_price: Decimal | None
    override_price: Decimal | None
    on_hand: int

    @property
    def selling_price(self) -> Decimal:
        return next(p for p in (self.override_price, self.store_price, self.catalog_price) if p is not None)


def parse_price(text: str | Decimal | None) -> Decimal | None:
    """A price typed by a person ("24.99", "$24.99"), or None for an empty field (no override)."""
    if text is None or isinstance(text, Decimal):
        value = text
    else:
        cleaned = text.strip().replace("$", "").replace(",", "")
        if not cleaned:
            return None
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise Invalid("%(text)s is not a price; type it like 24.99.", text=text.strip()) from None
    if value is None:
        return None
    if not value.is_finite() or value <= 0:
        raise Invalid("A price must be more than $0.00; leave the field empty to sell at the regular price.")
    if value >= MAX_PRICE or value != value.quantize(Decimal("0.01")):
        raise Invalid("A price is dollars and cents under $100,000, like 24.99.")
    return value.quantize(Decimal("0.01"))


def _catalog(session: Session, tenant_id: uuid.UUID, sku: str) -> tuple[str, Decimal] | None:
    product = session.execute(select(OcsProduct.product_name, OcsProduct.price_per_unit).where(
        OcsProduct.tenant_id == tenant_id, OcsProduct.ocs_variant_number == sku)).first()
    if product is None:
        product = session.execute(select(Accessory.name, Accessory.retail_price).where(
            Accessory.tenant_id == tenant_id, Accessory.sku == sku)).first()
    return None if product is None else (product[0], product[1])


def catalog_item(session: Session, scope: Scope, sku: str) -> tuple[str, str, Decimal]:
    """The SKU (tidied), its name and catalog price; a sentence when the tenant's catalog has no such SKU."""
    sku = (sku or "").strip()
    catalog = _catalog(session, scope.tenant_id, sku)
    if catalog is None:
        raise NotFound("There is no product with the SKU %(sku)s in your catalog.", sku=sku or "(none)")
    return sku, catalog[0], catalog[1]


def selling_price(level: OcsInventory | None, catalog_price: Decimal) -> Decimal:
    if level is None:
        return catalog_price
    return next(p for p in (level.override_price, level.retail_price, catalog_price) if p is not None)


def record_history(session: Session, scope: Scope, store_id: uuid.UUID, sku: str, kind: str, *,
                   old: Decimal | None, new: Decimal | None, effective_at: datetime,
                   schedule_id: uuid.UUID | None = None) -> None:
    session.add(PriceHistory(tenant_id=scope.tenant_id, store_id=store_id, sku=sku, kind=kind, old_price=old,
                             new_price=new, effective_at=effective_at, changed_at=utcnow(), changed_by=scope.user_id,
                             via=scope.via, schedule_id=schedule_id))


def price_rows(session: Session, scope: Scope, store_id: uuid.UUID, search: str = "", *,
               limit: int = 50) -> list[PriceRow]:
    """Products matching a search (name, brand, SKU or GTIN) or, without one, the store's overrides."""
    store = scoped_store(session, scope, store_id)
    level = select(OcsInventory).where(OcsInventory.store_id == store.id).subquery()
    text = search.strip()
    query = (select(OcsProduct.ocs_variant_number, OcsProduct.product_name, OcsProduct.price_per_unit,
                    level.c.retail_price, level.c.override_price, level.c.quantity_on_hand)
             .outerjoin(level, level.c.sku == OcsProduct.ocs_variant_number)
             .where(OcsProduct.tenant_id == scope.tenant_id))
    if text:
        like = f"%{text.replace('%', '').replace('_', '')}%"
        query = query.where(or_(OcsProduct.product_name.ilike(like), OcsProduct.brand_name.ilike(like),
                                OcsProduct.ocs_variant_number.ilike(like), OcsProduct.each_gtin == text))
    else:
        query = query.where(level.c.override_price.is_not(None))
    rows = session.execute(query.order_by(OcsProduct.product_name, OcsProduct.ocs_variant_number).limit(limit))
    return [PriceRow(sku, name, price, store_price, override, on_hand or 0)
            for sku, name, price, store_price, override, on_hand in rows]


def set_price_override(session: Session, scope: Scope, store_id: uuid.UUID, sku: str,
                       price: str | Decimal | None) -> PriceRow:
    """Sell ``sku`` at ``price`` in this store from now on; None sells it at the regular price again."""
    store = scoped_store(session, scope, store_id)
    sku, name, catalog_price = catalog_item(session, scope, sku)
    value = parse_price(price)
    apply_due_schedules(session, store.id)  # a change due before this one is applied first, not after
    level = _level(session, store.id, sku)
    if level is None:
        if value is None:
            return PriceRow(sku, name, catalog_price, None, None, 0)
        level = _new_level(session, store.id, sku, name)
    old = selling_price(level, catalog_price)
    before = level.override_price
    level.override_price = value
    session.flush()
    record_put(session, level)
    audit(session, scope, "price.override_set" if value is not None else "price.override_cleared",
          store_id=store.id, entity=level,
          details={"sku": sku, "before": None if before is None else str(before),
                   "after": None if value is None else str(value)})
    record_history(session, scope, store.id, sku, "override", old=old, new=selling_price(level, catalog_price),
                   effective_at=utcnow())
    return PriceRow(sku, name, catalog_price, level.retail_price, value, level.quantity_on_hand or 0)


def catch_up(db: Database, scope: Scope, store_id: uuid.UUID) -> int:
    """Apply the store's due scheduled prices before a page or an API answer reads its prices (a write only when
    one is due)."""
    with db.read() as session:
        scoped_store(session, scope, store_id)
        if session.scalar(select(PriceSchedule.id).where(*_due(store_id, utcnow())).limit(1)) is None:
            return 0
    with db.write() as session:
        return apply_due_schedules(session, store_id)


def _due(store_id: uuid.UUID, now: datetime) -> tuple:
    return (PriceSchedule.store_id == store_id, PriceSchedule.status == "pending", PriceSchedule.effective_at <= now)


def apply_due_schedules(session: Session, store_id: uuid.UUID, now: datetime | None = None) -> int:
    """Make every pending scheduled price whose minute has passed the store's override, oldest first; how many.

    The terminals switched at the minute on their own; this brings the hub's override (and the console) in line.
    """
    due_now = _due(store_id, now or utcnow())
    if session.scalar(select(PriceSchedule.id).where(*due_now).limit(1)) is None:
        return 0
    lock_store(session, store_id)  # one applier at a time: the rows read next are the latest
    # Oldest first, and of two due the same minute the one made last, so the last applied is the price the
    # registers chose (pos_app's catalog_repository breaks the tie the same way).
    due = list(session.scalars(select(PriceSchedule).where(*due_now)
                               .order_by(PriceSchedule.effective_at, PriceSchedule.created_at).with_for_update()))
    store = session.get_one(Store, store_id)
    for schedule in due:
        catalog = _catalog(session, store.tenant_id, schedule.sku)
        level = _level(session, store_id, schedule.sku) or _new_level(
            session, store_id, schedule.sku, catalog[0] if catalog else None)
        old = selling_price(level, catalog[1] if catalog else schedule.price)
        level.override_price, schedule.status = schedule.price, "applied"
        session.flush()
        record_put(session, level)
        record_put(session, schedule)
        record_history(session, Scope(store.tenant_id, user_id=schedule.created_by, via="schedule"), store_id,
                       schedule.sku, "applied", old=old, new=schedule.price, effective_at=schedule.effective_at,
                       schedule_id=schedule.id)
    return len(due)


def _level(session: Session, store_id: uuid.UUID, sku: str) -> OcsInventory | None:
    lock_store(session, store_id)  # stock writers hold it too: the row read next is the latest
    return session.scalar(select(OcsInventory).where(OcsInventory.store_id == store_id, OcsInventory.sku == sku))


def _new_level(session: Session, store_id: uuid.UUID, sku: str, name: str | None) -> OcsInventory:
    level = OcsInventory(store_id=store_id, sku=sku, product_name=name, quantity_on_hand=0, quantity_available=0,
                         quantity_reserved=0)
    session.add(level)
    return level
