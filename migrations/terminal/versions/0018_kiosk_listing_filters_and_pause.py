"""kiosk listing: accessories too, the filters' columns and stock on hand in every sort's index, and upkeep a first
sync can pause

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-09 09:00:00

A shelf's page reads down the listing's index for its sort and stops after 48 rows. With a filter that few
products pass (a brand, a size and a price range together) it reads the whole shelf, 33,000 rows of flower at
100,000 products, and for each one it fetched the listing row, the catalog row and the stock row: 30 ms. The
listing now copies what the filters test (strain type, brand, size) and the stock on hand, and every sort's index
holds them all, so a row that fails a filter is dropped from the index entry alone (about 2 ms for the shelf).

Accessories get their shelf in the listing too ('accessory'): their page sorted the 5,000 accessories of a
100,000-product catalog by units sold, summing each one's order lines, for every page (7 ms).

``on_hand`` is the highest pulled level of the SKU: a product with nothing on hand and no local stock movement
cannot be in stock, so the query skips it before it reads the stock itself (which stays the register's rule).

The triggers fire once per catalog and stock row. A first sync writes 200,000 of them, and the listing's upkeep
made it take 39 s instead of 29 s. ``kiosk_listing_state.paused`` turns them off: a first sync (or a reset)
sets it with its first page and builds the listing in one go with its last page (pos_app.persistence.replica),
each in the page's own transaction, so a crash in between leaves it paused, and the catch-up that resumes ends
with the rebuild.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0018'
down_revision: Union[str, Sequence[str], None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written out here, not imported: a migration must not change when the app's code does.
SHELF = "CASE {0}.product_form WHEN 'fresh' THEN 'dried_flower' WHEN 'oil' THEN 'extract' ELSE {0}.product_form END"
PRICE = ("COALESCE((SELECT COALESCE(i.override_price, i.retail_price) FROM ocs_inventory i WHERE i.sku = {0} "
         "ORDER BY i.override_price IS NULL AND i.retail_price IS NULL LIMIT 1), {1})")
# A stock row without a price of its own: the catalog's (a product's, or an accessory's; SKUs are one namespace)
CATALOG_PRICE = ("COALESCE((SELECT price_per_unit FROM ocs_product_catalog WHERE ocs_variant_number = {0}), "
                 "(SELECT retail_price FROM accessories_catalog WHERE sku = {0}))")
ON_HAND = "COALESCE((SELECT MAX(i.quantity_on_hand) FROM ocs_inventory i WHERE i.sku = {0}), 0)"
SOLD = "(SELECT COALESCE(SUM(quantity), 0) FROM order_items WHERE sku = {0})"
FILTERS = "active, on_hand, price, thc, cbd, plant_type, brand, net_content, unit"
INDEXES = (
    ("kiosk_listing_best_sellers", "shelf, sold DESC, sku"),
    ("kiosk_listing_price_low", "shelf, price, sku"),
    ("kiosk_listing_price_high", "shelf, price DESC, sku"),
    ("kiosk_listing_potency", "shelf, thc DESC, sku"),
    ("kiosk_listing_newest", "shelf, created_at DESC, sku"),
)
TRIGGERS = ("catalog_insert", "catalog_update", "catalog_delete", "accessory_insert", "accessory_update",
            "accessory_delete", "stock_insert", "stock_update", "sold_insert", "sold_update", "sold_delete")
COLUMNS = "sku, shelf, active, price, sold, thc, cbd, created_at, plant_type, brand, net_content, unit, on_hand"
NEW_COLUMNS = (("plant_type", "VARCHAR(20)"), ("brand", "VARCHAR(120)"), ("net_content", "VARCHAR"),
               ("unit", "VARCHAR(8)"), ("on_hand", "INTEGER NOT NULL DEFAULT 0"))


def _listed(row: str) -> str:
    sku = f"{row}.ocs_variant_number"
    return (f"INSERT OR REPLACE INTO kiosk_listing ({COLUMNS}) "
            f"SELECT {sku}, {SHELF.format(row)}, {row}.is_active, {PRICE.format(sku, row + '.price_per_unit')}, "
            f"{SOLD.format(sku)}, CAST({row}.thc_max AS REAL), CAST({row}.cbd_max AS REAL), {row}.created_at, "
            f"{row}.plant_type, {row}.brand_name, {row}.net_content, {row}.unit_of_measure, {ON_HAND.format(sku)}")


def _accessory_listed(row: str) -> str:
    sku = f"{row}.sku"
    return (f"INSERT OR REPLACE INTO kiosk_listing ({COLUMNS}) "
            f"SELECT {sku}, 'accessory', {row}.is_active, {PRICE.format(sku, row + '.retail_price')}, "
            f"{SOLD.format(sku)}, NULL, NULL, {row}.created_at, NULL, {row}.brand, NULL, NULL, {ON_HAND.format(sku)}")


def _stock(sku: str, when: str = "") -> str:
    return (f"UPDATE kiosk_listing SET price = {PRICE.format(sku, CATALOG_PRICE.format(sku))}, "
            f"on_hand = {ON_HAND.format(sku)} WHERE sku = {sku}{when};")


LIVE = "FOR EACH ROW WHEN NOT EXISTS (SELECT 1 FROM kiosk_listing_state WHERE paused)"


def _drop_upkeep() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS kiosk_listing_{trigger}")
    for name, _columns in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def upgrade() -> None:
    _drop_upkeep()
    op.execute("CREATE TABLE kiosk_listing_state (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "
               "paused BOOLEAN NOT NULL DEFAULT 0)")
    op.execute("INSERT INTO kiosk_listing_state (id, paused) VALUES (1, 0)")
    for name, kind in NEW_COLUMNS:
        op.execute(f"ALTER TABLE kiosk_listing ADD COLUMN {name} {kind}")
    op.execute("DELETE FROM kiosk_listing")
    op.execute(f"{_listed('p')} FROM ocs_product_catalog p")
    op.execute(f"{_accessory_listed('a')} FROM accessories_catalog a")
    for name, columns in INDEXES:
        op.execute(f"CREATE INDEX {name} ON kiosk_listing ({columns}, {FILTERS})")
    catalog = "ocs_product_catalog"
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_insert AFTER INSERT ON {catalog} {LIVE} BEGIN "
               f"{_listed('new')}; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_update AFTER UPDATE ON {catalog} {LIVE} BEGIN "
               "DELETE FROM kiosk_listing WHERE sku = old.ocs_variant_number AND sku IS NOT new.ocs_variant_number; "
               f"{_listed('new')}; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_delete AFTER DELETE ON {catalog} {LIVE} BEGIN "
               "DELETE FROM kiosk_listing WHERE sku = old.ocs_variant_number; END")
    accessories = "accessories_catalog"
    op.execute(f"CREATE TRIGGER kiosk_listing_accessory_insert AFTER INSERT ON {accessories} {LIVE} BEGIN "
               f"{_accessory_listed('new')}; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_accessory_update AFTER UPDATE ON {accessories} {LIVE} BEGIN "
               "DELETE FROM kiosk_listing WHERE sku = old.sku AND sku IS NOT new.sku; "
               f"{_accessory_listed('new')}; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_accessory_delete AFTER DELETE ON {accessories} {LIVE} BEGIN "
               "DELETE FROM kiosk_listing WHERE sku = old.sku; END")
    # A stock row carries the store's prices and its level.
    op.execute(f"CREATE TRIGGER kiosk_listing_stock_insert AFTER INSERT ON ocs_inventory {LIVE} BEGIN "
               f"{_stock('new.sku')} END")
    op.execute("CREATE TRIGGER kiosk_listing_stock_update AFTER UPDATE OF override_price, retail_price, "
               f"quantity_on_hand, sku ON ocs_inventory {LIVE} BEGIN "
               f"{_stock('old.sku', ' AND old.sku IS NOT new.sku')} {_stock('new.sku')} END")
    op.execute(f"CREATE TRIGGER kiosk_listing_stock_delete AFTER DELETE ON ocs_inventory {LIVE} BEGIN "
               f"{_stock('old.sku')} END")
    # Units sold move with the order lines (a sale here, or lines pulled from the hub).
    op.execute(f"CREATE TRIGGER kiosk_listing_sold_insert AFTER INSERT ON order_items {LIVE} BEGIN "
               "UPDATE kiosk_listing SET sold = sold + new.quantity WHERE sku = new.sku; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_sold_update AFTER UPDATE OF sku, quantity ON order_items {LIVE} "
               "BEGIN "
               "UPDATE kiosk_listing SET sold = sold - old.quantity WHERE sku = old.sku; "
               "UPDATE kiosk_listing SET sold = sold + new.quantity WHERE sku = new.sku; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_sold_delete AFTER DELETE ON order_items {LIVE} BEGIN "
               "UPDATE kiosk_listing SET sold = sold - old.quantity WHERE sku = old.sku; END")


def downgrade() -> None:
    _drop_upkeep()
    op.execute("DROP TRIGGER IF EXISTS kiosk_listing_stock_delete")
    op.execute("DROP TABLE kiosk_listing_state")
    for name, _kind in NEW_COLUMNS:
        op.execute(f"ALTER TABLE kiosk_listing DROP COLUMN {name}")
    op.execute("DELETE FROM kiosk_listing")

    def listed(row: str) -> str:  # migration 0010's
        sku = f"{row}.ocs_variant_number"
        return ("INSERT OR REPLACE INTO kiosk_listing (sku, shelf, active, price, sold, thc, cbd, created_at) "
                f"SELECT {sku}, {SHELF.format(row)}, {row}.is_active, {PRICE.format(sku, row + '.price_per_unit')}, "
                f"{SOLD.format(sku)}, CAST({row}.thc_max AS REAL), CAST({row}.cbd_max AS REAL), {row}.created_at")

    op.execute(f"{listed('p')} FROM ocs_product_catalog p")
    for name, columns in INDEXES:
        op.execute(f"CREATE INDEX {name} ON kiosk_listing ({columns})")
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_insert AFTER INSERT ON ocs_product_catalog BEGIN "
               f"{listed('new')}; END")
    op.execute(f"CREATE TRIGGER kiosk_listing_catalog_update AFTER UPDATE ON ocs_product_catalog BEGIN "
               "DELETE FROM kiosk_listing WHERE sku = old.ocs_variant_number AND sku IS NOT new.ocs_variant_number; "
               f"{listed('new')}; END")
    op.execute("CREATE TRIGGER kiosk_listing_catalog_delete AFTER DELETE ON ocs_product_catalog BEGIN "
               "DELETE FROM kiosk_listing WHERE sku = old.ocs_variant_number; END")
    price = ("UPDATE kiosk_listing SET price = COALESCE(new.override_price, new.retail_price, "
             "(SELECT price_per_unit FROM ocs_product_catalog WHERE ocs_variant_number = new.sku)) "
             "WHERE sku = new.sku;")
    op.execute(f"CREATE TRIGGER kiosk_listing_stock_insert AFTER INSERT ON ocs_inventory BEGIN {price} END")
    op.execute("CREATE TRIGGER kiosk_listing_stock_update AFTER UPDATE OF override_price, retail_price, sku "
               f"ON ocs_inventory BEGIN {price} END")
    op.execute("CREATE TRIGGER kiosk_listing_sold_insert AFTER INSERT ON order_items BEGIN "
               "UPDATE kiosk_listing SET sold = sold + new.quantity WHERE sku = new.sku; END")
    op.execute("CREATE TRIGGER kiosk_listing_sold_update AFTER UPDATE OF sku, quantity ON order_items BEGIN "
               "UPDATE kiosk_listing SET sold = sold - old.quantity WHERE sku = old.sku; "
               "UPDATE kiosk_listing SET sold = sold + new.quantity WHERE sku = new.sku; END")
    op.execute("CREATE TRIGGER kiosk_listing_sold_delete AFTER DELETE ON order_items BEGIN "
               "UPDATE kiosk_listing SET sold = sold - old.quantity WHERE sku = old.sku; END")
