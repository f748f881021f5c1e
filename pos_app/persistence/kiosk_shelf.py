"""A whole shelf's page (a category of the kiosk's menu, or the accessories), read down the kiosk listing.

The page is read down the listing's index for the sort and stops after its rows; every filter is tested on the
listing's copies of the catalog's columns, which that index holds, so a product that fails them costs no row read.

There is one statement per kind of shelf, sort and seek, built once and kept. What a customer changes (the shelf,
strain types, THC, CBD and price bounds, brands, sizes, in stock only, where the last page ended, and the time
reservations run to) are bound values: SQLAlchemy compiles each statement once, instead of once for every new
combination of filters a customer taps (5 ms each, a third of a frame), and no statement is built per page.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

from sqlalchemy import Boolean, DateTime, Float, Integer, Select, and_, bindparam, or_, select, tuple_
from sqlalchemy.orm import Session

from pos_app.persistence import kiosk_listing as listing
from pos_app.persistence import kiosk_rows as rows
from pos_app.persistence.models import Accessory, OcsProduct
from pos_app.persistence.types import utcnow

LISTED = listing.LISTING.c


def shelf_sort(query: rows.BrowseQuery) -> str:
    return "best_sellers" if query.accessories and query.sort == "potency" else query.sort  # no potency: as ever


def shelf_of(query: rows.BrowseQuery) -> str | None:
    """The listing's shelf ``query`` asks for whole, or None (search results, or forms that are no one shelf)."""
    if query.skus is not None:
        return None
    return listing.ACCESSORIES if query.accessories else listing.shelf(query.forms)


def _bound_range(column, name: str, kind) -> list:
    low, high = bindparam(f"{name}_low", type_=kind), bindparam(f"{name}_high", type_=kind)
    return [or_(low.is_(None), column >= low), or_(high.is_(None), column <= high)]


def _any_of(column, name: str):
    return or_(bindparam(f"any_{name}", type_=Boolean), column.in_(bindparam(name, expanding=True)))


def _seek(sort: str, key_is_null: bool):
    """The rows after the one whose key is ``after_value`` and SKU ``after_sku``, in the sort."""
    column, descending = listing.sort_column(sort)
    value, sku = bindparam("after_value", type_=column.type), bindparam("after_sku", type_=LISTED.sku.type)
    later = LISTED.sku > sku
    if key_is_null:  # NULLs sort last when descending (potency): only the NULLs past this SKU
        return and_(column.is_(None), later)
    if descending:
        # The range (column <= key) lets SQLite seek in the index; NULLs (potency only) come after every value.
        seek = and_(column <= value, or_(column < value, later))
        return or_(seek, column.is_(None)) if column is LISTED.thc else seek
    return and_(column >= value, or_(column > value, later))


@lru_cache(maxsize=64)
def shelf_statement(store_id: uuid.UUID, accessories: bool, sort: str, seek: str | None = None) -> Select:
    """The page statement of a shelf of cannabis or of accessories, in ``sort``, from the start (``seek`` None) or
    after a row whose key is a value or NULL (``seek`` "value" or "null"); its values come from ``shelf_values``."""
    stock, pending = rows.stock(store_id), rows.pending(store_id, bindparam("now", type_=DateTime()))
    key = Accessory.sku if accessories else OcsProduct.ocs_variant_number
    columns = (rows.accessory_columns if accessories else rows.cannabis_columns)(stock, pending)
    any_stock = bindparam("any_stock", type_=Boolean)
    statement = (
        select(*columns).select_from(listing.LISTING)
        .with_hint(listing.LISTING, listing.index_hint(sort), "sqlite")
        .join(key.class_, key == LISTED.sku)
        .where(LISTED.shelf == bindparam("shelf"), LISTED.active,
               # nothing on hand and no local movement: not in stock, before any stock row is read
               or_(any_stock, LISTED.on_hand > 0, LISTED.sku.in_(select(pending.c.sku))),
               _any_of(LISTED.plant_type, "plant_types"), _any_of(LISTED.brand, "brands"),
               or_(bindparam("any_sizes", type_=Boolean),
                   tuple_(LISTED.net_content, LISTED.unit).in_(bindparam("sizes", expanding=True))),
               *_bound_range(LISTED.thc, "thc", Float()), *_bound_range(LISTED.cbd, "cbd", Float()),
               *_bound_range(LISTED.price, "price", LISTED.price.type))
        .outerjoin(stock, stock.c.sku == key)
        .outerjoin(pending, pending.c.sku == key)
        .where(or_(any_stock, rows.available(stock, pending) > 0))
    )
    if seek is not None:
        statement = statement.where(_seek(sort, seek == "null"))
    return (listing.ordered(statement, sort)
            .limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer)))


def shelf_values(query: rows.BrowseQuery, *, limit: int, offset: int = 0) -> dict:
    """The bound values of ``query``'s page statement (its shelf, filters, paging, and now for reservations)."""
    def floats(bounds):
        return [None if bound is None else float(bound) for bound in bounds]

    (thc_low, thc_high), (cbd_low, cbd_high) = floats(query.thc), floats(query.cbd)
    return {
        "shelf": shelf_of(query), "now": utcnow(), "any_stock": not query.in_stock_only,
        # An unused list still holds one value: an empty one is written as a special empty set, another shape.
        "any_plant_types": not query.plant_types, "plant_types": list(query.plant_types) or [""],
        "any_brands": not query.brands, "brands": list(query.brands) or [""],
        "any_sizes": not query.sizes, "sizes": [tuple(size) for size in query.sizes] or [("", "")],
        "thc_low": thc_low, "thc_high": thc_high, "cbd_low": cbd_low, "cbd_high": cbd_high,
        "price_low": query.price[0], "price_high": query.price[1], "limit": limit, "offset": offset,
    }


def shelf_page(session: Session, store_id: uuid.UUID, query: rows.BrowseQuery, *, limit: int, offset: int = 0,
               after: str | None = None) -> list[rows.CatalogRow]:
    """One page of a whole shelf: ``offset`` rows in or, quicker, the rows after SKU ``after`` (its sort key)."""
    sort = shelf_sort(query)
    values = shelf_values(query, limit=limit, offset=0 if after is not None else offset)
    seek = None
    if after is not None:
        column, _descending = listing.sort_column(sort)
        key = session.execute(select(column).where(LISTED.sku == after)).first()
        if key is None:  # the row is gone (the catalog changed): nothing to seek from
            return []
        seek = "null" if key[0] is None else "value"
        values.update(after_value=key[0], after_sku=after)
    statement = shelf_statement(store_id, query.accessories, sort, seek)
    return [rows.row_of(values) for values in session.connection().execute(statement, values)]


def prepare(session: Session, store_id: uuid.UUID) -> None:
    """Compile every shelf statement (each sort, first and next pages, cannabis and accessories) by running it for
    no rows: about 5 ms each, done once while the kiosk waits for a customer instead of on their first taps."""
    for accessories in (False, True):
        query = rows.BrowseQuery(accessories=accessories, forms=() if accessories else ("vape",))
        for sort in listing.SORTS:
            for seek in (None, "value"):
                values = {**shelf_values(query, limit=0), "after_value": None, "after_sku": ""}
                session.connection().execute(shelf_statement(store_id, accessories, sort, seek), values).all()
