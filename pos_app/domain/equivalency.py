"""Dried-cannabis equivalents (Cannabis Act, Schedule 3) and the 30 g limit per sale."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from pos_app.domain.errors import PossessionLimitExceeded

POSSESSION_LIMIT_GRAMS = Decimal("30")
GRAMS_PRECISION = Decimal("0.0001")


class ProductForm(StrEnum):
    DRIED_FLOWER = "dried_flower"
    PRE_ROLL = "pre_roll"
    FRESH = "fresh"
    VAPE = "vape"
    EXTRACT = "extract"
    EDIBLE = "edible"
    BEVERAGE = "beverage"
    OIL = "oil"
    TOPICAL = "topical"
    SEED = "seed"
    ACCESSORY = "accessory"


# Grams (or mL) of product that count as 1 g of dried cannabis.
GRAMS_PER_DRIED_GRAM: dict[ProductForm, Decimal] = {
    ProductForm.DRIED_FLOWER: Decimal("1"),
    ProductForm.PRE_ROLL: Decimal("1"),
    ProductForm.FRESH: Decimal("5"),
    ProductForm.EDIBLE: Decimal("15"),
    ProductForm.OIL: Decimal("70"),
    ProductForm.TOPICAL: Decimal("70"),
    ProductForm.BEVERAGE: Decimal("570"),  # 2022 amendment; before it beverages counted as 70 g non-solids
    ProductForm.VAPE: Decimal("0.25"),
    ProductForm.EXTRACT: Decimal("0.25"),
}


def dried_equivalent_per_unit(form: ProductForm, net_content: Decimal, pieces: int | None = None) -> Decimal:
    """Dried grams one unit counts for; `net_content` is grams, or mL for beverages and oils.

    Seeds count one gram per seed, whatever they weigh.
    """
    form = ProductForm(form)
    if form is ProductForm.ACCESSORY:
        return Decimal("0.0000")
    if form is ProductForm.SEED:
        seeds = 1 if pieces is None else pieces
        if seeds < 0:
            raise ValueError("A seed pack cannot hold a negative number of seeds.")
        return Decimal(seeds).quantize(GRAMS_PRECISION)
    net = Decimal(net_content)
    if net < 0:
        raise ValueError("Net content cannot be negative.")
    return (net / GRAMS_PER_DRIED_GRAM[form]).quantize(GRAMS_PRECISION, rounding=ROUND_HALF_UP)


def check_possession_limit(total_grams: Decimal, limit: Decimal = POSSESSION_LIMIT_GRAMS) -> None:
    if total_grams > limit:
        raise PossessionLimitExceeded(total_grams, limit)


__all__ = [
    "GRAMS_PER_DRIED_GRAM",
    "POSSESSION_LIMIT_GRAMS",
    "PossessionLimitExceeded",
    "ProductForm",
    "check_possession_limit",
    "dried_equivalent_per_unit",
]
