"""The demo tenant: one Ontario store with staff, a full OCS catalog, stock, lots and open purchase orders.

Pure standard library, so the terminal (``pos-app demo-data``) and the hub (``pos-hub seed-demo``) build the
very same tenant from it; a package of its own, because both ends use it and ``sync`` never imports ``pos_app``.
``generate_demo_tenant`` returns plain rows keyed by table and column names of the replica, in an order that
satisfies the foreign keys; each caller inserts them with ``Table.insert()``.

What the loader must still do:

- ``users.pin_hash`` is absent: the rows never hold a PIN. Hash ``DemoTenant.pins[staff_code]`` with the
  terminal's argon2 scheme and add it.
- ``ocs_product_catalog.dried_equivalent_g`` is present but ``None``: the terminal derives it from
  ``product_form``, ``net_content`` and ``pieces`` by its own Schedule 3 rules, and the loader fills it in.

Value types: money as ``Decimal`` dollars with two places, exact decimals as ``Decimal``, dates as
``date``, timestamps as UTC-aware ``datetime``, JSON columns as ``dict``, ids as ``uuid.UUID``.
The ``metadata`` key of ``batch_tracking`` is the column name (the ORM attribute is ``metadata_``).
``created_at``, ``updated_at`` and ``version`` are left to the column defaults.

Units: THC/CBD are % for flower, pre-rolls, vapes and extracts; mg per package for edibles, beverages and
topicals; mg/mL for oils. The SKU of a cannabis product is its ``ocs_variant_number``; accessories use
``ACC-00001``-style SKUs. ``each_gtin``/``case_gtin`` are GTIN-14s; accessory barcodes are GTIN-13 or UPC-A.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from demo.catalog import FORMS, build_accessories, build_products
from demo.gs1 import gtin_check_digit
from demo.reference import STORE_CODE, TENANT_CODE, build_reference
from demo.stock import build_purchase_orders, build_shelves, build_stock
from demo.values import section_rng

TABLE_ORDER = (
    "tenants", "provinces_territories", "tax_rates", "stores", "users", "role_permissions",
    "accessory_categories", "accessories_catalog", "ocs_product_catalog", "provincial_suppliers",
    "shelf_locations", "purchase_orders", "purchase_order_items", "ocs_inventory", "batch_tracking",
    "inventory_shelf_assignments",
)
ACCESSORY_SHARE = 0.05
MIN_ACCESSORIES = 10
MIN_PRODUCTS = MIN_ACCESSORIES + 2 * len(FORMS)


@dataclass
class DemoTenant:
    rows: dict[str, list[dict[str, Any]]]
    pins: dict[str, str]  # staff_code -> plain PIN, to show once; never stored in rows
    store_code: str = STORE_CODE
    tenant_code: str = TENANT_CODE
    today: date = field(default_factory=date.today)

    def row_counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.rows.items()}


def generate_demo_tenant(*, products: int = 2000, seed: int = 7, today: date | None = None) -> DemoTenant:
    """Build the demo tenant with `products` SKUs (about 5 % accessories, at least 10, the rest cannabis).

    The same `seed` and `today` give identical rows, ids included. Lot, expiry and restock dates are set
    relative to `today` (default: the current date), so the demo always has fresh stock, a few lots close
    to expiry, an expired sold-out lot or two and one recalled lot.
    """
    if products < MIN_PRODUCTS:
        raise ValueError(f"The demo tenant needs at least {MIN_PRODUCTS} products, not {products}.")
    if today is None:
        today = date.today()
    elif isinstance(today, datetime):
        today = today.date()
    # Hundreds of thousands of acyclic dicts would only make the cyclic collector rescan them over and over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _generate(products, seed, today)
    finally:
        if collecting:
            gc.enable()


def _generate(products: int, seed: int, today: date) -> DemoTenant:
    accessories = max(MIN_ACCESSORIES, round(products * ACCESSORY_SHARE))
    rows: dict[str, list[dict[str, Any]]] = {}
    refs, pins = build_reference(section_rng(seed, "reference"), today, rows)
    catalog_rows, catalog_items = build_accessories(section_rng(seed, "accessories"), accessories)
    rows.update(catalog_rows)
    rows["ocs_product_catalog"], product_items = build_products(section_rng(seed, "products"),
                                                                products - accessories)
    by_zone, quarantine = build_shelves(section_rng(seed, "shelves"), refs, rows)
    items = product_items + catalog_items
    build_stock(section_rng(seed, "stock"), refs, items, today, by_zone, quarantine, rows)
    build_purchase_orders(section_rng(seed, "purchasing"), refs, product_items, today, rows)
    return DemoTenant(rows={table: rows[table] for table in TABLE_ORDER}, pins=pins, today=today)


__all__ = ["TABLE_ORDER", "DemoTenant", "generate_demo_tenant", "gtin_check_digit"]
