"""kiosk listing: each cannabis product's shelf and sort keys, kept current by triggers

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 09:00:00

A kiosk shows a shelf (a category: flower holds dried and fresh flower) sorted by units sold, price, potency or
newest. The price a customer sees comes from the store's stock row and units sold from the order lines, so no
index on the catalog gives that order and every page sorted the whole shelf. This table holds, per SKU, the shelf
and every sort key, with an index per sort, so a page is read in order and stops after its 48 rows. Triggers keep
it current as the replica's catalog and stock rows are pulled and as sales write order lines.

The replica holds one store's stock, so the price is that store's (override, then retail, then the catalog's).
The models do not describe this table (it is SQLite's, with triggers): catalog_search.is_search_index names it.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written out here, not imported: a migration must not change when the app's code does.
SHELF = "CASE {0}.product_form WHEN 'fresh' THEN 'dried_flower' WHEN 'oil' THEN 'extract' ELSE {0}.product_form END"
PRICE = ("COALESCE((SELECT COALESCE(i.override_price, i.retail_price) FROM ocs_inventory i WHERE i.sku = {0}.{1} "
         "ORDER BY i.override_price IS NULL AND i.retail_price IS NULL LIMIT 1), {0}.price_per_unit)")
SOLD = "(SELECT COALESCE(SUM(quantity), 0) FROM order_items WHERE sku = {0}.ocs_variant_number)"
INDEXES = (
    ("kiosk_listing_best_sellers", "shelf, sold DESC, sku"),
    ("kiosk_listing_price_low", "shelf, price, sku"),
    ("kiosk_listing_price_high", "shelf, price DESC, sku"),
    ("kiosk_listing_potency", "shelf, thc DESC, sku"),
    ("kiosk_listing_newest", "shelf, created_at DESC, sku"),
)


def _listed(row: str) -> str:
    return (f"INSERT OR REPLACE INTO kiosk_listing (sku, shelf, active, price, sold, thc, cbd, created_at) "
            f"SELECT {row}.ocs_variant_number, {SHELF.format(row)}, {row}.is_active, "
            f"{PRICE.format(row, 'ocs_variant_number')}, {SOLD.format(row)}, CAST({row}.thc_max AS REAL), "
            f"CAST({row}.cbd_max AS REAL), {row}.created_at")


def upgrade() -> None:
    op.execute("CREATE TABLE kiosk_listing (sku VARCHAR(40) NOT NULL PRIMARY KEY, shelf VARCHAR(40) NOT NULL, "
               "active BOOLEAN NOT NULL, price INTEGER, sold INTEGER NOT NULL DEFAULT 0, thc REAL, cbd REAL, "
               "created_at DATETIME)")
    for name, columns in INDEXES:
        op.execute(f"CREATE INDEX {name} ON kiosk_listing ({columns})")
    # The price lookups below go by SKU alone: without this index each scans ocs_inventory (quadratic on a sync).
    op.create_index("ix_ocs_inventory_sku", "ocs_inventory", ["sku"])
    op.execute(f"{_listed('p')} FROM ocs_product_catalog p")
    catalog = "ocs_product_catalog"
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_insert AFTER INSERT ON {catalog} BEGIN "
               f"{_listed('new')}; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_update AFTER UPDATE ON {catalog} BEGIN "
               f"DELETE FROM kiosk_listing WHERE sku = old.ocs_variant_number AND sku IS NOT new.ocs_variant_number; "
               f"{_listed('new')}; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_delete AFTER DELETE ON {catalog} BEGIN "
               "DELETE FROM kiosk_listing WHERE sku = old.ocs_variant_number; END")
    # A stock row carries the store's prices.
    price = ("UPDATE kiosk_listing SET price = COALESCE(new.override_price, new.retail_price, "
             "(SELECT price_per_unit FROM ocs_product_catalog WHERE ocs_variant_number = new.sku)) "
             "WHERE sku = new.sku;")
    op.execute(f"CREATE TRIGGER kiosk_listing_stock_insert AFTER INSERT ON ocs_inventory BEGIN {price} END")
    op.execute("CREATE TRIGGER kiosk_listing_stock_update AFTER UPDATE OF override_price, retail_price, sku "
               f"ON ocs_inventory BEGIN {price} END")
    # Units sold move with the order lines (a sale here, or lines pulled from the hub).
    op.execute("CREATE TRIGGER kiosk_listing_sold_insert AFTER INSERT ON order_items BEGIN "
               "UPDATE kiosk_listing SET sold = sold + new.quantity WHERE sku = new.sku; END")
    op.execute("CREATE TRIGGER kiosk_listing_sold_update AFTER UPDATE OF sku, quantity ON order_items BEGIN "
               "UPDATE kiosk_listing SET sold = sold - old.quantity WHERE sku = old.sku; "
               "UPDATE kiosk_listing SET sold = sold + new.quantity WHERE sku = new.sku; END")
    op.execute("CREATE TRIGGER kiosk_listing_sold_delete AFTER DELETE ON order_items BEGIN "
               "UPDATE kiosk_listing SET sold = sold - old.quantity WHERE sku = old.sku; END")


def downgrade() -> None:
    op.drop_index("ix_ocs_inventory_sku", table_name="ocs_inventory")
    for trigger in ("catalog_insert", "catalog_update", "catalog_delete", "stock_insert", "stock_update",
                    "sold_insert", "sold_update", "sold_delete"):
        op.execute(f"DROP TRIGGER kiosk_listing_{trigger}")
    op.execute("DROP TABLE kiosk_listing")
