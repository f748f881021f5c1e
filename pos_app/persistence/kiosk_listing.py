"""The kiosk listing (migration 0010): per cannabis SKU its shelf and sort keys, kept current by triggers, with an
index per sort. A page is read down that index and stops after its rows, instead of sorting the whole shelf, and
the next page seeks past the last row's key instead of counting an OFFSET.

A shelf is a category of the menu: flower holds dried and fresh flower, extracts hold oils.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Integer, MetaData, String, Table, and_, or_, select
from sqlalchemy.orm import Session

from pos_app.persistence.types import Cents

# Its own metadata: the table is the migration's (with its triggers), not a model's.
LISTING = Table("kiosk_listing", MetaData(),
                Column("sku", String(40), primary_key=True), Column("shelf", String(40)), Column("active", Boolean),
                Column("price", Cents()), Column("sold", Integer), Column("thc", Float), Column("cbd", Float),
                Column("created_at", String))  # compared as stored, never converted
SHELF_OF = {"fresh": "dried_flower", "oil": "extract"}
_SORTS = {  # sort -> (column, descending, index)
    "best_sellers": (LISTING.c.sold, True, "kiosk_listing_best_sellers"),
    "price_low": (LISTING.c.price, False, "kiosk_listing_price_low"),
    "price_high": (LISTING.c.price, True, "kiosk_listing_price_high"),
    "potency": (LISTING.c.thc, True, "kiosk_listing_potency"),
    "newest": (LISTING.c.created_at, True, "kiosk_listing_newest"),
}


def shelf(forms: tuple[str, ...]) -> str | None:
    """The shelf that is exactly ``forms``, or None (no forms, or forms that are not one whole shelf)."""
    shelves = {SHELF_OF.get(form, form) for form in forms}
    if len(shelves) != 1:
        return None
    (name,) = shelves
    whole = {name, *(form for form, into in SHELF_OF.items() if into == name)}
    return name if set(forms) == whole else None


def sort_column(sort: str):
    column, descending, _index = _SORTS.get(sort, _SORTS["best_sellers"])
    return column, descending


def index_hint(sort: str) -> str:
    """SQLite's INDEXED BY for the sort: the planner would otherwise start from a filter's index and sort."""
    return f"INDEXED BY {_SORTS.get(sort, _SORTS['best_sellers'])[2]}"


def ordered(statement, sort: str):
    column, descending = sort_column(sort)
    return statement.order_by(column.desc() if descending else column, LISTING.c.sku)


def after(session: Session, statement, sort: str, sku: str):
    """``statement`` narrowed to the rows that come after ``sku`` in the sort: the next page, by its key."""
    column, descending = sort_column(sort)
    key = session.execute(select(column).where(LISTING.c.sku == sku)).first()
    if key is None:  # the row is gone (the catalog changed): nothing to seek from
        return statement.where(LISTING.c.sku.is_(None))
    (value,) = key
    later = LISTING.c.sku > sku
    if value is None:  # NULLs sort last when descending (potency): only the NULLs past this SKU
        return statement.where(column.is_(None), later)
    if descending:
        # The range (column <= key) lets SQLite seek in the index; NULLs (potency only) come after every value.
        seek = and_(column <= value, or_(column < value, later))
        return statement.where(or_(seek, column.is_(None)) if column is LISTING.c.thc else seek)
    return statement.where(column >= value, or_(column > value, later))
