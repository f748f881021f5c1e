"""catalog search: FTS5 trigram index over active products and accessories, NOCASE prefix indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 07:30:00

Search as you type must answer in milliseconds on a 100,000-product catalog; a LIKE '%word%' scan cannot.
Each catalog table gets an FTS5 table with the trigram tokenizer (substring matching for words of three
characters or more), kept in step by triggers, so rows the sync replica or a bulk load writes are indexed
in the same transaction. Only active rows are indexed: a tombstone is an UPDATE of is_active.

The FTS rowid is the catalog row's rowid. The replica writes with INSERT OR REPLACE, and SQLite does not fire
DELETE triggers for the rows REPLACE removes (recursive_triggers is off), so a BEFORE INSERT trigger drops the
index entries of any row the new one is about to replace on one of its unique keys.

Shorter words and "starts with" ranking use partial NOCASE indexes on the names and brands of active rows.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (catalog table, search table, its unique keys, the indexed values of row {r}: name, brand, sku)
CATALOGS = (
    ("ocs_product_catalog", "ocs_product_search", ("id", "ocs_variant_number", "each_gtin", "case_gtin"),
     "{r}.product_name, {r}.brand_name, {r}.ocs_variant_number"),
    ("accessories_catalog", "accessory_search", ("id", "sku", "barcode"),
     "{r}.name, coalesce({r}.brand, ''), {r}.sku"),
)
# Partial indexes of active rows in name or brand order (NOCASE), holding name, brand and SKU, so "starts
# with" and walking names in order while checking other words never read the wide catalog rows. They hold
# is_active too: SQLite reads the column to check the partial index's own condition.
PREFIX_INDEXES = (
    ("ix_ocs_product_catalog_active_name_nocase", "ocs_product_catalog",
     "product_name COLLATE NOCASE, brand_name, ocs_variant_number, is_active"),
    ("ix_ocs_product_catalog_active_brand_nocase", "ocs_product_catalog",
     "brand_name COLLATE NOCASE, product_name COLLATE NOCASE, ocs_variant_number, is_active"),
    ("ix_accessories_catalog_active_name_nocase", "accessories_catalog", "name COLLATE NOCASE, brand, sku, is_active"),
    ("ix_accessories_catalog_active_brand_nocase", "accessories_catalog",
     "brand COLLATE NOCASE, name COLLATE NOCASE, sku, is_active"),
)


def _index_row(search: str, values: str, row: str) -> str:
    return (f"INSERT INTO {search} (rowid, name, brand, sku) SELECT {row}.rowid, {values.format(r=row)} "
            f"WHERE {row}.is_active;")


def upgrade() -> None:
    for table, search, keys, values in CATALOGS:
        op.execute(f"CREATE VIRTUAL TABLE {search} USING fts5(name, brand, sku, "
                   "tokenize = 'trigram case_sensitive 0')")
        op.execute(f"INSERT INTO {search} (rowid, name, brand, sku) "
                   f"SELECT rowid, {values.format(r=table)} FROM {table} WHERE is_active")
        replaced = " OR ".join(f"{key} = new.{key}" for key in keys)
        op.execute(f"CREATE TRIGGER {search}_before_insert BEFORE INSERT ON {table} BEGIN "
                   f"DELETE FROM {search} WHERE rowid IN (SELECT rowid FROM {table} WHERE {replaced}); END")
        op.execute(f"CREATE TRIGGER {search}_after_insert AFTER INSERT ON {table} BEGIN "
                   f"{_index_row(search, values, 'new')} END")
        # Every update, not only of the searched columns: an upsert's BEFORE INSERT has already unindexed the row.
        op.execute(f"CREATE TRIGGER {search}_after_update AFTER UPDATE ON {table} BEGIN "
                   f"DELETE FROM {search} WHERE rowid = old.rowid; "
                   f"{_index_row(search, values, 'new')} END")
        op.execute(f"CREATE TRIGGER {search}_after_delete AFTER DELETE ON {table} BEGIN "
                   f"DELETE FROM {search} WHERE rowid = old.rowid; END")
    for index, table, columns in PREFIX_INDEXES:
        op.execute(f"CREATE INDEX {index} ON {table} ({columns}) WHERE is_active")


def downgrade() -> None:
    for index, _table, _columns in PREFIX_INDEXES:
        op.execute(f"DROP INDEX {index}")
    for _table, search, _keys, _values in CATALOGS:
        for event in ("before_insert", "after_insert", "after_update", "after_delete"):
            op.execute(f"DROP TRIGGER {search}_{event}")
        op.execute(f"DROP TABLE {search}")
