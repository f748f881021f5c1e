"""A store's price override: the price its registers sell an item at, in place of the catalog's.

The register prices a line with ``ocs_inventory.override_price``, else the store's ``retail_price``, else the
catalog's price (see pos_app/persistence/catalog_repository.py). Setting the override here puts the store's
inventory row in the feed, so every register of the store sells at it from its next pull, offline after that too.
Every change is audited with the price before and after: that is the store's price history.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync.hub.feed.record import lock_store, record_put
from sync.hub.models import Accessory, OcsInventory, OcsProduct
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
            raise Invalid(f"{text.strip()} is not a price; type it like 24.99.") from None
    if value is None:
        return None
    if not value.is_finite() or value <= 0:
        raise Invalid("A price must be more than $0.00; leave the field empty to sell at the regular price.")
    if value >= MAX_PRICE or value != value.quantize(Decimal("0.01")):
        raise Invalid("A price is dollars and cents under $100,000, like 24.99.")
    return value.quantize(Decimal("0.01"))


def _catalog(session: Session, scope: Scope, sku: str) -> tuple[str, Decimal] | None:
    product = session.execute(select(OcsProduct.product_name, OcsProduct.price_per_unit).where(
        OcsProduct.tenant_id == scope.tenant_id, OcsProduct.ocs_variant_number == sku)).first()
    if product is None:
        product = session.execute(select(Accessory.name, Accessory.retail_price).where(
            Accessory.tenant_id == scope.tenant_id, Accessory.sku == sku)).first()
    return None if product is None else (product[0], product[1])


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
    sku = (sku or "").strip()
    catalog = _catalog(session, scope, sku)
    if catalog is None:
        raise NotFound(f"There is no product with the SKU {sku or '(none)'} in your catalog.")
    value = parse_price(price)
    lock_store(session, store.id)  # stock writers hold it too: the row read next is the latest
    level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == store.id, OcsInventory.sku == sku))
    if level is None:
        if value is None:
            return PriceRow(sku, catalog[0], catalog[1], None, None, 0)
        level = OcsInventory(store_id=store.id, sku=sku, product_name=catalog[0], quantity_on_hand=0,
                             quantity_available=0, quantity_reserved=0)
        session.add(level)
    before = level.override_price
    level.override_price = value
    session.flush()
    record_put(session, level)
    audit(session, scope, "price.override_set" if value is not None else "price.override_cleared",
          store_id=store.id, entity=level,
          details={"sku": sku, "before": None if before is None else str(before),
                   "after": None if value is None else str(value)})
    return PriceRow(sku, catalog[0], catalog[1], level.retail_price, value, level.quantity_on_hand or 0)
