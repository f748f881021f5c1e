"""A parked sale: the cart as plain data, put aside so the till can serve someone else, and restored later.

Only items and discounts are kept. Payments are never parked (a sale with a payment on it must be finished or
the payment taken off first), and the age check is done again when the customer comes back; an ID refused before
parking stays refused, so parking is no way around it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any
from uuid import UUID

from pos_app.domain.catalog import ProductLookup
from pos_app.domain.errors import DomainError
from pos_app.domain.kiosk_ticket import TicketRef
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale


class CannotPark(DomainError):
    code = "cannot_park"


def park_snapshot(sale: Sale) -> dict[str, Any]:
    if sale.is_empty:
        raise CannotPark("cannot_park.empty")
    if sale.tenders:
        raise CannotPark("cannot_park.paid")
    return cart_snapshot(sale)


def cart_snapshot(sale: Sale) -> dict[str, Any]:
    """The sale's items, discounts and pinned lots as plain data (what a parked sale keeps), and the kiosk ticket
    it rings up: a parked or restored ticket's sale still closes its ticket when it completes."""
    cart, ticket = sale.cart_discount, sale.kiosk_ticket
    return {
        "lines": [
            {
                "sku": line.product.sku,
                "quantity": line.quantity,
                "discount_percent": None if line.discount_percent is None else str(line.discount_percent),
                "discount_cents": line.discount.cents if line.discount_percent is None and line.discount else 0,
                "discount_role": line.discount_role.value if line.discount_role else None,
                "discount_cap": None if line.discount_cap is None else str(line.discount_cap),
                "discount_reason": line.discount_reason,
                "lot": line.lot,
            }
            for line in sale.lines
        ],
        "age_refusal": sale.age.refusal if sale.age.refused else None,
        "cart_discount": None if cart is None else {
            "percent": None if cart.percent is None else str(cart.percent),
            "amount_cents": cart.amount.cents if cart.amount is not None else None,
            "role": cart.role.value,
            "own_cap": None if cart.own_cap is None else str(cart.own_cap),
            "reason": cart.reason,
        },
        "kiosk_ticket": None if ticket is None else {"id": str(ticket.ticket_id), "number": ticket.number},
        "codes": list(sale.promotions.codes) if sale.promotions is not None else [],  # discount codes entered
    }


def saved_codes(snapshot: dict[str, Any]) -> tuple[str, ...]:
    """The discount codes the customer gave on a parked or open sale (none before codes existed)."""
    return tuple(snapshot.get("codes") or ())


def restore_snapshot(sale: Sale, snapshot: dict[str, Any], lookup: ProductLookup, *,
                     saved_prices: bool = False) -> list[str]:
    """Add the parked items to ``sale`` at today's prices (or, with ``saved_prices``, at the prices the snapshot
    recorded); returns the SKUs that can no longer be sold."""
    missing = []
    for item in snapshot["lines"]:
        match = lookup.find_by_code(item["sku"])
        if match is None:
            missing.append(item["sku"])
            continue
        product = match.product
        if saved_prices and item.get("unit_price_cents") is not None:
            product = replace(product, unit_price=Money.from_cents(item["unit_price_cents"]))
        line = sale.add(product, item["quantity"], lot=item.get("lot"))  # parked before lots: none
        reason = item.get("discount_reason")  # parked before reason codes: none
        approver = {"role": item["discount_role"], "own_cap": _cap(item.get("discount_cap")), "reason": reason}
        if item["discount_percent"] is not None:
            sale.discount_line(line.line_id, percent=Decimal(item["discount_percent"]), **approver)
        elif item["discount_cents"]:
            sale.discount_line(line.line_id, amount=Money.from_cents(item["discount_cents"]), **approver)
    if snapshot.get("age_refusal"):
        sale.record_age_check(False, snapshot["age_refusal"])
    if ticket := snapshot.get("kiosk_ticket"):  # saved before kiosk tickets: none
        sale.kiosk_ticket = TicketRef(UUID(ticket["id"]), ticket["number"])
    cart = snapshot.get("cart_discount")
    if cart and not sale.is_empty:
        approver = {"role": cart["role"], "own_cap": _cap(cart.get("own_cap")), "reason": cart.get("reason")}
        if cart["percent"] is not None:
            sale.discount_cart(percent=Decimal(cart["percent"]), **approver)
        else:
            sale.discount_cart(amount=Money.from_cents(cart["amount_cents"]), **approver)
    return missing


def _cap(saved: str | None) -> Decimal | None:
    """An approver's own discount limit as saved (parked before staff had their own limits: none)."""
    return None if saved is None else Decimal(saved)
