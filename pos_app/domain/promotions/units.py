"""A cart as units in one canonical order, so the result never depends on the order the lines were scanned in.

Units are sorted dearest first, then by SKU and the rest of the line, then by the register's line id. Each unit
carries the lowest price the law allows it: a cannabis unit never goes to $0 (one cent at the least) nor below its
unit cost unless the store allows it; an accessory may go to $0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pos_app.domain.promotions.model import CartLine, Law


def line_order_key(line: CartLine) -> tuple:
    cost = line.unit_cost.cents if line.unit_cost is not None else -1
    return (-line.unit_price.cents, line.sku, line.category, line.brand, not line.is_cannabis, cost, line.line_id,
            line.quantity)


def price_floor(line: CartLine, law: Law) -> int:
    if not line.is_cannabis:
        return 0
    if law.allow_below_cost or line.unit_cost is None:
        return 1
    return max(1, line.unit_cost.cents)


@dataclass(slots=True)
class Units:
    lines: Sequence[CartLine]
    line_of: list[int]  # unit -> index of its line in the cart as given
    price: list[int]  # list price, cents
    floor: list[int]
    skus: list[str]
    first_unit: dict[int, int]  # line index -> its first unit

    @property
    def count(self) -> int:
        return len(self.price)


def cart_units(lines: Sequence[CartLine], law: Law) -> Units:
    order = sorted(range(len(lines)), key=lambda i: (line_order_key(lines[i]), i))
    line_of: list[int] = []
    price: list[int] = []
    floor: list[int] = []
    skus: list[str] = []
    first_unit: dict[int, int] = {}
    for index in order:
        line = lines[index]
        first_unit[index] = len(price)
        cents = line.unit_price.cents
        low = min(price_floor(line, law), cents)
        for _ in range(line.quantity):
            line_of.append(index)
            price.append(cents)
            floor.append(low)
            skus.append(line.sku)
    return Units(lines, line_of, price, floor, skus, first_unit)
