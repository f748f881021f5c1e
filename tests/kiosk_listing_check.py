"""What the kiosk listing should hold, worked out from the catalog, stock and order lines by a plain query: a test
compares it with what the triggers (or a first sync's rebuild) left there."""

from __future__ import annotations

from sqlalchemy import text

_EXPECTED = """
SELECT p.ocs_variant_number AS sku,
       CASE p.product_form WHEN 'fresh' THEN 'dried_flower' WHEN 'oil' THEN 'extract' ELSE p.product_form END,
       p.is_active,
       COALESCE((SELECT COALESCE(i.override_price, i.retail_price) FROM ocs_inventory i
                 WHERE i.sku = p.ocs_variant_number AND COALESCE(i.override_price, i.retail_price) IS NOT NULL),
                p.price_per_unit),
       (SELECT COALESCE(SUM(o.quantity), 0) FROM order_items o WHERE o.sku = p.ocs_variant_number),
       CAST(p.thc_max AS REAL), CAST(p.cbd_max AS REAL), p.created_at, p.plant_type, p.brand_name, p.net_content,
       p.unit_of_measure,
       (SELECT COALESCE(MAX(i.quantity_on_hand), 0) FROM ocs_inventory i WHERE i.sku = p.ocs_variant_number)
FROM ocs_product_catalog p
UNION ALL
SELECT a.sku, 'accessory', a.is_active,
       COALESCE((SELECT COALESCE(i.override_price, i.retail_price) FROM ocs_inventory i
                 WHERE i.sku = a.sku AND COALESCE(i.override_price, i.retail_price) IS NOT NULL), a.retail_price),
       (SELECT COALESCE(SUM(o.quantity), 0) FROM order_items o WHERE o.sku = a.sku),
       NULL, NULL, a.created_at, NULL, a.brand, NULL, NULL,
       (SELECT COALESCE(MAX(i.quantity_on_hand), 0) FROM ocs_inventory i WHERE i.sku = a.sku)
FROM accessories_catalog a
"""
_LISTED = """
SELECT sku, shelf, active, price, sold, thc, cbd, created_at, plant_type, brand, net_content, unit, on_hand
FROM kiosk_listing ORDER BY sku
"""


def listing_mismatches(connection) -> list[tuple]:
    """(expected, listed) row pairs that differ, and rows only one side has; empty when the listing is right."""
    expected = {row[0]: tuple(row) for row in connection.execute(text(_EXPECTED))}
    listed = {row[0]: tuple(row) for row in connection.execute(text(_LISTED))}
    return [(expected.get(sku), listed.get(sku)) for sku in sorted(expected.keys() | listed.keys())
            if expected.get(sku) != listed.get(sku)]
