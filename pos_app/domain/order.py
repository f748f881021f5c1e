"""Completing a sale: the order is an insert-only fact with its lot allocations and stock deltas."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from uuid import UUID

from pos_app.domain.equivalency import check_possession_limit
from pos_app.domain.errors import EmptySale, InsufficientTender
from pos_app.domain.lots import InventoryDelta, Lot, LotAllocation, allocate_lots
from pos_app.domain.money import Money, sum_money
from pos_app.domain.payment import payment_status
from pos_app.domain.promotions import Allocation as PromotionAllocation
from pos_app.domain.sale import Sale, SaleLine, SaleTotals
from pos_app.domain.tenders import CardTender, CashTender, Tender


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_id: UUID
    sku: str
    name: str
    quantity: int
    unit_price: Money
    discount: Money  # the promotions', the line's own discount and its share of the cart discount
    taxable_amount: Money
    taxes: dict[str, Money]
    line_total: Money  # taxable_amount + taxes
    price_version: int
    is_cannabis: bool
    allocations: tuple[LotAllocation, ...] = ()
    dried_equivalent: Decimal = Decimal(0)
    discount_reason: str | None = None  # why the line's own discount was given (a DiscountReason code)
    promotion_discount: Money = Money.zero()  # the part of `discount` the promotions and codes gave
    promotions: tuple[PromotionAllocation, ...] = ()  # each promotion's or code's share of it, as the engine allocated
    unit_prices_paid: tuple[int, ...] = ()  # with promotions: each unit's price after them in cents, cheapest first

    @property
    def gross(self) -> Money:
        return self.unit_price * self.quantity

    @property
    def tax_total(self) -> Money:
        return sum_money(self.taxes.values())


@dataclass(frozen=True)
class Order:
    order_id: UUID
    order_number: str
    store_id: UUID
    staff_id: UUID
    lines: tuple[OrderLine, ...]
    tenders: tuple[Tender, ...]
    subtotal: Money
    discount_amount: Money
    tax_amount: Money
    total_amount: Money  # before cash rounding
    cash_rounding: Money
    change_due: Money
    tax_components: dict[str, Money]
    dried_equivalent_grams: Decimal
    tax_rates: dict[str, Decimal] = field(default_factory=dict)
    sale_id: UUID | None = None
    cart_discount_reason: str | None = None  # why the cart discount was given (a DiscountReason code)

    @property
    def amount_paid(self) -> Money:
        """What the customer actually paid: the total after cash rounding."""
        return self.total_amount + self.cash_rounding

    @property
    def cash_tendered(self) -> Money:
        return sum_money(t.amount for t in self.tenders if isinstance(t, CashTender))

    @property
    def card_paid(self) -> Money:
        return sum_money(t.amount for t in self.tenders if isinstance(t, CardTender))

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def line(self, line_id: UUID) -> OrderLine:
        return next(line for line in self.lines if line.line_id == line_id)


def complete_sale(
    sale: Sale,
    *,
    order_id: UUID,
    order_number: str,
    lots_by_sku: Mapping[str, Sequence[Lot]],
    today: date,
    staff_id: UUID,
    store_id: UUID,
) -> Order:
    if sale.is_empty:
        raise EmptySale()
    totals = sale.totals
    check_possession_limit(totals.dried_equivalent_grams)
    status = payment_status(totals.total, sale.tenders)
    if not status.is_settled:
        raise InsufficientTender(status.paid, totals.total, status.remaining)
    return Order(
        order_id=order_id,
        order_number=order_number,
        store_id=store_id,
        staff_id=staff_id,
        lines=_order_lines(sale.lines, totals, _LotLedger(lots_by_sku), today),
        tenders=sale.tenders,
        subtotal=totals.subtotal,
        discount_amount=totals.discounts,
        tax_amount=totals.tax_total,
        total_amount=totals.total,
        cash_rounding=status.cash_rounding,
        change_due=status.change_due,
        tax_components=dict(totals.taxes.components),
        dried_equivalent_grams=totals.dried_equivalent_grams,
        tax_rates={component.code: component.rate for component in sale.tax_components},
        sale_id=sale.sale_id,
        cart_discount_reason=sale.cart_discount.reason if sale.cart_discount else None,
    )


class _LotLedger:
    """Lot stock as seen by this order, so two lines of one SKU do not take the same units twice."""

    def __init__(self, lots_by_sku: Mapping[str, Sequence[Lot]]) -> None:
        self._lots_by_sku = lots_by_sku
        self._taken: defaultdict[tuple[str, str], int] = defaultdict(int)

    def allocate(self, sku: str, quantity: int, today: date, pinned: str | None) -> tuple[LotAllocation, ...]:
        lots = [
            replace(lot, quantity_remaining=lot.quantity_remaining - self._taken[(sku, lot.batch_lot)])
            for lot in self._lots_by_sku.get(sku, ())
        ]
        allocations = allocate_lots(sku, quantity, lots, today, pinned=pinned)
        for allocation in allocations:
            self._taken[(sku, allocation.batch_lot)] += allocation.quantity
        return tuple(allocations)


def _order_lines(
    lines: Sequence[SaleLine], totals: SaleTotals, ledger: _LotLedger, today: date
) -> tuple[OrderLine, ...]:
    order_lines = []
    for index, line in enumerate(lines):
        product = line.product
        taxes = dict(totals.taxes.per_line[index])
        taxable = totals.taxable_per_line[index]
        priced = totals.pricing.lines[index] if totals.pricing is not None else None
        promotion = totals.promotion_per_line[index] if totals.promotion_per_line else Money.zero()
        order_lines.append(
            OrderLine(
                line_id=line.line_id,
                sku=product.sku,
                name=product.name,
                quantity=line.quantity,
                unit_price=product.unit_price,
                discount=line.gross - taxable,
                taxable_amount=taxable,
                taxes=taxes,
                line_total=taxable + sum_money(taxes.values()),
                price_version=product.price_version,
                is_cannabis=product.is_cannabis,
                allocations=(ledger.allocate(product.sku, line.quantity, today, line.lot)
                             if product.is_cannabis else ()),
                dried_equivalent=line.dried_equivalent,
                discount_reason=line.discount_reason,
                promotion_discount=promotion,
                promotions=priced.allocations if priced is not None and promotion else (),
                unit_prices_paid=priced.unit_cents if priced is not None and promotion else (),
            )
        )
    return tuple(order_lines)


def discounts_given(sale: Sale) -> list[dict[str, object]]:
    """Each discount on the sale, its amount and its reason code, for the audit trail: lines first, then the cart."""
    given: list[dict[str, object]] = [
        {"sku": line.product.sku, "line_id": str(line.line_id), "cents": line.discount.cents,
         "reason": line.discount_reason}
        for line in sale.lines if line.discount
    ]
    cart = sale.totals.cart_discount
    if cart:
        given.append({"sku": None, "line_id": None, "cents": cart.cents,
                      "reason": sale.cart_discount.reason if sale.cart_discount else None})
    return given


def inventory_deltas(order: Order) -> list[InventoryDelta]:
    """Stock leaving the shelf: one delta per lot allocation, or one without a lot for accessories."""
    deltas = []
    for line in order.lines:
        if not line.allocations:
            deltas.append(InventoryDelta(line.sku, None, -line.quantity, line.line_id))
        for allocation in line.allocations:
            deltas.append(InventoryDelta(line.sku, allocation.batch_lot, -allocation.quantity, line.line_id))
    return deltas


def void_inventory_deltas(order: Order) -> list[InventoryDelta]:
    """A void puts every unit back on the lot it left, so the stock is as if the sale never happened."""
    return [replace(delta, quantity_delta=-delta.quantity_delta, reason="void") for delta in inventory_deltas(order)]


__all__ = ["InventoryDelta", "LotAllocation", "Order", "OrderLine", "complete_sale", "discounts_given",
           "inventory_deltas", "void_inventory_deltas"]
