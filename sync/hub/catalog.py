"""Browsing a tenant's catalog: its cannabis products and accessories, searched and paged on the hub, each with
its stock in the stores the visitor may see.

A page is one indexed query in name order (``ix_*_tenant_name``) with an OFFSET that stops at `MAX_PAGE`, and one
more query for the page's stock (the ``(store_id, sku)`` key of ``ocs_inventory``): the same two queries whether
the catalog holds a hundred products or a hundred thousand. A GTIN is found by its index as an exact match; other
text is matched inside the name, the brand and the SKU, through the trigram index ``ix_*_search`` on PostgreSQL
(see `_matches_first`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Select, or_, select, text
from sqlalchemy.orm import Session

from hardware.codes.gs1 import gtin14_or_none
from sync.hub.models import Accessory, AccessoryCategory, OcsInventory, OcsProduct, Store
from sync.hub.tenancy import NotFound, Scope, list_stores

KINDS = ("cannabis", "accessories")
PAGE_SIZE = 50
MAX_PAGE = 200  # 10,000 rows deep at most: past that, a search finds it sooner than paging would


@dataclass(frozen=True)
class CatalogItem:
    id: uuid.UUID
    sku: str
    name: str
    brand: str | None
    category: str | None
    price: Decimal
    gtin: str | None
    active: bool
    kind: str
    on_hand: dict[uuid.UUID, int] = field(default_factory=dict)  # store id -> units, for stores that stock it

    @property
    def total_on_hand(self) -> int:
        return sum(self.on_hand.values())


@dataclass(frozen=True)
class CatalogPage:
    kind: str
    search: str
    page: int
    items: list[CatalogItem]
    stores: list[Store]
    has_more: bool


@dataclass(frozen=True)
class StoreStock:
    store: Store
    on_hand: int
    available: int
    reserved: int
    store_price: Decimal | None
    override_price: Decimal | None


def like_pattern(text: str) -> str:
    """``text`` anywhere, with the wildcards a person types (% and _) matched as themselves."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _cannabis(scope: Scope, search: str) -> Select:
    query = select(OcsProduct.id, OcsProduct.ocs_variant_number, OcsProduct.product_name, OcsProduct.brand_name,
                   OcsProduct.category, OcsProduct.price_per_unit, OcsProduct.each_gtin, OcsProduct.is_active
                   ).where(OcsProduct.tenant_id == scope.tenant_id)
    gtin = gtin14_or_none(search) if search else None
    if gtin is not None:
        return query.where(OcsProduct.each_gtin == gtin)
    if search:
        like = like_pattern(search)
        query = query.where(or_(OcsProduct.product_name.ilike(like, escape="\\"),
                                OcsProduct.brand_name.ilike(like, escape="\\"),
                                OcsProduct.ocs_variant_number.ilike(like, escape="\\")))
    return query.order_by(OcsProduct.product_name, OcsProduct.id)


def _accessories(scope: Scope, search: str) -> Select:
    query = (select(Accessory.id, Accessory.sku, Accessory.name, Accessory.brand, AccessoryCategory.name,
                    Accessory.retail_price, Accessory.barcode, Accessory.is_active)
             .outerjoin(AccessoryCategory, AccessoryCategory.id == Accessory.category_id)
             .where(Accessory.tenant_id == scope.tenant_id))
    gtin = gtin14_or_none(search) if search else None
    if gtin is not None:
        return query.where(Accessory.barcode == gtin)
    if search:
        like = like_pattern(search)
        query = query.where(or_(Accessory.name.ilike(like, escape="\\"), Accessory.brand.ilike(like, escape="\\"),
                                Accessory.sku.ilike(like, escape="\\")))
    return query.order_by(Accessory.name, Accessory.id)


def _stock(session: Session, store_ids: list[uuid.UUID], skus: list[str]) -> dict[str, dict[uuid.UUID, int]]:
    found: dict[str, dict[uuid.UUID, int]] = {}
    if not store_ids or not skus:
        return found
    rows = session.execute(select(OcsInventory.sku, OcsInventory.store_id, OcsInventory.quantity_on_hand).where(
        OcsInventory.store_id.in_(store_ids), OcsInventory.sku.in_(skus)))
    for sku, store_id, on_hand in rows:
        found.setdefault(sku, {})[store_id] = on_hand or 0
    return found


TRIGRAM = 3  # pg_trgm finds text of three characters or more; shorter text matches too many names to need it
_PLANNER = ("enable_seqscan", "enable_indexscan")


@contextmanager
def _matches_first(session: Session, search: str) -> Iterator[None]:
    """On PostgreSQL, a search of three characters or more takes its matches from the trigram index, then sorts them.

    Left to itself the planner walks the name index and tests each name in turn, betting the matches are spread
    through the alphabet; when they sit together at its end ("Wedding Cake ...") that reads most of a 100,000-product
    catalog. Matches from the index cost what there are of them, at worst a full read.
    """
    if session.get_bind().dialect.name != "postgresql" or len(search) < TRIGRAM or gtin14_or_none(search):
        yield
        return
    before = {name: session.scalar(text(f"SHOW {name}")) for name in _PLANNER}
    for name in _PLANNER:
        session.execute(text("SELECT set_config(:name, 'off', true)"), {"name": name})
    try:
        yield
    finally:
        for name, value in before.items():
            session.execute(text("SELECT set_config(:name, :value, true)"), {"name": name, "value": value})


def browse(session: Session, scope: Scope, *, kind: str = "cannabis", search: str = "", page: int = 1) -> CatalogPage:
    """One page of products (or accessories) in name order, with their stock in the visitor's stores."""
    kind = kind if kind in KINDS else KINDS[0]
    search = search.strip()[:100]
    page = min(max(page, 1), MAX_PAGE)
    query = _cannabis(scope, search) if kind == "cannabis" else _accessories(scope, search)
    with _matches_first(session, search):
        rows = session.execute(query.limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE)).all()
    stores = list_stores(session, scope)
    stock = _stock(session, [store.id for store in stores], [row[1] for row in rows[:PAGE_SIZE]])
    items = [CatalogItem(*row, kind, stock.get(row[1], {})) for row in rows[:PAGE_SIZE]]
    return CatalogPage(kind, search, page, items, stores, len(rows) > PAGE_SIZE and page < MAX_PAGE)


def item(session: Session, scope: Scope, kind: str, item_id: uuid.UUID) -> CatalogItem:
    """One product or accessory of the visitor's tenant; another tenant's is "no such product", never its data."""
    if kind == "cannabis":
        query = _cannabis(scope, "").where(OcsProduct.id == item_id)
    else:
        query = _accessories(scope, "").where(Accessory.id == item_id)
    row = session.execute(query).first()
    if row is None:
        raise NotFound("There is no such product in your catalog.")
    return CatalogItem(*row, kind)


def stock_by_store(session: Session, scope: Scope, sku: str) -> list[StoreStock]:
    """The item's stock and store prices in each store the visitor may see (zero where it was never stocked)."""
    stores = list_stores(session, scope)
    levels = {level.store_id: level for level in session.scalars(select(OcsInventory).where(
        OcsInventory.store_id.in_([store.id for store in stores]), OcsInventory.sku == sku))}
    rows = []
    for store in stores:
        level = levels.get(store.id)
        rows.append(StoreStock(store, 0, 0, 0, None, None) if level is None else
                    StoreStock(store, level.quantity_on_hand or 0, level.quantity_available or 0,
                               level.quantity_reserved or 0, level.retail_price, level.override_price))
    return rows
