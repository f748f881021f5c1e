"""Read-only catalog queries for screens (search as you type comes later; demos need sample codes)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pos_app.persistence.models import OcsInventory, OcsProduct


class CatalogQueries:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

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
