"""What a promotion, a discount code and a cart line are, as the engine sees them.

Amounts are Money (exact cents) at the edges; the engine works in integer cents inside. A percentage is a Decimal
from 0 to 100. Times are the store's own local time, naive: the caller converts to the store's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from enum import StrEnum

from pos_app.domain.money import Money


class Kind(StrEnum):
    PERCENT_OFF = "percent_off"  # a percentage off each unit
    AMOUNT_OFF = "amount_off"  # a fixed amount off each unit
    BUY_X_GET_Y = "buy_x_get_y"  # buy X, get Y at a percentage off (the cheapest of each group)
    BUNDLE = "bundle"  # any N units for a set price
    VOLUME_TIERS = "volume_tiers"  # a percentage off every unit, by how many units are bought
    CODE_PERCENT = "code_percent"  # a discount code: a percentage off the purchase
    CODE_AMOUNT = "code_amount"  # a discount code: a fixed amount off the purchase


# Kinds whose saving on a unit does not depend on the other units in the cart.
PER_UNIT_KINDS = frozenset({Kind.PERCENT_OFF, Kind.AMOUNT_OFF, Kind.CODE_PERCENT})

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Target:
    """The units a promotion counts: any of these SKUs, categories or brands (mixed and matched)."""

    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()
    everything: bool = False  # a discount code's target: the whole purchase

    def matches(self, sku: str, category: str, brand: str) -> bool:
        return self.everything or sku in self.skus or category in self.categories or brand in self.brands


@dataclass(frozen=True, slots=True)
class Window:
    """Days of the week (mon..sun) and a time of day from `start` up to, not including, `end`."""

    days: frozenset[str]
    start: time
    end: time

    def contains(self, at: datetime) -> bool:
        return DAYS[at.weekday()] in self.days and self.start <= at.time().replace(tzinfo=None) < self.end


@dataclass(frozen=True, slots=True)
class Tier:
    min_quantity: int
    percent: Decimal


@dataclass(frozen=True, slots=True)
class Promotion:
    id: int
    name: str  # what customers see on the screen and the receipt
    kind: Kind
    target: Target
    priority: int = 0
    stackable: bool = False
    percent: Decimal | None = None  # percent_off, buy_x_get_y, code_percent
    amount: Money | None = None  # amount_off (per unit), code_amount (off the purchase)
    buy: int = 0  # buy_x_get_y
    get: int = 0
    bundle_size: int = 0  # bundle
    bundle_price: Money | None = None
    tiers: tuple[Tier, ...] = ()  # volume_tiers, lowest quantity first
    mix_and_match: bool = True  # False: the units of a group or bundle must be of one SKU
    windows: tuple[Window, ...] = ()  # none: at any time
    valid_from: datetime | None = None
    valid_until: datetime | None = None  # exclusive
    code: str | None = None  # set on the promotion a discount code becomes

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Higher priority first, then promotions before codes, then the lower id."""
        return (-self.priority, 1 if self.code else 0, self.id)

    @property
    def per_unit(self) -> bool:
        return self.kind in PER_UNIT_KINDS


@dataclass(frozen=True, slots=True)
class DiscountCode:
    id: int
    code: str  # compared without regard to case
    name: str
    percent: Decimal | None = None  # exactly one of percent and amount
    amount: Money | None = None
    minimum_purchase: Money | None = None  # on the purchase before promotions
    usage_limit: int | None = None
    usage_count: int = 0  # as known on the hub when the promotions were last synced
    valid_from: datetime | None = None
    valid_until: datetime | None = None  # exclusive
    priority: int = 0
    stackable: bool = True

    def as_promotion(self) -> Promotion:
        kind = Kind.CODE_PERCENT if self.percent is not None else Kind.CODE_AMOUNT
        return Promotion(id=self.id, name=self.name, kind=kind, target=Target(everything=True),
                         priority=self.priority, stackable=self.stackable, percent=self.percent,
                         amount=self.amount, code=self.code.upper())


@dataclass(frozen=True, slots=True)
class CartLine:
    sku: str
    unit_price: Money
    quantity: int
    category: str = ""
    brand: str = ""
    is_cannabis: bool = True
    unit_cost: Money | None = None
    line_id: str = ""  # the register's line id; makes identical lines tell apart


@dataclass(frozen=True, slots=True)
class Law:
    """The province's rules as store settings: a cannabis unit never at $0, nor below its cost unless allowed."""

    allow_below_cost: bool = False


@dataclass(frozen=True, slots=True)
class PromotionSet:
    promotions: tuple[Promotion, ...] = ()
    codes: tuple[DiscountCode, ...] = ()
    law: Law = field(default_factory=Law)
