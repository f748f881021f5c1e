"""A cart as units in one canonical order, so the result never depends on the order the lines were scanned in.

Units are sorted dearest first, then by SKU and the rest of the line, then by the register's line id. Each unit
carries the lowest price the law allows it: a cannabis unit never goes to $0 (one cent at the least) nor below its
unit cost unless the store allows it; an accessory may go to $0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pos_app.domain.promotions.model import CartLine, Law


def _order_key(line: CartLine, price: int, cost: int) -> tuple:
    return (-price, line.sku, line.category, line.brand, not line.is_cannabis, cost, line.line_id, line.quantity)


def price_floor(is_cannabis: bool, cost: int | None, law: Law) -> int:
    if not is_cannabis:
        return 0
    if law.allow_below_cost or cost is None:
        return 1
    return max(1, cost)


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
    # Each line's amounts in cents once: Money holds a Decimal, and converting it is what costs here.
    prices = [line.unit_price.cents for line in lines]
    costs = [line.unit_cost.cents if line.unit_cost is not None else None for line in lines]
    order = sorted(range(len(lines)), key=lambda i: (_order_key(lines[i], prices[i], -1 if costs[i] is None
                                                                 else costs[i]), i))
    line_of: list[int] = []
    price: list[int] = []
    floor: list[int] = []
    skus: list[str] = []
    first_unit: dict[int, int] = {}
    for index in order:
        line = lines[index]
        first_unit[index] = len(price)
        cents = prices[index]
        low = min(price_floor(line.is_cannabis, costs[index], law), cents)
        quantity = line.quantity
        line_of += [index] * quantity
        price += [cents] * quantity
        floor += [low] * quantity
        skus += [line.sku] * quantity
    return Units(lines, line_of, price, floor, skus, first_unit)
