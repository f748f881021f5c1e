"""Turning a requested discount into an amount, within what the approving role may give."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos_app.domain.errors import DiscountOverCap, InvalidDiscount
from pos_app.domain.money import Money
from pos_app.domain.staff import Role, discount_cap

HUNDRED = Decimal(100)


def as_percent(value: Decimal | int) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError("A discount percent must be a Decimal or an int.")
    return Decimal(value)


def check_discount_amount(amount: Money, base: Money, role: Role, own_cap: Decimal | None = None) -> None:
    """A discount amount must be 0..base, and no bigger a share of base than the approver's cap (their own
    limit, ``own_cap``, when they have one, else their role's)."""
    if amount.is_negative():
        raise InvalidDiscount("invalid_discount.negative", zero=Money.zero())
    if amount > base:
        raise InvalidDiscount("invalid_discount.over_base", amount=amount, base=base)
    cap = discount_cap(role, own_cap)
    if amount.amount * HUNDRED > cap * base.amount:
        raise DiscountOverCap(amount.amount * HUNDRED / base.amount, role, cap, own=own_cap is not None)


def discount_amount(base: Money, percent: Decimal | int | None, amount: Money | None, role: Role,
                    own_cap: Decimal | None = None) -> Money:
    """The amount off `base` for a percent or a fixed amount (exactly one of them)."""
    if (percent is None) == (amount is None):
        raise InvalidDiscount("invalid_discount.percent_or_amount")
    if amount is not None:
        check_discount_amount(amount, base, role, own_cap)
        return amount
    pct = as_percent(percent)
    if not Decimal(0) <= pct <= HUNDRED:
        raise InvalidDiscount("invalid_discount.percent_range")
    cap = discount_cap(role, own_cap)
    if pct > cap:
        raise DiscountOverCap(pct, role, cap, own=own_cap is not None)
    return base * (pct / HUNDRED)


@dataclass(frozen=True, slots=True)
class CartDiscount:
    """A percent follows the cart as it changes; a fixed amount stays as approved."""

    role: Role
    percent: Decimal | None = None
    amount: Money | None = None
    reason: str | None = None  # a DiscountReason code
    own_cap: Decimal | None = None  # the approver's own limit, if they have one

    def amount_on(self, discountable: Money) -> Money:
        if self.percent is not None:
            return discountable * (self.percent / HUNDRED)
        assert self.amount is not None
        return self.amount

    def check_against(self, discountable: Money) -> None:
        if self.amount is None:
            return
        if self.amount > discountable:
            raise InvalidDiscount("invalid_discount.cart_over", amount=self.amount, left=discountable)
        check_discount_amount(self.amount, discountable, self.role, self.own_cap)
