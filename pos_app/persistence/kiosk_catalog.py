"""The kiosk's reads of the replica's catalog: one page of a filtered, sorted category, the choices its filters
offer, the facts of one product, and best sellers from the order history.

Filtering and sorting happen in SQL. A whole category (a shelf) is read down the kiosk listing (kiosk_shelf.py).
Search results are read from the catalogs themselves: they keep THC and CBD as exact decimal text, compared as
``CAST(... AS REAL)``, the same expression migration 0008's partial indexes hold.

Stock is what the register counts (persistence/stock.py; kiosk_rows.py): the pulled level, plus local deltas the
hub has not counted yet, less active reservations.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, and_, func, literal, literal_column, select, tuple_
from sqlalchemy.orm import Session

from pos_app.persistence import kiosk_rows as rows
from pos_app.persistence.kiosk_rows import BrowseQuery, CatalogRow
from pos_app.persistence.kiosk_shelf import prepare as prepare_shelves
from pos_app.persistence.kiosk_shelf import shelf_of, shelf_page, shelf_sort, shelf_statement, shelf_values
from pos_app.persistence.models import Accessory, OcsProduct, OrderItem

__all__ = ["BrowseQuery", "CatalogRow", "FilterChoices", "browse_page", "browse_statement", "filter_choices",
           "form_counts", "has_catalog", "prepare_shelves", "product_row", "seeks"]
PAGE_ROWS = 48  # the kiosk's page, for EXPLAIN

THC = literal_column("CAST(ocs_product_catalog.thc_max AS REAL)")
CBD = literal_column("CAST(ocs_product_catalog.cbd_max AS REAL)")
# The partial indexes hold "WHERE is_active"; SQLite uses one only when the query says it in the same words
# ("is_active = 1", which SQLAlchemy writes for a boolean, does not count).
ACTIVE = literal_column("ocs_product_catalog.is_active")


@dataclass(frozen=True)
class FilterChoices:
    brands: list[str]
    sizes: list[tuple[str, str, int | None]]  # (net_content, unit, pieces) as the catalog has them
    plant_types: list[str]
    price: tuple[Decimal, Decimal] | None
    thc_high: Decimal | None  # the strongest label in the category


def _units_sold(sku):
    # Per product shown, from the order lines' SKU index: summing the whole history (1,000,000 lines in a year)
    # for every page cost more than a second.
    return (select(func.coalesce(func.sum(OrderItem.quantity), 0)).where(OrderItem.sku == sku)
            .correlate_except(OrderItem).scalar_subquery())


def _cannabis(store_id: uuid.UUID, query: BrowseQuery) -> Select:
    p, stock, pending = OcsProduct, rows.stock(store_id), rows.pending(store_id)
    price = func.coalesce(stock.c.override_price, stock.c.retail_price, p.price_per_unit)
    available = rows.available(stock, pending)
    statement = (select(*rows.cannabis_columns(stock, pending)).where(ACTIVE)
                 .outerjoin(stock, stock.c.sku == p.ocs_variant_number)
                 .outerjoin(pending, pending.c.sku == p.ocs_variant_number))
    if query.forms:
        statement = statement.where(p.product_form.in_(query.forms))
    if query.skus is not None:
        statement = statement.where(p.ocs_variant_number.in_(query.skus))
    if query.plant_types:
        statement = statement.where(p.plant_type.in_(query.plant_types))
    statement = _ranged(statement, THC, query.thc, real=True)
    statement = _ranged(statement, CBD, query.cbd, real=True)
    statement = _ranged(statement, price, query.price)
    if query.brands:
        statement = statement.where(p.brand_name.in_(query.brands))
    if query.sizes:
        statement = statement.where(tuple_(p.net_content, p.unit_of_measure).in_(query.sizes))
    if query.in_stock_only:
        statement = statement.where(available > 0)
    return _sorted(statement, query.sort, price=price, potency=THC, newest=p.created_at,
                   sku=p.ocs_variant_number)


def _accessories(store_id: uuid.UUID, query: BrowseQuery) -> Select:
    a, stock, pending = Accessory, rows.stock(store_id), rows.pending(store_id)
    price = func.coalesce(stock.c.override_price, stock.c.retail_price, a.retail_price)
    statement = (select(*rows.accessory_columns(stock, pending)).where(a.is_active)
                 .outerjoin(stock, stock.c.sku == a.sku).outerjoin(pending, pending.c.sku == a.sku))
    if query.skus is not None:
        statement = statement.where(a.sku.in_(query.skus))
    statement = _ranged(statement, price, query.price)
    if query.brands:
        statement = statement.where(a.brand.in_(query.brands))
    if query.in_stock_only:
        statement = statement.where(rows.available(stock, pending) > 0)
    return _sorted(statement, query.sort, price=price, potency=None, newest=a.created_at, sku=a.sku)


def _ranged(statement: Select, column, bounds, *, real: bool = False) -> Select:
    # THC and CBD are REAL (compared as floats); prices are bound through the Cents type.
    low, high = (None if b is None else float(b) if real else b for b in bounds)
    if low is not None:
        statement = statement.where(column >= low)
    if high is not None:
        statement = statement.where(column <= high)
    return statement


def _sorted(statement: Select, sort: str, *, price, potency, newest, sku) -> Select:
    if sort == "price_low":
        return statement.order_by(price, sku)
    if sort == "price_high":
        return statement.order_by(price.desc(), sku)
    if sort == "potency" and potency is not None:
        return statement.order_by(potency.desc().nulls_last(), sku)
    if sort == "newest":
        return statement.order_by(newest.desc(), sku)
    return statement.order_by(_units_sold(sku).desc(), sku)


def _catalog_statement(store_id: uuid.UUID, query: BrowseQuery) -> Select:
    """Search results (and anything that is no whole shelf), from the catalogs themselves."""
    return _accessories(store_id, query) if query.accessories else _cannabis(store_id, query)


def browse_statement(store_id: uuid.UUID, query: BrowseQuery) -> Select:
    """The SQL of one browse request's first page, its values bound, for EXPLAIN QUERY PLAN."""
    if shelf_of(query) is not None:
        statement = shelf_statement(store_id, query.accessories, shelf_sort(query))
        return statement.params(shelf_values(query, limit=PAGE_ROWS))
    return _catalog_statement(store_id, query).limit(PAGE_ROWS)


def seeks(query: BrowseQuery) -> bool:
    """Whether the next page of ``query`` is found by the last row's sort key (``browse_page(after=...)``)."""
    return shelf_of(query) is not None


def browse_page(session: Session, store_id: uuid.UUID, query: BrowseQuery, *, limit: int,
                offset: int = 0, after: str | None = None) -> list[CatalogRow]:
    """One page: ``offset`` rows in, or, when the query ``seeks``, the rows after SKU ``after``."""
    if seeks(query):
        return shelf_page(session, store_id, query, limit=limit, offset=offset, after=after)
    statement = _catalog_statement(store_id, query).offset(offset or None).limit(limit)
    return [rows.row_of(values) for values in session.execute(statement)]


def product_row(session: Session, store_id: uuid.UUID, sku: str) -> CatalogRow | None:
    """One product by SKU (in stock or not), with its description and terpenes for the product page."""
    query = BrowseQuery(skus=(sku,), in_stock_only=False, sort="newest")
    for accessories in (False, True):
        found = session.execute(_catalog_statement(store_id, BrowseQuery(**{**query.__dict__,
                                                                            "accessories": accessories}))).first()
        if found is not None:
            row = rows.row_of(found)
            model = Accessory if accessories else OcsProduct
            key = Accessory.sku if accessories else OcsProduct.ocs_variant_number
            terpenes = None if accessories else OcsProduct.terpene_profile
            extra = session.execute(select(model.description, terpenes if terpenes is not None else literal(None))
                                    .where(key == sku)).one()
            return CatalogRow(**{**row.__dict__, "description": extra[0], "terpenes": extra[1]})
    return None


def form_counts(session: Session, store_id: uuid.UUID, *, in_stock_only: bool) -> dict[str, int]:
    """How many active products each form has ("accessory" for the accessories), for the category tiles."""
    counts: dict[str, int] = {}
    for accessories in (False, True):
        query = BrowseQuery(accessories=accessories, in_stock_only=in_stock_only, sort="newest")
        listing = _catalog_statement(store_id, query).order_by(None).subquery()
        form = listing.c[3] if not accessories else literal("accessory")
        for name, count in session.execute(select(form, func.count()).group_by(form)):
            counts[name] = int(count)
    return counts


def filter_choices(session: Session, forms: tuple[str, ...], *, accessories: bool) -> FilterChoices:
    """What a category's filters can offer: its brands, sizes, strain types, price span and strongest THC."""
    if accessories:
        a = Accessory
        brands = session.scalars(select(a.brand).where(a.is_active, a.brand.is_not(None)).distinct()
                                 .order_by(a.brand)).all()
        span = session.execute(select(func.min(a.retail_price), func.max(a.retail_price))
                               .where(a.is_active)).one()
        return FilterChoices(list(brands), [], [], _span(span), None)
    p = OcsProduct
    where = and_(p.is_active, p.product_form.in_(forms)) if forms else p.is_active
    brands = session.scalars(select(p.brand_name).where(where).distinct().order_by(p.brand_name)).all()
    sizes = session.execute(select(p.net_content, p.unit_of_measure, p.pieces).where(where).distinct()).all()
    plants = session.scalars(select(p.plant_type).where(where, p.plant_type.is_not(None)).distinct()).all()
    span = session.execute(select(func.min(p.price_per_unit), func.max(p.price_per_unit)).where(where)).one()
    strongest = session.scalar(select(func.max(THC)).where(where))
    ordered = sorted({(str(net), unit, pieces) for net, unit, pieces in sizes},
                     key=lambda size: (size[1], Decimal(size[0]), size[2] or 0))
    return FilterChoices(list(brands), ordered, sorted(plants), _span(span),
                         None if strongest is None else Decimal(str(strongest)))


def _span(values) -> tuple[Decimal, Decimal] | None:
    low, high = values
    return None if low is None else (Decimal(low), Decimal(high))


def has_catalog(session: Session) -> bool:
    """Whether any product, cannabis or accessory, is active: a kiosk without one is still being set up."""
    return any(session.scalar(select(select(literal(1)).where(model.is_active).exists()))
               for model in (OcsProduct, Accessory))
