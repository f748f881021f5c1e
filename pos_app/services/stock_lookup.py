"""The back office's Stock tab: find a product by scan, SKU or name, and read its stock card from the replica."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.stock_card import StockRow
from pos_app.persistence.catalog_search import search_catalog
from pos_app.persistence.stock_card import find_product_skus, stock_row
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import NotFound


class StockLookup:
    def __init__(self, session_factory: sessionmaker[Session], store_id: uuid.UUID, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._store_id = store_id
        self._clock = clock

    def by_code(self, code: str) -> StockRow:
        """A product's stock from its GTIN (14 digits, as the one scan path gives it) or its SKU."""
        with self._session_factory() as session:
            skus = find_product_skus(session, code)
            if not skus:
                raise NotFound("not_found.code_or_name", code=code)
            row = stock_row(session, self._store_id, skus[0])
        assert row is not None
        return row

    def search(self, text: str, limit: int = 30) -> list[StockRow]:
        """Products whose name, brand or SKU holds every word typed (cannabis products: accessories have no lots)."""
        with self._session_factory() as session:
            hits = search_catalog(session, self._store_id, text.strip(), limit, today=self._clock().date())
            rows = [stock_row(session, self._store_id, hit.sku) for hit in hits if hit.is_cannabis]
        return [row for row in rows if row is not None]
