"""What the kiosk shows of the catalog: category tiles, pages of a filtered and sorted category, search, the
choices each filter offers, one product's page, and the product a cart line is made of.

Read-only, on the replica. Prices are the store's (its override, then its retail price, then the catalog's);
stock is what is available to sell here (see persistence.kiosk_catalog).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.catalog import ProductInfo
from pos_app.domain.equivalency import ProductForm
from pos_app.domain.kiosk_browse import (
    CATEGORIES,
    CATEGORY_BY_KEY,
    Category,
    Filters,
    category_unit,
    potency_text,
    potency_unit,
    price_per_gram,
    size_label,
)
from pos_app.domain.money import Money
from pos_app.persistence import kiosk_catalog as queries
from pos_app.persistence.catalog_repository import find_by_code
from pos_app.persistence.catalog_search import search_catalog
from pos_app.persistence.stock import available_on_hand
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import ServiceError

PAGE_SIZE = 48
SEARCH_LIMIT = 200


class ProductGone(ServiceError):
    code = "product_gone"

    def __init__(self) -> None:
        super().__init__()


@dataclass(frozen=True)
class ProductCard:
    """A product as a customer sees it on a tile and on its page."""

    sku: str
    name: str
    brand: str
    form: str
    price: Money
    available: int
    strain: str | None
    size: str
    thc: str  # '18–22 %', '10 mg', '—'
    cbd: str
    dried_equivalent_g: Decimal
    price_per_gram: Money | None
    image_url: str | None = None
    description: str | None = None
    terpenes: str | None = None

    @property
    def is_cannabis(self) -> bool:
        return self.form != ProductForm.ACCESSORY

    @property
    def in_stock(self) -> bool:
        return self.available > 0


@dataclass(frozen=True)
class CategoryTile:
    category: Category
    count: int  # products in stock


@dataclass(frozen=True)
class Choices:
    """What a category's filters offer."""

    brands: list[str]
    sizes: list[str]
    strain_types: list[str]
    price: tuple[Money, Money] | None
    potency_unit: str | None  # None: this category has no THC or CBD filter
    thc_high: Decimal | None


def _card(row: queries.CatalogRow) -> ProductCard:
    price = Money.of(row.price)
    cannabis = row.form != ProductForm.ACCESSORY
    unit = potency_unit(row.form) if cannabis else ""
    return ProductCard(
        sku=row.sku, name=row.name, brand=row.brand, form=row.form, price=price, available=row.available,
        strain=row.plant_type, size=size_label(row.net_content, row.unit, row.pieces) if cannabis else "",
        thc=potency_text(*row.thc, unit) if cannabis else "", cbd=potency_text(*row.cbd, unit) if cannabis else "",
        dried_equivalent_g=row.dried_equivalent_g,
        price_per_gram=price_per_gram(price, row.net_content, row.unit) if cannabis else None,
        image_url=row.image_url, description=row.description, terpenes=row.terpenes,
    )


class KioskCatalog:
    def __init__(self, session_factory: sessionmaker[Session], store_id: uuid.UUID, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._store_id = store_id
        self._clock = clock
        self._sizes: dict[str, dict[str, tuple[str, str]]] = {}  # category -> size label -> (net, unit)
        self._prepared = False

    def is_set_up(self) -> bool:
        """False until the replica holds a catalog: the kiosk then says it is being set up."""
        with self._session_factory() as session:
            return queries.has_catalog(session)

    def prepare(self) -> None:
        """Ready the browse queries (once), while nobody waits: a customer's first taps then cost no compiling."""
        if self._prepared:
            return
        self._prepared = True
        with self._session_factory() as session:
            queries.prepare_shelves(session, self._store_id)

    def categories(self, *, in_stock_only: bool = True) -> list[CategoryTile]:
        """The categories that have something to show, in menu order."""
        with self._session_factory() as session:
            counts = queries.form_counts(session, self._store_id, in_stock_only=in_stock_only)
        tiles = [CategoryTile(c, sum(counts.get(str(form), 0) for form in c.forms)) for c in CATEGORIES]
        return [tile for tile in tiles if tile.count]

    def page(self, filters: Filters, *, offset: int = 0, limit: int = PAGE_SIZE,
             after: str | None = None) -> list[ProductCard]:
        """One page of products matching ``filters``, in their sort order: ``offset`` rows in or, quicker for a
        category's next page, the rows after SKU ``after`` (the last one shown; ``offset`` is then a fallback).

        Search results outside a category hold cannabis and accessories alike: they come in one page (a search
        finds at most SEARCH_LIMIT), cannabis first.
        """
        query = self._query(filters)
        with self._session_factory() as session:
            rows = queries.browse_page(session, self._store_id, query, limit=limit, offset=offset, after=after)
            if filters.skus is not None and filters.category is None and offset == 0 and len(rows) < limit:
                accessories = replace(query, accessories=True)
                rows += queries.browse_page(session, self._store_id, accessories, limit=limit - len(rows))
        return [_card(row) for row in rows]

    def search_skus(self, text: str) -> tuple[str, ...]:
        """SKUs whose name, brand or code holds every word typed (the register's search), best match first."""
        with self._session_factory() as session:
            rows = search_catalog(session, self._store_id, text.strip(), SEARCH_LIMIT, today=self._clock().date())
            return tuple(row.sku for row in rows)

    def choices(self, category_key: str | None) -> Choices:
        category = CATEGORY_BY_KEY.get(category_key or "")
        forms = tuple(str(form) for form in category.forms) if category else ()
        with self._session_factory() as session:
            found = queries.filter_choices(session, forms, accessories=bool(category and category.is_accessories))
        sizes = {size_label(Decimal(net), unit, pieces): (net, unit) for net, unit, pieces in found.sizes}
        self._sizes[category_key or ""] = sizes
        unit = category_unit(category) if category else None
        return Choices(
            brands=found.brands, sizes=list(sizes), strain_types=found.plant_types,
            price=None if found.price is None else (Money.of(found.price[0]), Money.of(found.price[1])),
            potency_unit=unit, thc_high=found.thc_high if unit else None,
        )

    def product(self, sku: str) -> ProductCard:
        with self._session_factory() as session:
            row = queries.product_row(session, self._store_id, sku)
        if row is None:
            raise ProductGone()
        return _card(row)

    def available(self, skus: Iterable[str]) -> dict[str, int]:
        """What is left to sell now (the register's rule: pulled, less local sales, less reservations)."""
        with self._session_factory() as session:
            return available_on_hand(session, self._store_id, list(skus))

    def product_info(self, sku: str) -> ProductInfo:
        """The product as the sale (domain) knows it, at the store's price: what a cart line is made of."""
        with self._session_factory() as session:
            match = find_by_code(session, self._store_id, sku)
        if match is None:
            raise ProductGone()
        return match.product

    def _query(self, filters: Filters) -> queries.BrowseQuery:
        category = CATEGORY_BY_KEY.get(filters.category or "")
        accessories = bool(category and category.is_accessories)
        forms = tuple(str(form) for form in category.forms) if category and not accessories else ()
        sizes = self._sizes.get(filters.category or "")
        if filters.sizes and sizes is None:
            self.choices(filters.category)
            sizes = self._sizes[filters.category or ""]
        return queries.BrowseQuery(
            forms=forms, accessories=accessories, skus=filters.skus,
            plant_types=filters.strain_types, thc=(filters.thc.low, filters.thc.high),
            cbd=(filters.cbd.low, filters.cbd.high), price=(filters.price.low, filters.price.high),
            brands=filters.brands, sizes=tuple(sizes[label] for label in filters.sizes if sizes and label in sizes),
            in_stock_only=filters.in_stock_only, sort=str(filters.sort),
        )
