"""The kiosk's reads of the replica's catalog: one page of a filtered, sorted category, the choices its filters
offer, the facts of one product, and best sellers from the order history.

Filtering and sorting happen in SQL. The catalog keeps THC and CBD as exact decimal text, so they are compared
as ``CAST(... AS REAL)``, the same expression migration 0008's partial indexes hold: a category (product form)
with a strain type and a THC floor is read from an index, not from the wide catalog rows.

Stock is what the register counts (persistence/stock.py): the pulled level, plus local deltas the hub has not
counted yet, less active reservations.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, and_, func, literal, literal_column, or_, select, tuple_
from sqlalchemy.orm import Session

from pos_app.persistence import kiosk_listing as listing
from pos_app.persistence.models import Accessory, OcsInventory, OcsProduct, OrderItem
from pos_app.persistence.stock import stock_adjustments

THC = literal_column("CAST(ocs_product_catalog.thc_max AS REAL)")
CBD = literal_column("CAST(ocs_product_catalog.cbd_max AS REAL)")
# The partial indexes hold "WHERE is_active"; SQLite uses one only when the query says it in the same words
# ("is_active = 1", which SQLAlchemy writes for a boolean, does not count).
ACTIVE = literal_column("ocs_product_catalog.is_active")


@dataclass(frozen=True)
class BrowseQuery:
    forms: tuple[str, ...] = ()  # cannabis product forms; empty with accessories=False: every form
    accessories: bool = False  # the accessories catalog instead of the cannabis one
    skus: tuple[str, ...] | None = None  # only these (search results)
    plant_types: tuple[str, ...] = ()
    thc: tuple[Decimal | None, Decimal | None] = (None, None)
    cbd: tuple[Decimal | None, Decimal | None] = (None, None)
    price: tuple[Decimal | None, Decimal | None] = (None, None)  # dollars
    brands: tuple[str, ...] = ()
    sizes: tuple[tuple[str, str], ...] = ()  # (net_content as stored, unit)
    in_stock_only: bool = True
    sort: str = "best_sellers"


@dataclass(frozen=True)
class CatalogRow:
    sku: str
    name: str
    brand: str
    form: str
    price: Decimal
    available: int
    plant_type: str | None = None
    net_content: Decimal = Decimal(0)
    unit: str = ""
    pieces: int | None = None
    thc: tuple[Decimal | None, Decimal | None] = (None, None)
    cbd: tuple[Decimal | None, Decimal | None] = (None, None)
    dried_equivalent_g: Decimal = Decimal(0)
    image_url: str | None = None
    description: str | None = None
    terpenes: str | None = None


@dataclass(frozen=True)
class FilterChoices:
    brands: list[str]
    sizes: list[tuple[str, str, int | None]]  # (net_content, unit, pieces) as the catalog has them
    plant_types: list[str]
    price: tuple[Decimal, Decimal] | None
    thc_high: Decimal | None  # the strongest label in the category


def _pending(store_id: uuid.UUID):
    # The register's rule (persistence/stock.py): local deltas not pulled yet, less active reservations.
    return stock_adjustments(store_id)


def _available(stock, pending):
    return func.coalesce(stock.c.quantity_on_hand, 0) + func.coalesce(pending.c.delta, 0)


def _stock(store_id: uuid.UUID):
    inv = OcsInventory
    return (select(inv.sku, inv.quantity_on_hand, inv.override_price, inv.retail_price)
            .where(inv.store_id == store_id).subquery("stock"))


def _units_sold(sku):
    # Per product shown, from the order lines' SKU index: summing the whole history (1,000,000 lines in a year)
    # for every page cost more than a second.
    return (select(func.coalesce(func.sum(OrderItem.quantity), 0)).where(OrderItem.sku == sku)
            .correlate_except(OrderItem).scalar_subquery())


def _shelf_sort(query: BrowseQuery) -> str:
    return "best_sellers" if query.accessories and query.sort == "potency" else query.sort  # no potency: as ever


def _down_the_shelf(columns, key, shelf: str, query: BrowseQuery, pending) -> Select:
    """A whole shelf, read down the listing's index for the sort. The filters are tested on the listing's copies
    of the catalog's columns, which that index holds: a product that fails them costs no row read."""
    row = listing.LISTING.c
    statement = (select(*columns).select_from(listing.LISTING)
                 .with_hint(listing.LISTING, listing.index_hint(_shelf_sort(query)), "sqlite")
                 .join(key.class_, key == row.sku)
                 .where(row.shelf == shelf, row.active))
    if query.in_stock_only:  # nothing on hand and no local movement: not in stock, before any stock is read
        statement = statement.where(or_(row.on_hand > 0, row.sku.in_(select(pending.c.sku))))
    return statement


def _cannabis(store_id: uuid.UUID, query: BrowseQuery) -> Select:
    p, stock, pending = OcsProduct, _stock(store_id), _pending(store_id)
    price = func.coalesce(stock.c.override_price, stock.c.retail_price, p.price_per_unit)
    available = _available(stock, pending)
    columns = (p.ocs_variant_number, p.product_name, p.brand_name, p.product_form, price.label("price"),
               available.label("available"), p.plant_type, p.net_content, p.unit_of_measure, p.pieces,
               p.thc_min, p.thc_max, p.cbd_min, p.cbd_max, p.dried_equivalent_g, p.image_url)
    shelf = listing.shelf(query.forms) if query.skus is None else None
    if shelf is not None:
        statement = _down_the_shelf(columns, p.ocs_variant_number, shelf, query, pending)
        row = listing.LISTING.c
        thc, cbd, listed_price = row.thc, row.cbd, row.price
        plant_type, brand, size = row.plant_type, row.brand, tuple_(row.net_content, row.unit)
    else:
        statement = select(*columns).where(ACTIVE)
        thc, cbd, listed_price = THC, CBD, price
        plant_type, brand, size = p.plant_type, p.brand_name, tuple_(p.net_content, p.unit_of_measure)
        if query.forms:
            statement = statement.where(p.product_form.in_(query.forms))
    statement = (statement.outerjoin(stock, stock.c.sku == p.ocs_variant_number)
                 .outerjoin(pending, pending.c.sku == p.ocs_variant_number))
    if query.skus is not None:
        statement = statement.where(p.ocs_variant_number.in_(query.skus))
    if query.plant_types:
        statement = statement.where(plant_type.in_(query.plant_types))
    statement = _ranged(statement, thc, query.thc, real=True)
    statement = _ranged(statement, cbd, query.cbd, real=True)
    statement = _ranged(statement, listed_price, query.price)
    if query.brands:
        statement = statement.where(brand.in_(query.brands))
    if query.sizes:
        statement = statement.where(size.in_(query.sizes))
    if query.in_stock_only:
        statement = statement.where(available > 0)
    if shelf is not None:
        return listing.ordered(statement, query.sort)
    return _sorted(statement, query.sort, price=price, potency=THC, newest=p.created_at,
                   sku=p.ocs_variant_number)


def _accessories(store_id: uuid.UUID, query: BrowseQuery) -> Select:
    a, stock, pending = Accessory, _stock(store_id), _pending(store_id)
    price = func.coalesce(stock.c.override_price, stock.c.retail_price, a.retail_price)
    available = _available(stock, pending)
    none = literal(None)
    columns = (a.sku, a.name, func.coalesce(a.brand, ""), literal("accessory"), price.label("price"),
               available.label("available"), none, literal("0"), literal(""), none,
               none, none, none, none, literal("0"), a.image_url)
    whole = query.skus is None
    if whole:
        statement = _down_the_shelf(columns, a.sku, listing.ACCESSORIES, query, pending)
        listed_price, brand = listing.LISTING.c.price, listing.LISTING.c.brand
    else:
        statement = select(*columns).where(a.is_active, a.sku.in_(query.skus))
        listed_price, brand = price, a.brand
    statement = statement.outerjoin(stock, stock.c.sku == a.sku).outerjoin(pending, pending.c.sku == a.sku)
    statement = _ranged(statement, listed_price, query.price)
    if query.brands:
        statement = statement.where(brand.in_(query.brands))
    if query.in_stock_only:
        statement = statement.where(available > 0)
    if whole:
        return listing.ordered(statement, _shelf_sort(query))
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


def _row(values) -> CatalogRow:
    (sku, name, brand, form, price, available, plant, net, unit, pieces,
     thc_min, thc_max, cbd_min, cbd_max, dried, image) = values
    return CatalogRow(sku=sku, name=name, brand=brand or "", form=form, price=Decimal(price),
                      available=int(available), plant_type=plant, net_content=Decimal(net or 0), unit=unit or "",
                      pieces=pieces, thc=(_dec(thc_min), _dec(thc_max)), cbd=(_dec(cbd_min), _dec(cbd_max)),
                      dried_equivalent_g=Decimal(dried or 0), image_url=image)


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def browse_statement(store_id: uuid.UUID, query: BrowseQuery) -> Select:
    """The SQL of one browse request (without paging), for the page query and for EXPLAIN QUERY PLAN."""
    return _accessories(store_id, query) if query.accessories else _cannabis(store_id, query)


def seeks(query: BrowseQuery) -> bool:
    """Whether the next page of ``query`` is found by the last row's sort key (``browse_page(after=...)``)."""
    return query.skus is None and (query.accessories or listing.shelf(query.forms) is not None)


def browse_page(session: Session, store_id: uuid.UUID, query: BrowseQuery, *, limit: int,
                offset: int = 0, after: str | None = None) -> list[CatalogRow]:
    """One page: ``offset`` rows in, or, when the query ``seeks``, the rows after SKU ``after``."""
    statement = browse_statement(store_id, query)
    if after is not None and seeks(query):
        statement = listing.after(session, statement, _shelf_sort(query), after)
    elif offset:
        statement = statement.offset(offset)
    return [_row(values) for values in session.execute(statement.limit(limit))]


def product_row(session: Session, store_id: uuid.UUID, sku: str) -> CatalogRow | None:
    """One product by SKU (in stock or not), with its description and terpenes for the product page."""
    query = BrowseQuery(skus=(sku,), in_stock_only=False, sort="newest")
    for accessories in (False, True):
        found = session.execute(browse_statement(store_id, BrowseQuery(**{**query.__dict__,
                                                                          "accessories": accessories}))).first()
        if found is not None:
            row = _row(found)
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
        listing = browse_statement(store_id, query).order_by(None).subquery()
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
