"""What a customer browses by at a kiosk: categories made of product forms, filters, sorts, and label facts.

Pure values and rules; the kiosk catalog service turns them into queries on the replica.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pos_app.domain.equivalency import ProductForm
from pos_app.domain.formatting import format_number
from pos_app.domain.money import Money
from pos_app.i18n.catalog import Labels


@dataclass(frozen=True)
class Category:
    key: str
    title: str
    forms: tuple[ProductForm, ...]

    @property
    def is_accessories(self) -> bool:
        return self.forms == (ProductForm.ACCESSORY,)


F = ProductForm
# The shelf a customer knows, from the catalog's product forms. Fresh cannabis sits with flower and oils with
# extracts, as on the provincial stores' menus.
CATEGORIES: tuple[Category, ...] = (
    Category("flower", "Flower", (F.DRIED_FLOWER, F.FRESH)),
    Category("pre-rolls", "Pre-rolls", (F.PRE_ROLL,)),
    Category("vapes", "Vapes", (F.VAPE,)),
    Category("edibles", "Edibles", (F.EDIBLE,)),
    Category("beverages", "Beverages", (F.BEVERAGE,)),
    Category("extracts", "Extracts", (F.EXTRACT, F.OIL)),
    Category("topicals", "Topicals", (F.TOPICAL,)),
    Category("seeds", "Seeds", (F.SEED,)),
    Category("accessories", "Accessories", (F.ACCESSORY,)),
)
CATEGORY_BY_KEY = {category.key: category for category in CATEGORIES}
STRAIN_TYPES = ("Indica", "Sativa", "Hybrid")

# Labels give THC and CBD as a percentage for smokables and concentrates, per package for edibles, drinks
# and topicals, and per mL for oils.
_PERCENT_FORMS = {F.DRIED_FLOWER, F.FRESH, F.PRE_ROLL, F.VAPE, F.EXTRACT}


def potency_unit(form: ProductForm | str) -> str:
    form = ProductForm(form)
    if form in _PERCENT_FORMS:
        return "%"
    return "mg/mL" if form is F.OIL else "mg"


def category_unit(category: Category) -> str | None:
    """The one unit a category's THC and CBD filters are in; None when its forms disagree or carry none."""
    units = {potency_unit(form) for form in category.forms if form not in (F.ACCESSORY, F.SEED)}
    return units.pop() if len(units) == 1 else None


class Sort(StrEnum):
    BEST_SELLERS = "best_sellers"
    PRICE_LOW = "price_low"
    PRICE_HIGH = "price_high"
    POTENCY = "potency"
    NEWEST = "newest"


SORT_TITLES = Labels({sort: f"kiosk_sort.{sort.value}" for sort in Sort})


@dataclass(frozen=True)
class Range:
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def is_open(self) -> bool:
        return self.low is None and self.high is None


@dataclass(frozen=True)
class Filters:
    """One browse request. ``skus`` narrows to search results; in-stock only is on until a customer turns it off."""

    category: str | None = None  # a CATEGORY_BY_KEY key; None: every cannabis product
    strain_types: tuple[str, ...] = ()
    thc: Range = Range()
    cbd: Range = Range()
    price: Range = Range()  # dollars
    brands: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()  # size labels, as size_label() writes them
    in_stock_only: bool = True
    sort: Sort = Sort.BEST_SELLERS
    skus: tuple[str, ...] | None = None

    @property
    def narrowing(self) -> int:
        """How many filters a customer has set, for the Filters button's badge."""
        ranges = sum(not r.is_open for r in (self.thc, self.cbd, self.price))
        return ranges + bool(self.strain_types) + bool(self.brands) + bool(self.sizes) + (not self.in_stock_only)


def size_label(net_content: Decimal, unit: str, pieces: int | None = None) -> str:
    """'3.5 g', '355 mL', '10 seeds'; multi-piece packs of grams say how many: '3 × 0.5 g'."""
    if unit == "seeds":
        return f"{format_number(net_content, 0)} seeds"
    if pieces and pieces > 1 and unit == "g":
        each = (Decimal(net_content) / pieces).normalize()
        return f"{pieces} × {_plain(each)} g"
    return f"{_plain(Decimal(net_content))} {unit}"


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def potency_text(low: Decimal | None, high: Decimal | None, unit: str) -> str:
    """'THC 18–22 %' style figures without the name: '18–22 %', '10 mg', '—' when the label has none."""
    if high is None and low is None:
        return "—"
    if low is None or high is None or low == high:
        return f"{_plain(Decimal(high if high is not None else low))} {unit}"
    return f"{_plain(Decimal(low))}–{_plain(Decimal(high))} {unit}"


def price_per_gram(price: Money, net_content: Decimal, unit: str) -> Money | None:
    """The shelf price per gram of product, for products sold by weight; None for drinks, oils and seeds."""
    grams = Decimal(net_content)
    if unit != "g" or grams <= 0:
        return None
    return Money.of(price.amount / grams)


def dried_equivalent_text(grams: Decimal) -> str:
    return f"{format_number(grams)} g"
