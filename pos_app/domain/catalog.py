"""What the sale needs to know about a product, and how a scanned code finds one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from pos_app.domain.equivalency import ProductForm
from pos_app.domain.money import Money


@dataclass(frozen=True, slots=True)
class ProductInfo:
    sku: str
    name: str
    unit_price: Money
    is_cannabis: bool
    form: ProductForm
    dried_equivalent_per_unit: Decimal
    taxable: bool = True
    price_version: int = 1
    each_gtin: str | None = None
    brand: str = ""
    category: str = ""  # what promotions name, with the brand and the SKU
    unit_cost: Money | None = None  # the floor a promotion may not price cannabis below (unless the store allows)

    def __post_init__(self) -> None:
        if self.unit_price.is_negative():
            raise ValueError(f"Price of {self.sku} cannot be negative.")
        if self.dried_equivalent_per_unit < 0:
            raise ValueError(f"Dried equivalent of {self.sku} cannot be negative.")


@dataclass(frozen=True, slots=True)
class CodeMatch:
    product: ProductInfo
    units: int  # a case_gtin scan sells the whole case

    def __post_init__(self) -> None:
        if self.units < 1:
            raise ValueError("A code must match at least one unit.")


class ProductLookup(Protocol):
    def find_by_code(self, code: str) -> CodeMatch | None:
        """Match an each_gtin, case_gtin, ocs_variant_number or accessory SKU."""
        ...
