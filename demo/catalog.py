"""The OCS cannabis catalog and the accessories catalog of the demo tenant."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import Any

from demo import vocabulary as v
from demo.gs1 import case_gtin14, gtin14
from demo.values import between, cost_cents, money, new_id, pick, retail_cents, tenths

FORM_WEIGHTS = (
    ("dried_flower", 35), ("pre_roll", 20), ("vape", 12), ("edible", 10), ("beverage", 6), ("extract", 6),
    ("oil", 5), ("topical", 3), ("seed", 3),
)
FORMS = tuple(form for form, _ in FORM_WEIGHTS)
CATEGORIES = {
    "dried_flower": "Flower", "pre_roll": "Pre-Rolls", "vape": "Vapes", "extract": "Extracts",
    "edible": "Edibles", "beverage": "Beverages", "oil": "Oils", "topical": "Topicals", "seed": "Seeds",
}
# (grams, price range in dollars, case sizes)
FLOWER_SIZES = (("3.5", (20, 50), (12, 24)), ("7", (35, 80), (12, 24)), ("14", (60, 130), (6, 12)),
                ("28", (90, 200), (6, 8)))
FLOWER_SHARES = (5, 2, 1, 2)  # 3.5 g sells most, then the 28 g value bags
FLOWER_SIZE_POOL = tuple(
    size for size, share in zip(FLOWER_SIZES, FLOWER_SHARES, strict=True) for _ in range(share)
)
NO_CBD = (Decimal("0.0"), Decimal("0.0"))
TERPENE_BLENDS = tuple(", ".join(blend) for size in (2, 3) for blend in combinations(v.TERPENES, size))
# (joints, grams each, price range)
PRE_ROLL_PACKS = ((1, "1", (8, 14)), (1, "0.5", (5, 9)), (2, "0.5", (9, 15)), (3, "0.5", (12, 20)),
                  (5, "0.5", (18, 30)), (7, "0.5", (24, 38)), (10, "0.35", (25, 42)), (10, "0.5", (30, 55)),
                  (3, "1", (22, 36)))


@dataclass(slots=True)
class StockItem:
    """What the stock generator needs to know about one sellable SKU."""

    sku: str
    name: str
    form: str  # a product form, or "accessory"
    retail_cents: int
    cost_cents: int
    gtin: str | None
    case_gtin: str | None
    case_quantity: int


class GtinIssuer:
    """Hands out unique GTIN-14s, each brand under its own (made-up) GS1 Canada company prefix.

    Even brand numbers get 7-digit GTIN-13 prefixes (754...), odd ones 6-digit UPC-A prefixes; every 100,000
    items a brand moves on to a further prefix, so the numbers never run out or collide.
    """

    def __init__(self, gtin13_prefix: str, upc_prefix: str) -> None:
        self._gtin13, self._upc = gtin13_prefix, upc_prefix
        self._next: dict[int, int] = {}

    def issue(self, brand_no: int) -> str:
        item = self._next.get(brand_no, 0)
        self._next[brand_no] = item + 1
        company = brand_no + 1000 * (item // 100_000)
        if brand_no % 2 == 0:
            return gtin14(f"{self._gtin13}{company:04d}{item % 100_000:05d}")
        return gtin14(f"{self._upc}{company:04d}{item % 100_000:05d}")


def _range(rng: random.Random, low: int, high: int, spread: int) -> tuple[Decimal, Decimal]:
    """A labelled potency range around a value drawn between `low` and `high` (all in tenths)."""
    centre = between(rng, low, high + 1)
    low_label = max(centre - between(rng, 0, spread + 1), 0)
    return tenths(low_label), tenths(centre + between(rng, 0, spread // 2 + 1))


def _plain(amount: Decimal) -> Decimal:
    """3.50 -> 3.5 and 5.0 -> 5, for net contents computed from pack sizes."""
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount.normalize()


def _strain(rng: random.Random) -> tuple[str, str, bool]:
    if rng.random() < v.FRENCH_SHARE:
        return (*pick(rng, v.FRENCH_STRAINS), True)
    return (*pick(rng, v.STRAINS), False)


def _terpenes(rng: random.Random) -> str:
    return pick(rng, TERPENE_BLENDS)


def _product(form: str, rng: random.Random) -> dict[str, Any]:
    """Form-specific fields of one product; keys match the catalog's columns where they share a name."""
    p: dict[str, Any] = {"plant_type": None, "pieces": None, "thc_min": None, "thc_max": None,
                         "cbd_min": None, "cbd_max": None, "total_mg": None, "volume_ml": None,
                         "terpene_profile": None, "french": False}
    if form in ("dried_flower", "pre_roll", "vape", "extract", "seed"):
        strain, p["plant_type"], p["french"] = _strain(rng)
    if form == "dried_flower":
        net, (low, high), cases = pick(rng, FLOWER_SIZE_POOL)
        p.update(name=strain, net=Decimal(net), uom="g", label=f"{net} g", suffix=f"{net}G",
                 price=(low, high), cases=cases, subcategory="Whole Flower")
        p["thc_min"], p["thc_max"] = _range(rng, 150, 290, 30)
        p["cbd_min"], p["cbd_max"] = _range(rng, 0, 10, 4)
        p["terpene_profile"] = _terpenes(rng)
    elif form == "pre_roll":
        count, each, price = pick(rng, PRE_ROLL_PACKS)
        infused = rng.random() < 0.1
        p.update(name=f"{strain} {'Infused Pre-Roll' if infused else 'Pre-Roll'}",
                 net=_plain(Decimal(each) * count), uom="g", pieces=count, label=f"{count} x {each} g",
                 suffix=f"{count}X{each}G", price=price, cases=(6, 12),
                 subcategory="Infused Pre-Rolls" if infused else "Pre-Rolls")
        p["thc_min"], p["thc_max"] = _range(rng, 350, 450, 30) if infused else _range(rng, 150, 280, 30)
        p["cbd_min"], p["cbd_max"] = _range(rng, 0, 10, 4)
        p["terpene_profile"] = _terpenes(rng)
    elif form == "vape":
        kind, subcategory = pick(rng, v.VAPE_TYPES)
        size = "0.5" if kind == "Pax Pod" or rng.random() < 0.5 else "1"
        p.update(name=f"{strain} {kind}", net=Decimal(size), uom="g", pieces=1, label=f"{size} g",
                 suffix=f"{size}G", price=(25, 40) if size == "0.5" else (40, 65), cases=(6, 12),
                 subcategory=subcategory)
        p["thc_min"], p["thc_max"] = _range(rng, 650, 900, 40)
        p["cbd_min"], p["cbd_max"] = _range(rng, 0, 20, 10)
        p["terpene_profile"] = _terpenes(rng)
    elif form == "extract":
        kind, subcategory, low, high = pick(rng, v.EXTRACT_TYPES)
        p.update(name=f"{strain} {kind}", net=Decimal(1), uom="g", label="1 g", suffix="1G", price=(30, 70),
                 cases=(6, 12), subcategory=subcategory)
        p["thc_min"], p["thc_max"] = _range(rng, low * 10, high * 10, 40)
        p["cbd_min"], p["cbd_max"] = _range(rng, 0, 20, 10)
        p["terpene_profile"] = _terpenes(rng)
    elif form == "edible":
        kind, subcategory = pick(rng, v.EDIBLE_TYPES)
        pieces = pick(rng, (1, 1, 4, 5, 10)) if subcategory != "Gummies" else pick(rng, (2, 5, 10))
        grams = min(max(pieces * between(rng, 2, 6), 5), 50)
        french = rng.random() < v.FRENCH_SHARE
        flavours = v.EDIBLE_FLAVOURS if subcategory in ("Gummies", "Hard Candy") else v.CHOCOLATE_FLAVOURS
        name = pick(rng, v.FRENCH_EDIBLES) if french else f"{pick(rng, flavours)} {kind}"
        p.update(name=name, net=Decimal(grams), uom="g", pieces=pieces, label=f"{pieces} pc / {grams} g",
                 suffix=f"{pieces}X{grams}G" if pieces > 1 else f"{grams}G", price=(4, 12), cases=(12, 24),
                 subcategory=subcategory, french=french)
        thc = pick(rng, (100, 100, 100, 50, 25))
        p["thc_min"], p["thc_max"] = tenths(thc - between(rng, 0, 11)), tenths(thc)
        p["total_mg"] = p["thc_max"]
        p["cbd_min"], p["cbd_max"] = NO_CBD if rng.random() < 0.7 else _range(rng, 50, 200, 10)
    elif form == "beverage":
        kind, subcategory = pick(rng, v.BEVERAGE_TYPES)
        p.update(name=f"{pick(rng, v.BEVERAGE_FLAVOURS)} {kind}", net=Decimal(355), uom="mL", pieces=1,
                 label="355 mL", suffix="355ML", price=(5, 9), cases=(12, 24), subcategory=subcategory,
                 volume_ml=Decimal(355))
        p["thc_min"], p["thc_max"] = _range(rng, 20, 100, 5)
        p["total_mg"] = p["thc_max"]
        p["cbd_min"], p["cbd_max"] = NO_CBD if rng.random() < 0.6 else _range(rng, 20, 200, 10)
    elif form == "oil":
        name, thc, cbd = pick(rng, v.OIL_NAMES)
        p.update(name=name, net=Decimal(30), uom="mL", label="30 mL", suffix="30ML", price=(25, 60),
                 cases=(6, 12), subcategory="Oils", volume_ml=Decimal(30))
        p["thc_min"], p["thc_max"] = tenths(max(thc * 10 - 10, 0)), tenths(thc * 10)
        p["cbd_min"], p["cbd_max"] = tenths(max(cbd * 10 - 10, 0)), tenths(cbd * 10)
        p["total_mg"] = Decimal(thc * 30)
    elif form == "topical":
        name, subcategory = pick(rng, v.TOPICAL_NAMES)
        grams = pick(rng, (50, 60, 75, 100))
        thc, cbd = pick(rng, (0, 100, 250, 500, 1000)), pick(rng, (0, 100, 250, 500, 1000))
        cbd = cbd or (250 if not thc else 0)  # a topical carries THC, CBD or both
        p.update(name=name, net=Decimal(grams), uom="g", label=f"{grams} g", suffix=f"{grams}G",
                 price=(20, 60), cases=(6, 12), subcategory=subcategory,
                 thc_min=Decimal(thc), thc_max=Decimal(thc), cbd_min=Decimal(cbd), cbd_max=Decimal(cbd),
                 total_mg=Decimal(thc))
    else:  # seed
        pieces = pick(rng, (3, 5, 10))
        kind = pick(rng, ("Feminized Seeds", "Autoflower Seeds"))
        p.update(name=f"{strain} {kind}", net=Decimal(pieces), uom="seeds", pieces=pieces,
                 label=f"{pieces} seeds", suffix=f"{pieces}SEEDS", price=(30, 80), cases=(6, 12),
                 subcategory="Seeds")
    return p


def build_products(rng: random.Random, count: int) -> tuple[list[dict[str, Any]], list[StockItem]]:
    """`count` OCS products; the first nine cover every form once, the rest follow FORM_WEIGHTS."""
    cum, total = [], 0
    for _, weight in FORM_WEIGHTS:
        total += weight
        cum.append(total)
    forms = list(FORMS[:count]) + rng.choices(FORMS, cum_weights=cum, k=max(count - len(FORMS), 0))
    brand_no = {brand: i for i, brand in enumerate(v.BRANDS)}
    gtins = GtinIssuer("754", "06")
    rows: list[dict[str, Any]] = []
    items: list[StockItem] = []
    variant = 100_000 + between(rng, 0, 5_000)
    for form in forms:
        p = _product(form, rng)
        french_brand = p["french"] and rng.random() < 0.5
        brand = pick(rng, v.FRENCH_BRANDS if french_brand else v.FORM_BRANDS[form])
        variant += between(rng, 1, 4)
        sku = f"{variant}_{p['suffix']}"
        each = gtins.issue(brand_no[brand])
        case = case_gtin14(each, pick(rng, (1, 1, 1, 2, 3, 5)))
        price = retail_cents(rng, *p["price"])
        cost = cost_cents(rng, price)
        name = f"{p['name']} {p['label']}"
        plant = p["plant_type"]
        what = f"{plant.lower()} {CATEGORIES[form].lower()}" if plant else CATEGORIES[form].lower()
        description = f"{p['name']} by {brand}: {what}."
        subcategory = "Milled Flower" if brand == "Shred" and form == "dried_flower" else p["subcategory"]
        if p["terpene_profile"]:
            description += f" Dominant terpenes: {p['terpene_profile']}."
        case_quantity = pick(rng, p["cases"])
        rows.append({
            "id": new_id(rng), "ocs_variant_number": sku, "ocs_product_name": f"{brand} - {name}",
            "product_name": name, "brand_name": brand, "category": CATEGORIES[form],
            "subcategory": subcategory, "plant_type": plant, "product_form": form,
            "net_content": p["net"], "unit_of_measure": p["uom"], "pieces": p["pieces"],
            "thc_min": p["thc_min"], "thc_max": p["thc_max"],
            "cbd_min": p["cbd_min"], "cbd_max": p["cbd_max"],
            "total_mg": p["total_mg"], "volume_ml": p["volume_ml"], "terpene_profile": p["terpene_profile"],
            "each_gtin": each, "case_gtin": case, "case_quantity": case_quantity,
            "dried_equivalent_g": None, "price_per_unit": money(price),
            "msrp_price": money(price + pick(rng, (0, 0, 100, 200, 500))), "price_version": 1,
            "description": description, "image_url": None, "is_active": True,
        })
        items.append(StockItem(sku, name, form, price, cost, each, case, case_quantity))
    return rows, items


def build_accessories(rng: random.Random, count: int) -> tuple[dict[str, list], list[StockItem]]:
    """Accessory categories and `count` accessories with GTIN-13 or UPC-A barcodes."""
    category_ids = {}
    categories = []
    for order, (name, description) in enumerate(v.ACCESSORY_CATEGORY_DESCRIPTIONS.items()):
        category_ids[name] = new_id(rng)
        categories.append({"id": category_ids[name], "name": name, "description": description,
                           "parent_id": None, "sort_order": order * 10, "is_active": True})
    colours = ("Black", "Natural", "Green", "Gold", "Silver", "Blue", "Large", "Small", "Classic")
    brand_no = {brand: i for i, brand in enumerate(v.ACCESSORY_BRANDS)}
    barcodes = GtinIssuer("755", "07")
    rows, items = [], []
    for i in range(count):
        category, kind, brands, (low, high) = v.ACCESSORIES[i % len(v.ACCESSORIES)]
        brand = pick(rng, brands)
        name = f"{brand} {kind}"
        if i >= len(v.ACCESSORIES):
            name += f" - {pick(rng, colours)}"
        gtin = barcodes.issue(brand_no[brand])
        barcode = gtin[1:] if gtin[1] != "0" else gtin[2:]  # GTIN-13 or UPC-A, as printed on the pack
        price = retail_cents(rng, low, high)
        cost = cost_cents(rng, price, 0.45, 0.6)
        sku = f"ACC-{i + 1:05d}"
        rows.append({
            "id": new_id(rng), "sku": sku, "name": name, "category_id": category_ids[category],
            "brand": brand,
            "description": f"{kind} by {brand}.", "unit_cost": money(cost), "retail_price": money(price),
            "barcode": barcode, "price_version": 1, "image_url": None, "is_active": True,
        })
        items.append(StockItem(sku, name, "accessory", price, cost, gtin, None, 6 if price < 5000 else 1))
    return {"accessory_categories": categories, "accessories_catalog": rows}, items
