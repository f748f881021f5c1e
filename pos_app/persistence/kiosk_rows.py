"""What a kiosk browse request is (``BrowseQuery``) and what one product row of its answer holds (``CatalogRow``),
with the parts every browse statement shares: the store's stock, the moves the hub has not counted yet, and the
columns a row is read from, for cannabis and for accessories.

Stock is what the register counts (persistence/stock.py): the pulled level, plus local deltas the hub has not
counted yet, less active reservations.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, literal, select
from sqlalchemy.sql.elements import BindParameter

from pos_app.persistence.models import Accessory, OcsInventory, OcsProduct
from pos_app.persistence.stock import stock_adjustments


@dataclass(frozen=True)
class BrowseQuery:
    forms: tuple[str, ...] = ()  # cannabis product forms; empty with accessories=False: every form
    accessories: bool = False  # the accessories catalog instead of the cannabis one
    skus: tuple[str, ...] | None = None  # only these (search results)
    plant_types: tuple[str, ...] = ()
    thc: tuple[Decimal | None, Decimal | None] = (None, None)
    cbd: tuple[Decimal | None, Decimal | None] = (None, None)
    price: tuple[Decimal | None, Decimal | None] = (None, None)  # dollars
    brands: tuple[str, ...] = ()
    sizes: tuple[tuple[str, str], ...] = ()  # (net_content as stored, unit)
    in_stock_only: bool = True
    sort: str = "best_sellers"


@dataclass(frozen=True)
class CatalogRow:
    sku: str
    name: str
    brand: str
    form: str
    price: Decimal
    available: int
    plant_type: str | None = None
    net_content: Decimal = Decimal(0)
    unit: str = ""
    pieces: int | None = None
    thc: tuple[Decimal | None, Decimal | None] = (None, None)
    cbd: tuple[Decimal | None, Decimal | None] = (None, None)
    dried_equivalent_g: Decimal = Decimal(0)
    image_url: str | None = None
    description: str | None = None
    terpenes: str | None = None


def pending(store_id: uuid.UUID, now: datetime | BindParameter | None = None):
    """Per SKU, the local deltas not pulled yet less active reservations (the register's rule)."""
    return stock_adjustments(store_id, now)


def stock(store_id: uuid.UUID):
    inv = OcsInventory
    return (select(inv.sku, inv.quantity_on_hand, inv.override_price, inv.retail_price)
            .where(inv.store_id == store_id).subquery("stock"))


def available(stock_rows, pending_moves):
    return func.coalesce(stock_rows.c.quantity_on_hand, 0) + func.coalesce(pending_moves.c.delta, 0)


def cannabis_columns(stock_rows, pending_moves) -> tuple:
    p = OcsProduct
    price = func.coalesce(stock_rows.c.override_price, stock_rows.c.retail_price, p.price_per_unit)
    return (p.ocs_variant_number, p.product_name, p.brand_name, p.product_form, price.label("price"),
            available(stock_rows, pending_moves).label("available"), p.plant_type, p.net_content, p.unit_of_measure,
            p.pieces, p.thc_min, p.thc_max, p.cbd_min, p.cbd_max, p.dried_equivalent_g, p.image_url)


def accessory_columns(stock_rows, pending_moves) -> tuple:
    a, none = Accessory, literal(None)
    price = func.coalesce(stock_rows.c.override_price, stock_rows.c.retail_price, a.retail_price)
    return (a.sku, a.name, func.coalesce(a.brand, ""), literal("accessory"), price.label("price"),
            available(stock_rows, pending_moves).label("available"), none, literal("0"), literal(""), none,
            none, none, none, none, literal("0"), a.image_url)


def row_of(values) -> CatalogRow:
    (sku, name, brand, form, price, available_now, plant, net, unit, pieces,
     thc_min, thc_max, cbd_min, cbd_max, dried, image) = values
    return CatalogRow(sku=sku, name=name, brand=brand or "", form=form, price=Decimal(price),
                      available=int(available_now), plant_type=plant, net_content=Decimal(net or 0), unit=unit or "",
                      pieces=pieces, thc=(_dec(thc_min), _dec(thc_max)), cbd=(_dec(cbd_min), _dec(cbd_max)),
                      dried_equivalent_g=Decimal(dried or 0), image_url=image)


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)
