"""A sale's totals: promotions first (the engine's best deal, at the store's local time, with the codes entered),
then the manual discounts (a line's, then the cart's), then tax on the discounted amounts by the usual rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_app.domain.discounts import CartDiscount
from pos_app.domain.money import Money, allocate, sum_money
from pos_app.domain.promotions import CartLine, PricingResult, PromotionBook
from pos_app.domain.tax import TaxBreakdown, TaxComponent, compute_taxes

if TYPE_CHECKING:
    from pos_app.domain.sale import SaleLine


@dataclass(frozen=True)
class SalePromotions:
    """What a sale is priced with: the store's promotions, its store-local clock, the codes the customer gave and
    this terminal's uses of codes the hub has not counted yet."""

    book: PromotionBook
    store_now: Callable[[], datetime]  # naive, store-local
    codes: tuple[str, ...] = ()
    used_locally: Mapping[str, int] = field(default_factory=dict)
    # Each sale line as the engine sees it, by the line object's id (with the line, so a reused id is not taken
    # for it): a scan re-prices a cart whose other lines are the same objects as at the last scan.
    _cart_lines: dict[int, tuple[SaleLine, CartLine]] = field(default_factory=dict, compare=False, repr=False)

    def key(self) -> tuple:
        return (id(self.book), self.codes, self.store_now().replace(second=0, microsecond=0))

    def price(self, lines: Sequence[SaleLine]) -> PricingResult:
        known, kept = self._cart_lines, {}
        cart = []
        for line in lines:
            found = known.get(id(line))
            if found is None or found[0] is not line:
                found = (line, _cart_line(line))
            kept[id(line)] = found
            cart.append(found[1])
        known.clear()
        known.update(kept)
        return self.book.price(cart, self.store_now(), self.codes, self.used_locally)


def _cart_line(line: SaleLine) -> CartLine:
    product = line.product
    return CartLine(sku=product.sku, unit_price=product.unit_price, quantity=line.quantity, category=product.category,
                    brand=product.brand, is_cannabis=product.is_cannabis, unit_cost=product.unit_cost,
                    line_id=str(line.line_id))


@dataclass(frozen=True)
class SaleTotals:
    subtotal: Money
    line_discounts: Money
    cart_discount: Money
    discounts: Money
    cart_discount_per_line: list[Money]
    taxable_per_line: list[Money]
    taxes: TaxBreakdown
    tax_total: Money
    total: Money
    dried_equivalent_grams: Decimal
    item_count: int
    promotions: Money = Money.zero()  # what the promotions and codes saved; part of `discounts`
    promotion_per_line: list[Money] = field(default_factory=list)
    pricing: PricingResult | None = None  # the engine's answer: allocations, names, what did not apply and why


def sale_totals(lines: Sequence[SaleLine], cart: CartDiscount | None, components: Sequence[TaxComponent],
                promotions: SalePromotions | None = None) -> SaleTotals:
    pricing = promotions.price(lines) if promotions is not None and lines else None
    by_line = {line.line.line_id: line.discount for line in pricing.lines} if pricing else {}
    gross = [line.gross for line in lines]  # each a new Money: worked out once
    none = Money.zero()
    promo = [min(by_line.get(str(line.line_id), none), g) for line, g in zip(lines, gross, strict=True)]
    subtotal = sum_money(gross)
    promotion_total = sum_money(promo)
    # A manual line discount comes off what the promotions left, never below zero.
    manual = [min(line.discount, g - p) for line, g, p in zip(lines, gross, promo, strict=True)]
    line_discounts = sum_money(manual)
    after_lines = [g - p - m for g, p, m in zip(gross, promo, manual, strict=True)]
    discountable = sum_money(after_lines)
    cart_amount = min(cart.amount_on(discountable), discountable) if cart else Money.zero()
    cart_shares = allocate(cart_amount, after_lines)
    taxable = [amount - share for amount, share in zip(after_lines, cart_shares, strict=True)]
    taxes = compute_taxes(taxable, components, [line.product.taxable for line in lines])
    discounts = promotion_total + line_discounts + cart_amount
    return SaleTotals(
        subtotal=subtotal,
        line_discounts=line_discounts,
        cart_discount=cart_amount,
        discounts=discounts,
        cart_discount_per_line=cart_shares,
        taxable_per_line=taxable,
        taxes=taxes,
        tax_total=taxes.total,
        total=subtotal - discounts + taxes.total,
        dried_equivalent_grams=sum((line.dried_equivalent for line in lines), Decimal(0)),
        item_count=sum(line.quantity for line in lines),
        promotions=promotion_total,
        promotion_per_line=promo,
        pricing=pricing,
    )
