"""Finding products by what a scanner or a cashier types, as domain ``ProductInfo`` values, at the store's price
at that moment: a pending scheduled price whose minute has passed (the hub has not made it the override yet, or the
till is offline), else the store's override, else its own price, else the catalog's."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Row, and_, bindparam, or_, select
from sqlalchemy.orm import Session, object_session, sessionmaker

from hardware.codes.gs1 import gtin14_or_none
from pos_app.domain.catalog import CodeMatch, ProductInfo
from pos_app.domain.equivalency import ProductForm
from pos_app.domain.money import Money
from pos_app.persistence.models import Accessory, AccessoryCategory, OcsInventory, OcsProduct, PriceSchedule


def scheduled_prices(session: Session, store_id: uuid.UUID, skus: Iterable[str], now: datetime,
                     since: datetime | None = None) -> dict[str, Decimal]:
    """SKU -> the price of its latest pending scheduled change whose minute has passed by ``now`` (and came after
    ``since``, when given): one indexed query."""
    where = [*_due(store_id, now), PriceSchedule.sku.in_(list(skus))]
    if since is not None:
        where.append(PriceSchedule.effective_at > since)
    rows = session.execute(select(PriceSchedule.sku, PriceSchedule.price).where(*where).order_by(*_LATEST_LAST))
    return {sku: price for sku, price in rows}  # the latest minute last, so it wins


def _due(store_id, now) -> tuple:
    """A store's scheduled prices still pending whose minute has passed by `now` (values or bound parameters)."""
    return (PriceSchedule.store_id == store_id, PriceSchedule.status == "pending", PriceSchedule.effective_at <= now)


# Of two changes due the same minute the one made last wins, wherever the price is read, and as the hub applies
# them (sync/hub/prices.py).
_LATEST_LAST = (PriceSchedule.effective_at, PriceSchedule.created_at)


# A scan asks these every time: built once, with their parameters bound at each call, so SQLAlchemy neither builds
# the statement again nor works out its cache key (more than the query's own time in SQLite).
def _due_scheduled_price(sku):
    """The latest pending scheduled price of `sku` due by `now`, as `scheduled_prices` has it."""
    return (select(PriceSchedule.price).where(*_due(bindparam("store_id"), bindparam("now")), PriceSchedule.sku == sku)
            .order_by(*(column.desc() for column in _LATEST_LAST)).limit(1).scalar_subquery())


_PRICE_AND_COST = (OcsInventory.override_price, OcsInventory.retail_price, OcsInventory.unit_cost)
# The store's price and cost beside the product, in the statement that finds it: the columns the sale needs (the
# whole catalog row is thirty, a description among them), its store row (which it may not have) and its due price.
_PRODUCT_AND_PRICE = (
    select(OcsProduct.ocs_variant_number, OcsProduct.product_name, OcsProduct.product_form,
           OcsProduct.dried_equivalent_g, OcsProduct.price_version, OcsProduct.each_gtin, OcsProduct.brand_name,
           OcsProduct.category, OcsProduct.is_active, OcsProduct.case_gtin, OcsProduct.case_quantity,
           OcsProduct.price_per_unit, _due_scheduled_price(OcsProduct.ocs_variant_number).label("scheduled"),
           *_PRICE_AND_COST)
    .outerjoin(OcsInventory, and_(OcsInventory.store_id == bindparam("store_id"),
                                  OcsInventory.sku == OcsProduct.ocs_variant_number))
)
_PRODUCT_BY_GTIN = _PRODUCT_AND_PRICE.where(or_(OcsProduct.each_gtin == bindparam("code"),
                                                OcsProduct.case_gtin == bindparam("code")))
_PRODUCT_BY_SKU = _PRODUCT_AND_PRICE.where(OcsProduct.ocs_variant_number == bindparam("code"))
# The same for an accessory, by its barcode or its SKU.
_ACCESSORY_AND_PRICE = (
    select(Accessory, _due_scheduled_price(Accessory.sku).label("scheduled"), *_PRICE_AND_COST)
    .outerjoin(OcsInventory, and_(OcsInventory.store_id == bindparam("store_id"), OcsInventory.sku == Accessory.sku))
)
_ACCESSORY_BY_BARCODE = _ACCESSORY_AND_PRICE.where(Accessory.barcode == bindparam("code"))
_ACCESSORY_BY_SKU = _ACCESSORY_AND_PRICE.where(Accessory.sku == bindparam("code"))


def _price_of(scheduled, override, retail, catalog_price) -> Decimal:
    return next(p for p in (scheduled, override, retail, catalog_price) if p is not None)


def cannabis_info(product: OcsProduct | Row, price: Decimal, cost: Decimal | None = None) -> ProductInfo:
    return ProductInfo(
        sku=product.ocs_variant_number,
        name=product.product_name,
        unit_price=Money.of(price),
        is_cannabis=True,
        form=ProductForm(product.product_form),
        dried_equivalent_per_unit=product.dried_equivalent_g,
        price_version=product.price_version,
        each_gtin=product.each_gtin,
        brand=product.brand_name,
        category=product.category,
        unit_cost=Money.of(cost) if cost else None,
    )


def _cannabis_match(row) -> ProductInfo:
    """A `_PRODUCT_AND_PRICE` row as the product sold, at the store's price."""
    price = _price_of(row.scheduled, row.override_price, row.retail_price, row.price_per_unit)
    return cannabis_info(row, price, row.unit_cost or None)


def accessory_info(accessory: Accessory, price: Decimal) -> ProductInfo:
    return ProductInfo(
        sku=accessory.sku,
        name=accessory.name,
        unit_price=Money.of(price),
        is_cannabis=False,
        form=ProductForm.ACCESSORY,
        dried_equivalent_per_unit=Decimal(0),
        price_version=accessory.price_version,
        each_gtin=accessory.barcode,
        brand=accessory.brand or "",
        category=_accessory_category(accessory),
    )


def _accessory_match(row) -> ProductInfo:
    """An `_ACCESSORY_AND_PRICE` row as the accessory sold, at the store's price."""
    accessory = row.Accessory
    price = _price_of(row.scheduled, row.override_price, row.retail_price, accessory.retail_price)
    return accessory_info(accessory, price)


def _accessory_category(accessory: Accessory) -> str:
    """Its category's name, as promotions name it (the hub's check calls an accessory without one Accessories)."""
    session = object_session(accessory)
    category = session.get(AccessoryCategory, accessory.category_id) if session and accessory.category_id else None
    return category.name if category is not None else "Accessories"


def find_by_code(session: Session, store_id: uuid.UUID, code: str, now: datetime | None = None) -> CodeMatch | None:
    """``now``: the moment the price is for (a till's own clock); the machine's clock when not given."""
    now = now or datetime.now(UTC)
    code = code.strip()
    if not code:
        return None
    gtin = gtin14_or_none(code)  # GTIN-8/12/13/14 all compare as GTIN-14, the form the catalog stores
    asked = {"store_id": store_id, "now": now}
    if gtin is not None:
        product = session.execute(_PRODUCT_BY_GTIN, {**asked, "code": gtin}).first()
        if product is not None and product.is_active:
            units = product.case_quantity if product.case_gtin == gtin else 1
            return CodeMatch(_cannabis_match(product), units)
        accessory = session.execute(_ACCESSORY_BY_BARCODE, {**asked, "code": gtin}).first()
        if accessory is not None and accessory.Accessory.is_active:
            return CodeMatch(_accessory_match(accessory), 1)
    product = session.execute(_PRODUCT_BY_SKU, {**asked, "code": code}).first()
    if product is not None and product.is_active:
        return CodeMatch(_cannabis_match(product), 1)
    accessory = session.execute(_ACCESSORY_BY_SKU, {**asked, "code": code}).first()
    if accessory is not None and accessory.Accessory.is_active:
        return CodeMatch(_accessory_match(accessory), 1)
    return None


class SqlProductLookup:
    """The domain's ``ProductLookup`` over the replica; one short read transaction per scan."""

    def __init__(self, session_factory: sessionmaker[Session], store_id: uuid.UUID,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._session_factory = session_factory
        self._store_id = store_id
        self._clock = clock or (lambda: datetime.now(UTC))

    def find_by_code(self, code: str) -> CodeMatch | None:
        with self._session_factory() as session:
            return find_by_code(session, self._store_id, code, self._clock())
