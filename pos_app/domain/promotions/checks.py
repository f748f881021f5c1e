"""The rules a set of promotions must keep before it is accepted, each broken one as a sentence.

The rules and the law are written once, in `sync.promotions_rules` (pure: the hub checks with them too); here is
the terminal's side: a catalog in Money, handed to them as plain amounts. The engine applies the law again on
every cart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pos_app.domain.money import Money
from sync import promotions_rules as rules
from sync.promotions_file import PromotionsFile


@dataclass(frozen=True, slots=True)
class Product:
    category: str
    brand: str
    is_cannabis: bool
    price: Money
    cost: Money | None = None


@dataclass(frozen=True, slots=True)
class Catalog:
    """What the store sells, to check promotions against. `complete`: every SKU is listed, so a SKU, category or
    brand that is not is unknown; otherwise only the law is checked on the products given."""

    products: Mapping[str, Product]
    complete: bool = True

    def for_rules(self) -> rules.Catalog:
        return rules.Catalog({sku: rules.Product(p.category, p.brand, p.is_cannabis, p.price.amount,
                                                 None if p.cost is None else p.cost.amount)
                              for sku, p in self.products.items()}, complete=self.complete)


def check_promotions_file(data: PromotionsFile, catalog: Catalog | None = None) -> list[str]:
    """Every rule the file breaks, as sentences; an empty list means it may be accepted."""
    return rules.check_promotions_file(data, None if catalog is None else catalog.for_rules())
