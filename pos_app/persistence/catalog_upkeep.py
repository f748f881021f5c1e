"""The catalog's search index and secondary indexes during a first sync (or a reset): no upkeep row by row, one
build at the end (migration 0019).

- The FTS5 trigram tables of migration 0004 are kept by triggers that test ``catalog_upkeep_state.paused``.
  Paused, each is made again empty, and filled with one ``INSERT … SELECT`` per page of catalog rows as the
  pages come in (`fill`): the index is built while the next pages are fetched, not after the last one. At the
  end it is made to agree with the catalog (`rebuild`): rows the catch-up retired or replaced are taken out,
  rows not in it yet are put in.
- The secondary (not unique) indexes of the biggest catalog tables are dropped, their definitions kept in
  ``catalog_upkeep_indexes``, and made again after the rows are in: SQLite sorts each once instead of
  inserting into it row by row. The unique ones stay, since the replica's upserts find rows by them.
- So are the triggers of the catalog and stock tables (the search index's and the kiosk listing's). Paused,
  they did nothing but still tested their flag for every row: 45 % of the time to write the catalog's rows.
  Nothing is missed while they are away: the search index and the kiosk listing are built from the tables.

Pausing and building run in the caller's transaction (a first sync's first and last pages), so a crash leaves
the indexes, the definitions and the flag as they were, and the catch-up that resumes ends with the build.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

_STATE = "catalog_upkeep_state"
_DEFERRED = "catalog_upkeep_indexes"
# (catalog table, its search table, the indexed values: name, brand, SKU), as the triggers of 0004 index a row
# ({t} is the catalog table's alias, or nothing)
_SEARCHED = (
    ("ocs_product_catalog", "ocs_product_search", ("{t}product_name", "{t}brand_name", "{t}ocs_variant_number")),
    ("accessories_catalog", "accessory_search", ("{t}name", "coalesce({t}brand, '')", "{t}sku")),
)
SEARCHED_TABLES = frozenset(table for table, _search, _values in _SEARCHED)
# The tables a first sync writes most rows to, each with several indexes besides its unique keys.
DEFERRED_INDEX_TABLES = ("ocs_product_catalog", "batch_tracking")
# The tables whose triggers keep the search index and the kiosk listing, both made again at the end.
DEFERRED_TRIGGER_TABLES = ("ocs_product_catalog", "accessories_catalog", "ocs_inventory")


def pause(conn: Connection) -> None:
    """Stop the search triggers' upkeep and set the secondary indexes and the upkeep triggers aside: the catalog
    is about to be replaced wholesale."""
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 1")
    indexes = conn.exec_driver_sql(
        f"SELECT name, sql, type FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({_marks(DEFERRED_INDEX_TABLES)}) AND sql NOT LIKE 'CREATE UNIQUE%'",
        DEFERRED_INDEX_TABLES).all()
    triggers = conn.exec_driver_sql(
        f"SELECT name, sql, type FROM sqlite_master WHERE type = 'trigger' "
        f"AND tbl_name IN ({_marks(DEFERRED_TRIGGER_TABLES)})", DEFERRED_TRIGGER_TABLES).all()
    for name, sql, kind in (*indexes, *triggers):
        conn.exec_driver_sql(f"INSERT OR REPLACE INTO {_DEFERRED} (name, sql) VALUES (?, ?)", (name, sql))
        conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    for _table, search, _values in _SEARCHED:
        # Dropped and made again from its own definition: emptying an FTS5 table row by row costs as much as
        # filling it.
        definition = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                          (search,)).scalar_one()
        conn.exec_driver_sql(f"DROP TABLE {search}")
        conn.exec_driver_sql(definition)


def _marks(names: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in names)


def _values(values: tuple[str, str, str], alias: str = "") -> list[str]:
    return [value.format(t=alias) for value in values]


def fill(conn: Connection) -> None:
    """While paused: index for search the active catalog rows written since the last fill (rows are appended,
    so they are the ones past the search table's last rowid)."""
    for table, search, values in _SEARCHED:
        conn.exec_driver_sql(f"INSERT INTO {search} (rowid, name, brand, sku) SELECT rowid, "
                             f"{', '.join(_values(values))} FROM {table} "
                             f"WHERE rowid > coalesce((SELECT max(rowid) FROM {search}), 0) AND is_active")


def paused(conn: Connection) -> bool:
    return bool(conn.exec_driver_sql(f"SELECT paused FROM {_STATE}").scalar())


def rebuild(conn: Connection) -> None:
    """Make the set-aside indexes and triggers again, bring each search table in line with its catalog (every
    active row, with its name, brand and SKU as they are now), and let the triggers keep the search index from now
    on. One the schema already has again (a migration made it anew meanwhile) is left as it is.

    A row filled during the catch-up and then retired, or replaced (a re-sent row can take the rowid of the one
    it replaced), is taken out; rows not indexed yet are put in.
    """
    for name, sql in conn.exec_driver_sql(f"SELECT name, sql FROM {_DEFERRED} ORDER BY name").all():
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).first() is None:
            conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"DELETE FROM {_DEFERRED}")
    for table, search, values in _SEARCHED:
        name, brand, sku = _values(values, "t.")
        conn.exec_driver_sql(
            f"DELETE FROM {search} WHERE rowid IN (SELECT s.rowid FROM {search} s LEFT JOIN {table} t "
            f"ON t.rowid = s.rowid AND t.is_active WHERE t.rowid IS NULL OR s.name IS NOT {name} "
            f"OR s.brand IS NOT {brand} OR s.sku IS NOT {sku})")
        conn.exec_driver_sql(f"INSERT INTO {search} (rowid, name, brand, sku) SELECT rowid, "
                             f"{', '.join(_values(values))} FROM {table} "
                             f"WHERE is_active AND rowid NOT IN (SELECT rowid FROM {search})")
    conn.exec_driver_sql(f"UPDATE {_STATE} SET paused = 0")
