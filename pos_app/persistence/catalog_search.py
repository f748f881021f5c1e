"""Search as you type over the replica's catalog: every word must match the name, the brand or the SKU.

Names that start with the first word come first. A GTIN (8 to 14 digits) is an exact match on each, case or
accessory barcode. Wildcards a person types (% and _) are matched literally.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from pos_app.persistence.catalog_repository import normalise_gtin
from pos_app.persistence.models import Accessory, OcsInventory, OcsProduct
from pos_app.persistence.stock import available_stock


@dataclass(frozen=True)
class SearchRow:
    sku: str
    name: str
    brand: str
    price: Decimal
    form: str
    is_cannabis: bool
    on_hand: int


def _words_match(words: list[str], *columns):
    return and_(*[or_(*[column.contains(word, autoescape=True) for column in columns]) for word in words])


def _starts_first(first: str, *columns):
    return case((or_(*[column.startswith(first, autoescape=True) for column in columns]), 0), else_=1)


def search_catalog(session: Session, store_id: uuid.UUID, text: str, limit: int) -> list[SearchRow]:
    words = text.split()
    if not words:
        return []
    gtin = normalise_gtin(words[0]) if len(words) == 1 else None
    stock = and_(OcsInventory.sku == OcsProduct.ocs_variant_number, OcsInventory.store_id == store_id)
    price = func.coalesce(OcsInventory.override_price, OcsInventory.retail_price, OcsProduct.price_per_unit)
    cannabis = (
        select(OcsProduct.ocs_variant_number, OcsProduct.product_name, OcsProduct.brand_name, price,
               OcsProduct.product_form, func.coalesce(OcsInventory.quantity_on_hand, 0))
        .outerjoin(OcsInventory, stock)
        .where(OcsProduct.is_active)
    )
    accessory_stock = and_(OcsInventory.sku == Accessory.sku, OcsInventory.store_id == store_id)
    accessory_price = func.coalesce(OcsInventory.override_price, OcsInventory.retail_price, Accessory.retail_price)
    accessories = (
        select(Accessory.sku, Accessory.name, func.coalesce(Accessory.brand, ""), accessory_price,
               func.coalesce(OcsInventory.quantity_on_hand, 0))
        .outerjoin(OcsInventory, accessory_stock)
        .where(Accessory.is_active)
    )
    if gtin is not None:
        cannabis = cannabis.where(or_(OcsProduct.each_gtin == gtin, OcsProduct.case_gtin == gtin))
        accessories = accessories.where(Accessory.barcode == gtin)
    else:
        cannabis = cannabis.where(_words_match(
            words, OcsProduct.product_name, OcsProduct.brand_name, OcsProduct.ocs_variant_number,
        )).order_by(_starts_first(words[0], OcsProduct.product_name, OcsProduct.brand_name),
                    OcsProduct.product_name)
        accessories = accessories.where(_words_match(
            words, Accessory.name, func.coalesce(Accessory.brand, ""), Accessory.sku,
        )).order_by(_starts_first(words[0], Accessory.name), Accessory.name)
    rows = [SearchRow(sku, name, brand, Decimal(p), form, True, qty)
            for sku, name, brand, p, form, qty in session.execute(cannabis.limit(limit))]
    rows += [SearchRow(sku, name, brand, Decimal(p), "accessory", False, qty)
             for sku, name, brand, p, qty in session.execute(accessories.limit(max(limit - len(rows), 0)))]
    levels = available_stock(session, store_id, {row.sku: row.on_hand for row in rows})
    return [SearchRow(**{**row.__dict__, "on_hand": levels[row.sku]}) for row in rows]
