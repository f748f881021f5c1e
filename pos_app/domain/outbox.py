"""Payloads for the sync outbox: canonical JSON, its hash, and the args of order mutations."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from pos_app.domain.lots import InventoryDelta, LotAllocation
from pos_app.domain.money import Money
from pos_app.domain.order import Order, inventory_deltas, void_inventory_deltas
from pos_app.domain.refund import Refund, refund_inventory_deltas
from pos_app.domain.tenders import CardTender, Tender

ORDER_COMPLETED = "order.completed.v1"
ORDER_REFUNDED = "order.refunded.v1"
ORDER_VOIDED = "order.voided.v1"
AGE_VERIFICATION_LOGGED = "age_verification.logged.v1"


def _json_default(value: object) -> Any:
    if isinstance(value, Money):
        return value.cents
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no canonical JSON form.")


def canonical_json(obj: object) -> str:
    """One text per value, so equal args always hash the same on the terminal and the hub."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default, allow_nan=False
    )


def mutation_hash(args: object) -> str:
    return hashlib.sha256(canonical_json(args).encode("utf-8")).hexdigest()


def _cents_by_code(amounts: dict[str, Money]) -> dict[str, int]:
    return {code: amount.cents for code, amount in amounts.items()}


def _allocations(allocations: tuple[LotAllocation, ...]) -> list[dict[str, Any]]:
    return [{"batch_lot": a.batch_lot, "quantity": a.quantity} for a in allocations]


def _delta(delta: InventoryDelta) -> dict[str, Any]:
    return {
        "sku": delta.sku,
        "batch_lot": delta.batch_lot,
        "quantity_delta": delta.quantity_delta,
        "line_id": str(delta.line_id),
        "reason": delta.reason,
    }


def _tender(tender: Tender) -> dict[str, Any]:
    if isinstance(tender, CardTender):
        approval = tender.approval
        return {
            "method": "card",
            "amount_cents": approval.amount.cents,
            "reference": approval.reference,
            "last4": approval.last4,
            "brand": approval.brand,
            "auth_code": approval.auth_code,
        }
    return {"method": "cash", "amount_cents": tender.amount.cents}


def order_completed_args(order: Order) -> dict[str, Any]:
    """Args of `order.completed.v1`: money in integer cents, ids and decimals as strings."""
    return {
        "order_id": str(order.order_id),
        "sale_id": None if order.sale_id is None else str(order.sale_id),
        "order_number": order.order_number,
        "store_id": str(order.store_id),
        "staff_id": str(order.staff_id),
        "subtotal_cents": order.subtotal.cents,
        "discount_amount_cents": order.discount_amount.cents,
        "tax_amount_cents": order.tax_amount.cents,
        "total_amount_cents": order.total_amount.cents,
        "cash_rounding_cents": order.cash_rounding.cents,
        "change_due_cents": order.change_due.cents,
        "tax_components_cents": _cents_by_code(order.tax_components),
        "tax_rates": {code: str(rate) for code, rate in order.tax_rates.items()},
        "dried_equivalent_grams": str(order.dried_equivalent_grams),
        "lines": [
            {
                "line_id": str(line.line_id),
                "sku": line.sku,
                "name": line.name,
                "quantity": line.quantity,
                "unit_price_cents": line.unit_price.cents,
                "discount_cents": line.discount.cents,
                "taxable_amount_cents": line.taxable_amount.cents,
                "taxes_cents": _cents_by_code(line.taxes),
                "line_total_cents": line.line_total.cents,
                "price_version": line.price_version,
                "is_cannabis": line.is_cannabis,
                "dried_equivalent_grams": str(line.dried_equivalent),
                "allocations": _allocations(line.allocations),
            }
            for line in order.lines
        ],
        "tenders": [_tender(tender) for tender in order.tenders],
        "inventory_deltas": [_delta(delta) for delta in inventory_deltas(order)],
    }


def order_refunded_args(refund: Refund, order: Order) -> dict[str, Any]:
    """Args of `order.refunded.v1`; how the money went back (cash, card) is added by the caller."""
    return {
        "refund_id": str(refund.refund_id),
        "order_id": str(order.order_id),
        "order_number": order.order_number,
        "store_id": str(order.store_id),
        "subtotal_cents": refund.subtotal.cents,
        "tax_amount_cents": refund.tax_amount.cents,
        "total_cents": refund.total.cents,
        "tax_components_cents": _cents_by_code(refund.tax_components),
        "lines": [
            {
                "line_id": str(line.line_id),
                "sku": line.sku,
                "quantity": line.quantity,
                "amount_cents": line.amount.cents,
                "taxes_cents": _cents_by_code(line.taxes),
                "total_cents": line.total.cents,
                "restock": line.restock,
                "allocations": _allocations(line.allocations),
            }
            for line in refund.lines
        ],
        "inventory_deltas": [_delta(delta) for delta in refund_inventory_deltas(refund)],
    }


def order_voided_args(order: Order) -> dict[str, Any]:
    """Args of `order.voided.v1`; who voided it, who approved and why are added by the caller."""
    return {
        "order_id": str(order.order_id),
        "order_number": order.order_number,
        "store_id": str(order.store_id),
        "inventory_deltas": [_delta(delta) for delta in void_inventory_deltas(order)],
    }
