"""Names the demo catalog is made of: Canadian cannabis brands, strains, flavours and accessories."""

from __future__ import annotations

PLANT_TYPES = {"I": "Indica", "S": "Sativa", "H": "Hybrid"}


def _strains(spec: str) -> tuple[tuple[str, str], ...]:
    pairs = (item.rsplit(":", 1) for item in spec.split("|"))
    return tuple((name.strip(), PLANT_TYPES[kind]) for name, kind in pairs)


STRAINS = _strains(
    "Pink Kush:I|Blue Dream:S|Houndstooth:S|Ghost Train Haze:S|Wedding Cake:H|Gelato:H|GMO Cookies:I"
    "|MAC 1:H|Black Cherry Punch:I|Ice Cream Cake:I|Jean Guy:S|Tangerine Dream:S|Durban Poison:S"
    "|Northern Lights:I|Sour Diesel:S|Super Lemon Haze:S|Jack Herer:S|Green Crack:S|Grease Monkey:I"
    "|Rockstar:I|Bubba Kush:I|Death Bubba:I|God Bud:I|Master Kush:I|Lemon Skunk:S|Critical Mass:I"
    "|AK-47:H|Blueberry:I|Candyland:S|Cheese:H|Chemdawg:H|Cookies and Cream:H|Do-Si-Dos:I"
    "|Gorilla Glue:H|Grape Ape:I|Jet Fuel:S|Kosher Kush:I|LA Confidential:I|Mango Haze:S|Mimosa:S"
    "|OG Kush:H|Papaya:I|Pineapple Express:H|Purple Punch:I|Runtz:H|Skywalker OG:I|Slurricane:I"
    "|Strawberry Cough:S|Sunset Sherbet:I|Tropicana Cookies:S|White Widow:H|Zkittlez:I|Animal Face:S"
    "|Banana Split:S|Blue Cheese:I|Cherry Pie:H|Chocolope:S|Cinderella 99:S|Dolato:H|El Chapo OG:I"
    "|Forbidden Fruit:I|Glueberry OG:H|Harlequin:S|Island Pink Kush:I|Kush Mints:H"
    "|Lemon Cherry Gelato:H|Lilac Diesel:H|Moby Dick:S|Motorbreath:I|Nuken:I|Platinum Kush:I"
    "|Pink Death Star:I|Rainbow Belts:H|Sage N Sour:S|Sweet Tooth:I|Tom Ford Pink Kush:I|Ultra Sour:S"
    "|Violator Kush:I|Watermelon Zkittlez:I|Wappa:I|Shishkaberry:I|Big Bag Blend:H|Atomical Haze:S"
    "|Cold Creek Kush:I|Blue Raspberry:H|Cuban Linx:H|Gas Mask:I|Lemon Meringue:S|Orange Creamsicle:H"
    "|Peach Ringz:H|Sensi Star:I|Space Queen:S|Tiger Blood:H|Trainwreck:S|Wild Cherry:H|Black Mamba:I"
)
# A few names from Quebec growers, so receipts and the catalog exercise accented characters.
FRENCH_STRAINS = _strains(
    "Crème Brûlée:H|Pêche Sûre:S|Érable Fumé:I|Bleuet Sauvage:I|Forêt Boréale:H|Lune de Miel:H"
    "|Château Kush:I|Fraîcheur Citron:S|Cerise Noire:I|Aurore Boréale:S"
)
FRENCH_SHARE = 0.03

TERPENES = (
    "Myrcene", "Limonene", "Caryophyllene", "Linalool", "Pinene", "Terpinolene", "Humulene", "Ocimene",
)

# Brands by product form. Real Canadian brand names; a brand's position in BRANDS fixes its GS1 prefix.
FORM_BRANDS: dict[str, tuple[str, ...]] = {
    "dried_flower": (
        "Tweed", "Redecan", "Spinach", "Good Supply", "Pure Sunfarms", "Back Forty", "Shred",
        "Station House", "Bogart's", "Sheeesh!", "Versus", "Tokyo Smoke", "Dycar", "General Admission",
        "Muskoka Grown", "Haven St.", "Kolab", "Big Bag O' Buds", "Color Cannabis", "Carmel", "7Acres",
        "San Rafael '71", "Broken Coast", "Edison", "Weed Me", "BLKMKT", "Daily Special", "Original Stash",
    ),
    "pre_roll": (
        "Redecan", "General Admission", "Spinach", "Good Supply", "Back Forty", "Shred", "Sheeesh!",
        "Bogart's", "Versus", "Station House", "Dycar", "Tweed", "Pure Sunfarms", "Weed Me", "Daily Special",
    ),
    "vape": (
        "Back Forty", "Good Supply", "Spinach", "General Admission", "Kolab", "Foray", "Versus",
        "Station House", "Redecan", "Shred", "BLKMKT",
    ),
    "extract": (
        "Station House", "Kolab", "Sheeesh!", "General Admission", "Redecan", "Dab Bods", "Phant",
        "Versus", "Bubble Kush",
    ),
    "edible": ("Wana", "Spinach FEELZ", "Olli", "Wyld", "Foray", "Bhang", "Chowie Wowie", "Monjour", "Solei"),
    "beverage": ("Bubble Kush", "Houseplant", "Little Victory", "XMG", "Mollo", "Deep Space", "Tweed"),
    "oil": ("Tweed", "Solei", "Redecan", "Pure Sunfarms", "Foray"),
    "topical": ("Solei", "Foray", "Tweed", "Haven St."),
    "seed": ("Tweed", "Haven St.", "Muskoka Grown"),
}
FRENCH_BRANDS = ("Récolte Boréale", "Maison Laurentienne")
ACCESSORY_BRANDS = (
    "RAW", "Elements", "OCB", "Zig-Zag", "Santa Cruz Shredder", "Clipper", "BIC", "PAX", "Storz & Bickel",
    "Greenleaf Essentials", "Smokus Focus", "Ooze",
)
BRANDS: tuple[str, ...] = tuple(
    dict.fromkeys([b for names in FORM_BRANDS.values() for b in names] + list(FRENCH_BRANDS))
)

EDIBLE_FLAVOURS = (
    "Sour Blue Raspberry", "Peach Bellini", "Mango Chili", "Blood Orange", "Blackberry Lemonade",
    "Tropical Tango", "Huckleberry", "Pomegranate", "Watermelon", "Strawberry Rhubarb", "Sour Cherry",
    "Pink Lemonade", "Apple Cinnamon", "Maple", "Wild Blueberry",
)
CHOCOLATE_FLAVOURS = (
    "Sea Salt", "Salted Caramel", "Mint", "Orange", "Hazelnut", "Espresso", "Cookies and Cream", "Maple",
)
EDIBLE_TYPES = (
    ("Gummies", "Gummies"), ("Soft Chews", "Gummies"), ("Dark Chocolate", "Chocolates"),
    ("Milk Chocolate", "Chocolates"), ("Brownie Bites", "Baked Goods"), ("Hard Candy", "Hard Candy"),
)
FRENCH_EDIBLES = ("Crème Brûlée Chocolate", "Chocolat à l'Érable", "Bonbons Pêche")
BEVERAGE_FLAVOURS = (
    "Grapefruit", "Lemon Lime", "Ginger Ale", "Cola", "Root Beer", "Peach Iced Tea", "Raspberry Lemonade",
    "Blood Orange", "Cucumber Mint", "Black Cherry", "Mango Passionfruit",
)
BEVERAGE_TYPES = (("Sparkling Water", "Sparkling Water"), ("Soda", "Soda"), ("Iced Tea", "Iced Tea"))
EXTRACT_TYPES = (
    ("Hash", "Hash", 35, 60), ("Live Resin", "Live Resin", 65, 85), ("Shatter", "Shatter", 70, 90),
    ("Rosin", "Rosin", 55, 80), ("Kief", "Kief", 30, 50),
)
VAPE_TYPES = (
    ("510 Cartridge", "510 Thread Cartridges"), ("All-in-One Vape", "Disposable Vapes"),
    ("Pax Pod", "Pax Pods"),
)
OIL_NAMES = (
    ("THC 25 Oil", 20, 0), ("Sativa Oil", 20, 2), ("Indica Drops", 25, 0), ("1:1 Balanced Oil", 10, 10),
    ("CBD 25 Oil", 0, 25), ("CBD Drops", 1, 30), ("Everyday Oil", 15, 5),
)
TOPICAL_NAMES = (
    ("Cooling Balm", "Balms"), ("Body Lotion", "Lotions"), ("Bath Soak", "Bath"),
    ("Massage Oil", "Oils"), ("Muscle Rub", "Balms"),
)

# (category, sub-category, names, retail price range in dollars)
ACCESSORIES = (
    ("Rolling Papers", "King Size Slim Papers", ("RAW", "Elements", "OCB", "Zig-Zag"), (2, 5)),
    ("Rolling Papers", "Pre-Rolled Cones (6 pk)", ("RAW", "Elements", "Zig-Zag"), (4, 9)),
    ("Rolling Papers", "Filter Tips", ("RAW", "OCB", "Zig-Zag"), (2, 4)),
    ("Grinders", "4-Piece Aluminium Grinder", ("Santa Cruz Shredder", "Greenleaf Essentials"), (25, 90)),
    ("Grinders", "Hemp Grinder", ("Santa Cruz Shredder", "Greenleaf Essentials"), (15, 35)),
    ("Rolling Trays", "Metal Rolling Tray", ("RAW", "Greenleaf Essentials"), (12, 35)),
    ("Lighters", "Refillable Lighter", ("Clipper",), (3, 6)),
    ("Lighters", "Classic Lighter", ("BIC",), (2, 4)),
    ("Vaporizers", "Dry Herb Vaporizer", ("PAX", "Storz & Bickel"), (180, 420)),
    ("Vaporizers", "510 Battery", ("Ooze", "Greenleaf Essentials"), (15, 40)),
    ("Storage", "Smell-Proof Stash Jar", ("Greenleaf Essentials",), (12, 30)),
    ("Cleaning", "Pipe Cleaning Kit", ("Smokus Focus", "Greenleaf Essentials"), (8, 25)),
)
ACCESSORY_CATEGORY_DESCRIPTIONS = {
    "Rolling Papers": "Papers, cones and tips",
    "Grinders": "Grinders for dried flower",
    "Rolling Trays": "Trays for rolling",
    "Lighters": "Lighters and butane",
    "Vaporizers": "Dry herb vaporizers and batteries",
    "Storage": "Jars and cases",
    "Cleaning": "Cleaning supplies",
}
