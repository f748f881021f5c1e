"""The catalog search index (the FTS5 trigram tables of migration 0004) during a first sync: no upkeep row by
row, one fill at the end (migration 0019).

Pausing and filling run in the caller's transaction (a first sync's first and last pages), so a crash leaves
the index and the flag as they were, and the catch-up that resumes ends with the fill.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

_STATE = "catalog_search_state"
# (catalog table, its search table, the indexed values: name, brand, SKU), as the triggers of 0004 index a row
_CATALOGS = (
    ("ocs_product_catalog", "ocs_product_search", "product_name, brand_name, ocs_variant_number"),
    ("accessories_catalog", "accessory_search", "name, coalesce(brand, ''), sku"),
)


def pause(conn: Connection) -> None:
    """Stop the triggers' upkeep (they test this flag): the catalog is about to be replaced wholesale."""
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 1")


def paused(conn: Connection) -> bool:
    return bool(conn.exec_driver_sql(f"SELECT paused FROM {_STATE}").scalar())


def rebuild(conn: Connection) -> None:
    """Index every active catalog row again, in one statement per table, and let the triggers keep it from now on.

    Each search table is dropped and made again from its own definition: emptying an FTS5 table row by row
    costs as much as filling it.
    """
    for table, search, values in _CATALOGS:
        definition = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                          (search,)).scalar_one()
        conn.exec_driver_sql(f"DROP TABLE {search}")
        conn.exec_driver_sql(definition)
        conn.exec_driver_sql(f"INSERT INTO {search} (rowid, name, brand, sku) "
                             f"SELECT rowid, {values} FROM {table} WHERE is_active")
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 0")
