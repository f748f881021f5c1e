"""The catalog's search index and secondary indexes during a first sync (or a reset): no upkeep row by row, one
build at the end (migration 0019).

- The FTS5 trigram tables of migration 0004 are kept by triggers that test ``catalog_upkeep_state.paused``;
  at the end each is made again and filled with one ``INSERT … SELECT``.
- The secondary (not unique) indexes of the biggest catalog tables are dropped, their definitions kept in
  ``catalog_upkeep_indexes``, and made again after the rows are in: SQLite sorts each once instead of
  inserting into it row by row. The unique ones stay, since the replica's upserts find rows by them.

Pausing and building run in the caller's transaction (a first sync's first and last pages), so a crash leaves
the indexes, the definitions and the flag as they were, and the catch-up that resumes ends with the build.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

_STATE = "catalog_upkeep_state"
_DEFERRED = "catalog_upkeep_indexes"
# (catalog table, its search table, the indexed values: name, brand, SKU), as the triggers of 0004 index a row
_SEARCHED = (
    ("ocs_product_catalog", "ocs_product_search", "product_name, brand_name, ocs_variant_number"),
    ("accessories_catalog", "accessory_search", "name, coalesce(brand, ''), sku"),
)
# The tables a first sync writes most rows to, each with several indexes besides its unique keys.
DEFERRED_INDEX_TABLES = ("ocs_product_catalog", "batch_tracking")


def pause(conn: Connection) -> None:
    """Stop the search triggers' upkeep and set the secondary indexes aside: the catalog is about to be replaced
    wholesale."""
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 1")
    marks = ", ".join("?" for _ in DEFERRED_INDEX_TABLES)
    indexes = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) "
        "AND sql NOT LIKE 'CREATE UNIQUE%'", DEFERRED_INDEX_TABLES).all()
    for name, sql in indexes:
        conn.exec_driver_sql(f"INSERT OR REPLACE INTO {_DEFERRED} (name, sql) VALUES (?, ?)", (name, sql))
        conn.exec_driver_sql(f'DROP INDEX "{name}"')


def paused(conn: Connection) -> bool:
    return bool(conn.exec_driver_sql(f"SELECT paused FROM {_STATE}").scalar())


def rebuild(conn: Connection) -> None:
    """Make the set-aside indexes again, index every active catalog row for search in one statement per table,
    and let the triggers keep the search index from now on.

    Each search table is dropped and made again from its own definition: emptying an FTS5 table row by row
    costs as much as filling it.
    """
    for _name, sql in conn.exec_driver_sql(f"SELECT name, sql FROM {_DEFERRED} ORDER BY name").all():
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"DELETE FROM {_DEFERRED}")
    for table, search, values in _SEARCHED:
        definition = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                          (search,)).scalar_one()
        conn.exec_driver_sql(f"DROP TABLE {search}")
        conn.exec_driver_sql(definition)
        conn.exec_driver_sql(f"INSERT INTO {search} (rowid, name, brand, sku) "
                             f"SELECT rowid, {values} FROM {table} WHERE is_active")
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 0")
