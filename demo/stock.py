"""Shelves, stock levels, batch lots, shelf assignments and the open purchase orders of the demo store."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

from demo.catalog import StockItem
from demo.gs1 import sscc18
from demo.reference import STORE_CODE, StoreRefs
from demo.values import between, money, new_id, pick, utc_at

Rows = dict[str, list[dict[str, Any]]]

# zone: (location type, aisles, shelves, bins)
ZONES = {
    "FRONT": ("display", 2, 3, "ABCD"),
    "BACK": ("standard", 4, 5, "ABCD"),
    "VAULT": ("secure", 3, 4, "ABCD"),
    "COLD": ("cold_storage", 1, 3, "AB"),
}
FORM_ZONE = {
    "dried_flower": "VAULT", "pre_roll": "VAULT", "vape": "VAULT", "extract": "VAULT", "oil": "VAULT",
    "edible": "BACK", "topical": "BACK", "seed": "BACK", "beverage": "COLD", "accessory": "FRONT",
}
SHELF_LIFE_DAYS = {
    "dried_flower": 365, "pre_roll": 365, "vape": 540, "extract": 540, "oil": 540, "edible": 270,
    "beverage": 270, "topical": 540,
}
MONTH_LETTERS = "ABCDEFGHIJKL"
NEAR_EXPIRY_SHARE = 0.08


def build_shelves(rng: random.Random, refs: StoreRefs, rows: Rows) -> tuple[dict[str, list], Any]:
    """Every bin of every zone, plus a quarantine bin for recalled stock; returns ids by zone."""
    locations, by_zone = [], {}
    for zone, (kind, aisles, shelves, bins) in ZONES.items():
        by_zone[zone] = []
        for aisle in range(1, aisles + 1):
            for shelf in range(1, shelves + 1):
                for bin_ in bins:
                    location_id = new_id(rng)
                    by_zone[zone].append(location_id)
                    locations.append(_location(refs, location_id, zone, f"{aisle:02d}", f"{shelf:02d}", bin_,
                                               kind, None))
    quarantine = new_id(rng)
    locations.append(_location(refs, quarantine, "VAULT", "99", "01", "Q", "secure",
                               "Recall quarantine: nothing here may be sold."))
    rows["shelf_locations"] = locations
    return by_zone, quarantine


def _location(refs, location_id, zone, aisle, shelf, bin_, kind, notes) -> dict[str, Any]:
    return {"id": location_id, "store_id": refs.store_id, "zone": zone, "aisle": aisle, "shelf": shelf,
            "bin": bin_, "location_code": f"{zone}-{aisle}-{shelf}-{bin_}", "location_type": kind,
            "is_active": True, "is_available": True, "notes": notes}


def _lot_code(rng: random.Random, packaged: date, taken: set[str]) -> str:
    while True:
        month = MONTH_LETTERS[packaged.month - 1]
        code = f"LOT-{packaged.year % 100:02d}{month}{between(rng, 0, 10_000):04d}"
        if code not in taken:
            taken.add(code)
            return code


def _lot_dates(rng: random.Random, form: str, today: date) -> tuple[date, date, date | None]:
    """Received, packaged and expiry dates of a lot still in stock: never expired, some expiring soon."""
    shelf_life = SHELF_LIFE_DAYS.get(form)
    if shelf_life is None:  # seeds do not expire
        packaged = today - timedelta(days=between(rng, 30, 400))
        return packaged + timedelta(days=between(rng, 7, 30)), packaged, None
    soon = rng.random() < NEAR_EXPIRY_SHARE
    days_left = between(rng, 5, 61) if soon else between(rng, 61, shelf_life - 20)
    expiry = today + timedelta(days=days_left)
    packaged = expiry - timedelta(days=shelf_life)
    received = packaged + timedelta(days=between(rng, 7, min(45, (today - packaged).days)))
    return received, packaged, expiry


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts_drawn: set[int] = set()
    while len(cuts_drawn) < parts - 1:
        cuts_drawn.add(between(rng, 1, total))
    cuts = sorted(cuts_drawn)
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _lot(rng: random.Random, refs: StoreRefs, item: StockItem, batch_lot: str, received: int, remaining: int,
         dates: tuple[date, date, date | None], location: Any) -> dict[str, Any]:
    received_date, packaged, expiry = dates
    return {
        "id": new_id(rng), "store_id": refs.store_id, "sku": item.sku, "batch_lot": batch_lot,
        "gtin": item.gtin,
        "quantity_received": received, "quantity_remaining": remaining, "unit_cost": money(item.cost_cents),
        "received_date": received_date, "packaging_date": packaged, "expiry_date": expiry,
        "is_recalled": False, "purchase_order_id": None, "supplier_id": refs.supplier_id,
        "location_id": location, "metadata": {},
    }


def _lots(rng: random.Random, item: StockItem, on_hand: int, parts: int, today: date, location: Any,
          refs: StoreRefs) -> list[dict[str, Any]]:
    taken: set[str] = set()
    lots = []
    for quantity in _split(rng, on_hand, parts) if parts > 1 else [on_hand]:
        dates = _lot_dates(rng, item.form, today)
        lots.append(_lot(rng, refs, item, _lot_code(rng, dates[1], taken),
                         quantity + between(rng, 0, 2 * item.case_quantity), quantity, dates, location))
    return lots


def _expired_lot(rng: random.Random, item: StockItem, today: date, location: Any, refs: StoreRefs,
                 siblings: list[dict[str, Any]]) -> dict[str, Any]:
    """A lot that expired a few weeks ago and sold out before it did."""
    expiry = today - timedelta(days=between(rng, 5, 60))
    packaged = expiry - timedelta(days=SHELF_LIFE_DAYS[item.form])
    taken = {lot["batch_lot"] for lot in siblings}
    return _lot(rng, refs, item, _lot_code(rng, packaged, taken), item.case_quantity, 0,
                (packaged + timedelta(days=20), packaged, expiry), location)


def build_stock(rng: random.Random, refs: StoreRefs, items: list[StockItem], today: date,
                by_zone: dict[str, list], quarantine: Any, rows: Rows) -> None:
    """Stock levels for every SKU, lots that add up to them, and one primary shelf per stocked SKU.

    One lot in the store is recalled (still on hand, moved to quarantine, the product's earliest expiry)
    and two products carry an extra lot that has expired and sold out.
    """
    cannabis = [i for i, item in enumerate(items) if item.form not in ("accessory", "seed")]
    recalled, *expired = rng.sample(cannabis, 3)
    store_id, manager_id = refs.store_id, refs.manager_id
    inventory, lots, shelves = [], [], []
    for index, item in enumerate(items):
        roll = rng.random()
        reorder_point = max(item.case_quantity // 2, 2)
        max_level = max(item.case_quantity * between(rng, 2, 5), reorder_point + 4)
        if index == recalled:
            on_hand = between(rng, reorder_point + 6, max_level + 7)
        elif roll < 0.08:
            on_hand = 0
        elif roll < 0.2:
            on_hand = between(rng, 1, reorder_point + 1)
        else:
            on_hand = between(rng, reorder_point + 1, max_level + 1)
        location = pick(rng, by_zone[FORM_ZONE[item.form]])
        item_lots: list[dict[str, Any]] = []
        if item.form != "accessory":
            parts = 2 if index == recalled else min(pick(rng, (1, 1, 1, 1, 2, 2, 2, 3, 3)), on_hand)
            item_lots = _lots(rng, item, on_hand, parts, today, location, refs) if on_hand else []
            if index == recalled:
                lot = min(item_lots, key=lambda row: row["expiry_date"])
                recall = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"demo-recall:{lot['batch_lot']}")),
                          "reason": "Mould found by the producer (demo)", "reference": "HC-RA-DEMO-0001"}
                lot.update(is_recalled=True, location_id=quarantine, metadata={"recall": recall})
            if index in expired:
                item_lots.append(_expired_lot(rng, item, today, location, refs, item_lots))
        if item_lots:
            restocked = max(lot["received_date"] for lot in item_lots)
            lots.extend(item_lots)
        else:
            restocked = today - timedelta(days=between(rng, 3, 120)) if on_hand else None
        inventory.append({
            "id": new_id(rng), "store_id": store_id, "sku": item.sku, "product_name": item.name,
            "quantity_on_hand": on_hand, "quantity_available": on_hand, "quantity_reserved": 0,
            "unit_cost": money(item.cost_cents), "retail_price": money(item.retail_cents),
            "override_price": None,
            "reorder_point": reorder_point, "reorder_quantity": item.case_quantity * 2,
            "min_stock_level": reorder_point, "max_stock_level": max_level, "is_available": True,
            "last_restock_date": utc_at(restocked, 15) if restocked else None,
        })
        if on_hand:
            shelves.append({
                "id": new_id(rng), "store_id": store_id, "sku": item.sku, "location_id": location,
                "quantity": on_hand, "batch_lot": None, "is_primary": True,
                "assigned_at": utc_at(restocked, 16), "assigned_by": manager_id, "notes": None,
            })
    rows["ocs_inventory"] = inventory
    rows["batch_tracking"] = lots
    rows["inventory_shelf_assignments"] = shelves


def build_purchase_orders(rng: random.Random, refs: StoreRefs, items: list[StockItem], today: date,
                          rows: Rows) -> None:
    """Two OCS shipments on their way (status "shipped"), each with its ASN ids and expected lots."""
    cannabis = [item for item in items if item.form != "accessory"]
    per_order = [between(rng, 5, 16) for _ in range(2)]
    per_order = [min(lines, len(cannabis) // 2) for lines in per_order]
    chosen = rng.sample(cannabis, sum(per_order))
    chosen_skus = {item.sku for item in chosen}
    lots_by_sku: dict[str, set[str]] = {}
    for lot in rows["batch_tracking"]:
        if lot["sku"] in chosen_skus:
            lots_by_sku.setdefault(lot["sku"], set()).add(lot["batch_lot"])
    orders, lines = [], []
    for number, count in enumerate(per_order, start=1):
        order_id = new_id(rng)
        order_lines, start, total = [], sum(per_order[:number - 1]), 0
        for item in chosen[start:start + count]:
            quantity = item.case_quantity * between(rng, 1, 5)
            total += item.cost_cents * quantity
            packaged = today - timedelta(days=between(rng, 10, 40))
            order_lines.append({
                "id": new_id(rng), "purchase_order_id": order_id, "sku": item.sku, "product_name": item.name,
                "quantity_ordered": quantity, "quantity_received": 0, "unit_cost": money(item.cost_cents),
                "total_cost": money(item.cost_cents * quantity),
                "batch_lot": _lot_code(rng, packaged, lots_by_sku.setdefault(item.sku, set())),
                "gtin": item.case_gtin, "status": "pending", "received_date": None, "notes": None,
            })
        ordered = today - timedelta(days=between(rng, 2, 6))
        orders.append({
            "id": order_id, "po_number": f"PO-{STORE_CODE}-{between(rng, 10_000, 100_000)}{number}",
            "supplier_id": refs.supplier_id, "store_id": refs.store_id, "tenant_id": refs.tenant_id,
            "order_date": utc_at(ordered, 14, 30), "expected_date": today + timedelta(days=number - 1),
            "received_date": None, "status": "shipped",
            "total_amount": money(total),
            "notes": "Demo shipment from the OCS", "created_by": refs.manager_id,
            "shipment_id": f"SHP{between(rng, 10**8, 10**9)}",
            "container_id": sscc18(0, "7549990", between(rng, 0, 10**9)),
            "vendor": "Ontario Cannabis Store", "ocs_order_number": f"{between(rng, 10**7, 10**8)}",
        })
        lines.extend(order_lines)
    rows["purchase_orders"] = orders
    rows["purchase_order_items"] = lines
