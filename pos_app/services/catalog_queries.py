"""Read-only catalog queries for screens: search as you type, and sample codes for demos."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.money import Money
from pos_app.persistence.catalog_search import search_catalog
from pos_app.persistence.models import OcsInventory, OcsProduct
from pos_app.persistence.store_repository import the_store
from pos_app.services.clock import Clock, utc_clock


@dataclass(frozen=True)
class ProductHit:
    sku: str  # what the cart is given when the cashier picks this hit
    name: str
    brand: str
    price: Money
    form: str
    is_cannabis: bool
    on_hand: int
    sellable: int  # units that may be sold today: none means the item can't be sold (out of stock, expired, recalled)


class CatalogQueries:
    def __init__(self, session_factory: sessionmaker[Session], store_id: uuid.UUID | None = None, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._store_id = store_id
        self._clock = clock

    def _store(self, session: Session) -> uuid.UUID:
        if self._store_id is None:
            store = the_store(session)
            assert store is not None, "search needs a store; open_terminal refuses to start without one"
            self._store_id = store.id
        return self._store_id

    def search(self, text: str, limit: int = 50) -> list[ProductHit]:
        """Products whose name, brand or SKU holds every word typed, or whose GTIN is the one typed."""
        with self._session_factory() as session:
            rows = search_catalog(session, self._store(session), text.strip(), limit, today=self._clock().date())
        return [ProductHit(sku=r.sku, name=r.name, brand=r.brand, price=Money.of(r.price), form=r.form,
                           is_cannabis=r.is_cannabis, on_hand=r.on_hand, sellable=r.sellable) for r in rows]

    def in_stock_codes(self, count: int, forms: tuple[str, ...]) -> list[str]:
        """Each-GTINs of in-stock products of the given forms, in a stable order."""
        with self._session_factory() as session:
            return list(session.scalars(
                select(OcsProduct.each_gtin)
                .join(OcsInventory, OcsInventory.sku == OcsProduct.ocs_variant_number)
                .where(OcsInventory.quantity_on_hand > 0, OcsProduct.product_form.in_(forms))
                .order_by(OcsProduct.ocs_variant_number)
                .limit(count)
            ))
