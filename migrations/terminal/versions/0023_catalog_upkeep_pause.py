"""catalog upkeep a first sync can pause: the search index and the big tables' secondary indexes, built at its end

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 06:30:00

The FTS5 trigram tables of migration 0004 are kept by triggers, row by row. A first sync of 100,000 products
spent about 5.5 s in them; filling the tables once from the catalog (`INSERT … SELECT`) takes under half of that.
``catalog_upkeep_state.paused`` turns the triggers off: a first sync (or a reset) sets it with its first page
and fills the search tables with its last page (pos_app.persistence.catalog_upkeep), each in its page's own
transaction, so a first sync cut off in between leaves it paused, and the catch-up that resumes ends with the
fill, as the kiosk listing's pause does (migration 0018).

The same first page sets the catalog's and the lots' secondary indexes aside (their definitions in
``catalog_upkeep_indexes``), and the last page makes them again, once the rows are in.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0023'
down_revision: Union[str, Sequence[str], None] = '0022'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written out here, not imported: a migration must not change when the app's code does (as in 0004).
CATALOGS = (
    ("ocs_product_catalog", "ocs_product_search", ("id", "ocs_variant_number", "each_gtin", "case_gtin"),
     "{r}.product_name, {r}.brand_name, {r}.ocs_variant_number"),
    ("accessories_catalog", "accessory_search", ("id", "sku", "barcode"),
     "{r}.name, coalesce({r}.brand, ''), {r}.sku"),
)
STATE = "catalog_upkeep_state"
DEFERRED = "catalog_upkeep_indexes"
RUNNING = f"WHEN (SELECT paused FROM {STATE}) = 0"


def _index_row(search: str, values: str, row: str) -> str:
    return (f"INSERT INTO {search} (rowid, name, brand, sku) SELECT {row}.rowid, {values.format(r=row)} "
            f"WHERE {row}.is_active;")


def _triggers(when: str) -> None:
    for table, search, keys, values in CATALOGS:
        for event in ("before_insert", "after_insert", "after_update", "after_delete"):
            op.execute(f"DROP TRIGGER {search}_{event}")
        replaced = " OR ".join(f"{key} = new.{key}" for key in keys)
        op.execute(f"CREATE TRIGGER {search}_before_insert BEFORE INSERT ON {table} {when} BEGIN "
                   f"DELETE FROM {search} WHERE rowid IN (SELECT rowid FROM {table} WHERE {replaced}); END")
        op.execute(f"CREATE TRIGGER {search}_after_insert AFTER INSERT ON {table} {when} BEGIN "
                   f"{_index_row(search, values, 'new')} END")
        op.execute(f"CREATE TRIGGER {search}_after_update AFTER UPDATE ON {table} {when} BEGIN "
                   f"DELETE FROM {search} WHERE rowid = old.rowid; "
                   f"{_index_row(search, values, 'new')} END")
        op.execute(f"CREATE TRIGGER {search}_after_delete AFTER DELETE ON {table} {when} BEGIN "
                   f"DELETE FROM {search} WHERE rowid = old.rowid; END")


def upgrade() -> None:
    op.execute(f"CREATE TABLE {STATE} (id INTEGER PRIMARY KEY CHECK (id = 1), paused BOOLEAN NOT NULL)")
    op.execute(f"INSERT INTO {STATE} (id, paused) VALUES (1, 0)")
    op.execute(f"CREATE TABLE {DEFERRED} (name VARCHAR PRIMARY KEY, sql VARCHAR NOT NULL)")
    _triggers(RUNNING)


def downgrade() -> None:
    _triggers("")
    op.execute(f"DROP TABLE {DEFERRED}")
    op.execute(f"DROP TABLE {STATE}")
