"""Partial refunds that, added up, give back exactly what was charged per line and per tax component; a unit
goes back at the price the promotions left on it (as the engine allocated them), less its share of any manual
discount."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from uuid import UUID, uuid4

from pos_app.domain.cash_rounding import round_cash
from pos_app.domain.errors import InvalidRefund
from pos_app.domain.lots import InventoryDelta, LotAllocation
from pos_app.domain.money import Money, sum_money
from pos_app.domain.order import Order, OrderLine
from pos_app.domain.tenders import CardApproval

CASH, CARD = "cash", "card"


@dataclass(frozen=True, slots=True)
class RefundLine:
    line_id: UUID
    sku: str
    quantity: int
    amount: Money  # before tax
    taxes: dict[str, Money]
    total: Money
    restock: bool
    allocations: tuple[LotAllocation, ...] = ()


@dataclass(frozen=True)
class Refund:
    refund_id: UUID
    order_id: UUID
    lines: tuple[RefundLine, ...]
    subtotal: Money
    tax_components: dict[str, Money]
    tax_amount: Money
    total: Money
    # How the money went back, once recorded: the slip, the screen and the database must all say the same.
    method: str = CASH
    card: CardApproval | None = None

    def paid_back_by(self, method: str, card: CardApproval | None = None) -> Refund:
        """This refund as paid back in cash, or to the card the terminal approved."""
        return replace(self, method=method, card=card)

    def paid_back(self) -> Money:
        """What the customer gets: cash is rounded to the nickel, a card gets the exact total."""
        return self.cash_total() if self.method == CASH else self.total

    def cash_total(self) -> Money:
        """What to hand back when the refund is paid in cash."""
        return round_cash(self.total)

    def cash_rounding(self) -> Money:
        return self.cash_total() - self.total


def prorated(value: Money, units: int, of_units: int) -> Money:
    """round_half_up(value × units / of_units) in exact integer cents."""
    cents = abs(value.cents)
    share = (2 * cents * units + of_units) // (2 * of_units)
    return Money.from_cents(-share if value.is_negative() else share)


def _paid_up_to(line: OrderLine, units: int) -> int:
    """How much of the line the first `units` units weigh. A line a promotion priced keeps what each unit sold
    for (cheapest first, so the unit a deal gave away goes back first); otherwise every unit weighs the same."""
    paid = line.unit_prices_paid
    if len(paid) == line.quantity and sum(paid) > 0:
        return sum(paid[:units])
    return units


def _slice(value: Money, line: OrderLine, done: int, units: int) -> Money:
    # f(done + units) - f(done) telescopes: refunding every unit, in any steps, returns `value` exactly.
    whole = _paid_up_to(line, line.quantity)
    return (prorated(value, _paid_up_to(line, done + units), whole)
            - prorated(value, _paid_up_to(line, done), whole))


def _returned_allocations(line: OrderLine, done: int, units: int) -> tuple[LotAllocation, ...]:
    """Units come back to the lots they were sold from, the last allocated first."""
    returned = []
    skip, wanted = done, units
    for allocation in reversed(line.allocations):
        available = allocation.quantity
        skipped = min(skip, available)
        skip -= skipped
        take = min(wanted, available - skipped)
        if take:
            returned.append(LotAllocation(allocation.batch_lot, take))
            wanted -= take
    return tuple(returned)


def _check_quantity(line: OrderLine, quantity: object, done: int) -> int:
    left = line.quantity - done
    if left <= 0:
        raise InvalidRefund("invalid_refund.all_refunded", name=line.name)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= left:
        raise InvalidRefund("invalid_refund.quantity", left=left, name=line.name)
    return quantity


def plan_refund(
    order: Order,
    quantities: Mapping[UUID, int],
    already_refunded: Mapping[UUID, int] | None = None,
    *,
    refund_id: UUID | None = None,
    restock: bool | Mapping[UUID, bool] = True,
) -> Refund:
    already = already_refunded or {}
    if not quantities:
        raise InvalidRefund("invalid_refund.nothing_chosen")
    known = {line.line_id for line in order.lines}
    if any(line_id not in known for line_id in quantities):
        raise InvalidRefund("invalid_refund.not_on_order", order_number=order.order_number)

    refund_lines = []
    for line in order.lines:
        if line.line_id not in quantities:
            continue
        done = already.get(line.line_id, 0)
        units = _check_quantity(line, quantities[line.line_id], done)
        amount = _slice(line.taxable_amount, line, done, units)
        taxes = {code: _slice(tax, line, done, units) for code, tax in line.taxes.items()}
        refund_lines.append(
            RefundLine(
                line_id=line.line_id,
                sku=line.sku,
                quantity=units,
                amount=amount,
                taxes=taxes,
                total=amount + sum_money(taxes.values()),
                restock=restock if isinstance(restock, bool) else restock.get(line.line_id, True),
                allocations=_returned_allocations(line, done, units),
            )
        )

    tax_components = {
        code: sum_money(line.taxes.get(code, Money.zero()) for line in refund_lines)
        for code in order.tax_components
    }
    subtotal = sum_money(rl.amount for rl in refund_lines)
    tax_amount = sum_money(tax_components.values())
    return Refund(
        refund_id=refund_id or uuid4(),
        order_id=order.order_id,
        lines=tuple(refund_lines),
        subtotal=subtotal,
        tax_components=tax_components,
        tax_amount=tax_amount,
        total=subtotal + tax_amount,
    )


def refund_inventory_deltas(refund: Refund) -> list[InventoryDelta]:
    """Stock going back on the shelf; nothing for lines not restocked (damaged, opened)."""
    deltas = []
    for line in refund.lines:
        if not line.restock:
            continue
        if not line.allocations:
            deltas.append(InventoryDelta(line.sku, None, line.quantity, line.line_id, reason="refund"))
        deltas.extend(
            InventoryDelta(line.sku, allocation.batch_lot, allocation.quantity, line.line_id, reason="refund")
            for allocation in line.allocations
        )
    return deltas
