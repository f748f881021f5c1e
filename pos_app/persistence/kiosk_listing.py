"""The kiosk listing (migrations 0010 and 0018): per SKU (cannabis and accessories) its shelf, sort keys, what the
filters test and the stock on hand, kept current by triggers, with an index per sort that holds all of them. A page
is read down that index and stops after its rows, instead of sorting the whole shelf; a row that fails a filter is
dropped from the index entry alone; the next page seeks past the last row's key instead of counting an OFFSET.

A shelf is a category of the menu: flower holds dried and fresh flower, extracts hold oils; accessories are one.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Integer, MetaData, String, Table, and_, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pos_app.persistence.types import Cents

# Its own metadata: the table is the migration's (with its triggers), not a model's.
LISTING = Table("kiosk_listing", MetaData(),
                Column("sku", String(40), primary_key=True), Column("shelf", String(40)), Column("active", Boolean),
                Column("price", Cents()), Column("sold", Integer), Column("thc", Float), Column("cbd", Float),
                Column("created_at", String),  # compared as stored, never converted
                Column("plant_type", String(20)), Column("brand", String(120)),
                Column("net_content", String), Column("unit", String(8)),  # as the catalog stores them
                Column("on_hand", Integer))  # the highest pulled level of the SKU
SHELF_OF = {"fresh": "dried_flower", "oil": "extract"}
ACCESSORIES = "accessory"  # the accessories' shelf
_SORTS = {  # sort -> (column, descending, index)
    "best_sellers": (LISTING.c.sold, True, "kiosk_listing_best_sellers"),
    "price_low": (LISTING.c.price, False, "kiosk_listing_price_low"),
    "price_high": (LISTING.c.price, True, "kiosk_listing_price_high"),
    "potency": (LISTING.c.thc, True, "kiosk_listing_potency"),
    "newest": (LISTING.c.created_at, True, "kiosk_listing_newest"),
}


SORTS = tuple(_SORTS)


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


# --- a first sync: no upkeep row by row, one rebuild at the end -------------------------------------------------

_STATE = "kiosk_listing_state"
# The listing as the triggers of migration 0018 keep it, every row at once: the price the store sets (a stock
# row's override, then its retail price, then the catalog's), units sold, and the highest pulled level.
_STOCK_PRICE = ("(SELECT COALESCE(i.override_price, i.retail_price) FROM ocs_inventory i WHERE i.sku = {0} "
                "ORDER BY i.override_price IS NULL AND i.retail_price IS NULL LIMIT 1)")
_REBUILD = f"""
WITH sold AS (SELECT sku, SUM(quantity) AS units FROM order_items GROUP BY sku),
     stock AS (SELECT sku, MAX(quantity_on_hand) AS on_hand FROM ocs_inventory GROUP BY sku)
INSERT INTO kiosk_listing (sku, shelf, active, price, sold, thc, cbd, created_at, plant_type, brand, net_content,
                           unit, on_hand)
SELECT p.ocs_variant_number,
       CASE p.product_form WHEN 'fresh' THEN 'dried_flower' WHEN 'oil' THEN 'extract' ELSE p.product_form END,
       p.is_active, COALESCE({_STOCK_PRICE.format("p.ocs_variant_number")}, p.price_per_unit),
       COALESCE(sold.units, 0), CAST(p.thc_max AS REAL), CAST(p.cbd_max AS REAL), p.created_at, p.plant_type,
       p.brand_name, p.net_content, p.unit_of_measure, COALESCE(stock.on_hand, 0)
FROM ocs_product_catalog p
LEFT JOIN sold ON sold.sku = p.ocs_variant_number LEFT JOIN stock ON stock.sku = p.ocs_variant_number
UNION ALL
SELECT a.sku, 'accessory', a.is_active, COALESCE({_STOCK_PRICE.format("a.sku")}, a.retail_price),
       COALESCE(sold.units, 0), NULL, NULL, a.created_at, NULL, a.brand, NULL, NULL, COALESCE(stock.on_hand, 0)
FROM accessories_catalog a
LEFT JOIN sold ON sold.sku = a.sku LEFT JOIN stock ON stock.sku = a.sku
"""
def pause(conn: Connection) -> None:
    """Stop the triggers' upkeep (they test this flag): the catalog is about to be replaced wholesale."""
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 1")


def paused(conn: Connection) -> bool:
    return bool(conn.exec_driver_sql(f"SELECT paused FROM {_STATE}").scalar())


def rebuild(conn: Connection) -> None:
    """Make the listing again from the catalog, stock and order lines, and let the triggers keep it from now on.

    Its indexes are dropped and made again after the rows are in (SQLite sorts once instead of inserting into
    five indexes row by row): about half a second at 100,000 products, in the caller's transaction, so a crash
    leaves the old listing and the flag as they were.
    """
    indexes = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                   "AND tbl_name = 'kiosk_listing' AND sql IS NOT NULL").all()
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    conn.exec_driver_sql("DELETE FROM kiosk_listing")
    conn.exec_driver_sql(_REBUILD)
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 0")
