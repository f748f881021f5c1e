"""Orders: a completed sale is a fact; refunds and voids are new facts checked by the order's state machine."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.column_types import cents_to_dollars, utcnow
from sync.hub.analytics.rollup import record_sale
from sync.hub.batch_rows import add_rows, insert_new, write_gathered
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.inventory import Delta, apply_deltas
from sync.hub.ledger_records import sale_reversal
from sync.hub.models import (
    Order,
    OrderItem,
    OrderItemLot,
    OrderRefund,
    OrderRefundItem,
    OrderStatusHistory,
    PaymentTransaction,
)
from sync.hub.promotions import record_usage
from sync.hub.store_time import terminal_clock_time
from sync.mutations import CardTender, CashTender, InventoryDelta, OrderCompletedV1, OrderRefundedV1, OrderVoidedV1

_ITEMS = OrderItem.__table__
_ITEM_LOTS = OrderItemLot.__table__
_PAYMENTS = PaymentTransaction.__table__
_HISTORY = OrderStatusHistory.__table__


def _history(session: Session, order: Order, status: str, staff_id: uuid.UUID | None, notes: str | None = None):
    session.add(OrderStatusHistory(order_id=order.id, status=status, changed_by=staff_id, notes=notes))


def _deltas(deltas: Iterable[InventoryDelta]) -> list[Delta]:
    return [Delta(d.sku, d.batch_lot, d.quantity_delta, d.line_id, d.reason) for d in deltas]


def _payment_method(tenders: list[CashTender | CardTender]) -> str | None:
    methods = {t.method for t in tenders}
    return None if not methods else methods.pop() if len(methods) == 1 else "split"


def order_completed(session: Session, ctx: Context, args: OrderCompletedV1) -> None:
    # Rows go in with Core, one INSERT per table (lines, lots, payments all at once): a sale is insert-only.
    require_own_store(ctx, args.store_id)
    now = utcnow()
    sold_at = min(terminal_clock_time(args.local_ts) or now, now)
    added = insert_new(session, Order, dict(
        id=args.order_id, order_number=args.order_number, store_id=ctx.store_id, terminal_id=ctx.terminal_id,
        staff_id=args.staff_id, cash_session_id=args.cash_session_id, sale_id=args.sale_id, status="completed",
        subtotal=cents_to_dollars(args.subtotal_cents), discount_amount=cents_to_dollars(args.discount_amount_cents),
        tax_amount=cents_to_dollars(args.tax_amount_cents), total_amount=cents_to_dollars(args.total_amount_cents),
        cash_rounding=cents_to_dollars(args.cash_rounding_cents), change_due=cents_to_dollars(args.change_due_cents),
        tax_breakdown=args.tax_components_cents, tax_rates={code: str(rate) for code, rate in args.tax_rates.items()},
        dried_equivalent_g=args.dried_equivalent_grams, payment_method=_payment_method(args.tenders),
        local_ts=args.local_ts, completed_at=now, sold_at=sold_at,
        created_at=now, updated_at=now,
    ), key=None)
    if not added:
        if session.scalar(select(Order.id).where(Order.id == args.order_id)) is not None:
            raise Rejection("duplicate_order", f"Order {args.order_number} is already on the hub.")
        raise Rejection("duplicate_order_number", f"Another order already has the number {args.order_number}.")
    add_rows(session, _ITEMS, [dict(
        id=line.line_id, order_id=args.order_id, line_no=line_no, sku=line.sku, product_name=line.name,
        quantity=line.quantity, unit_price=cents_to_dollars(line.unit_price_cents),
        price_version=line.price_version, discount_amount=cents_to_dollars(line.discount_cents),
        taxable_amount=cents_to_dollars(line.taxable_amount_cents),
        tax_amount=cents_to_dollars(sum(line.taxes_cents.values())), tax_breakdown=line.taxes_cents,
        line_total=cents_to_dollars(line.line_total_cents), is_cannabis=line.is_cannabis,
        dried_equivalent_g=line.dried_equivalent_grams,
    ) for line_no, line in enumerate(args.lines, start=1)])
    lots = [{"id": uuid.uuid4(), "order_item_id": line.line_id, "batch_lot": allocation.batch_lot,
             "quantity": allocation.quantity} for line in args.lines for allocation in line.allocations]
    add_rows(session, _ITEM_LOTS, lots)
    add_rows(session, _PAYMENTS, _tender_payments(ctx, args, now))
    add_rows(session, _HISTORY, [{"id": uuid.uuid4(), "order_id": args.order_id, "status": "completed",
                                        "changed_by": args.staff_id, "notes": None, "created_at": now}])
    apply_deltas(session, ctx.store_id, _deltas(args.inventory_deltas), transaction_type="sale",
                 reference_type="order", reference_id=args.order_id, staff_id=args.staff_id,
                 occurred_at=terminal_clock_time(args.local_ts))
    if any(line.promotions for line in args.lines):
        record_usage(session, ctx.tenant_id, ctx.store_id, ctx.terminal_id, args.order_id, args.lines)
    record_sale(session, ctx.store_id, sold_at,
                [(line.sku, line.name, line.quantity, line.taxable_amount_cents) for line in args.lines],
                args.tax_components_cents)


def _tender_payments(ctx: Context, args: OrderCompletedV1, now) -> list[dict]:
    payments = []
    change_left = args.change_due_cents
    for tender in reversed(args.tenders):
        kept = tender.amount_cents
        tendered = None
        if tender.method == "cash":
            tendered, kept = tender.amount_cents, tender.amount_cents - change_left
            change_left = 0
        reference, last4, brand, auth_code = (
            (tender.reference, tender.last4, tender.brand, tender.auth_code) if isinstance(tender, CardTender)
            else (None, None, None, None))
        payments.append(dict(
            id=uuid.uuid4(), store_id=ctx.store_id, order_id=args.order_id, refund_id=None,
            transaction_id=reference, provider="cash" if tender.method == "cash" else "card_terminal",
            amount=cents_to_dollars(kept), currency="CAD", status="captured", payment_method=tender.method,
            card_last_four=last4, card_brand=brand, authorization_code=auth_code,
            tendered_amount=None if tendered is None else cents_to_dollars(tendered), refund_amount=None,
            created_at=now, updated_at=now,
        ))
    return payments


def _order_in_store(session: Session, ctx: Context, order_id: uuid.UUID) -> Order:
    """The order, row-locked until commit: a refund or void reads its state before it writes, and only the
    writers of this one order need to wait for each other (the first one wins)."""
    write_gathered(session)  # the order, its lines and payments may be among this batch's rows
    order = session.scalar(select(Order).where(Order.id == order_id).with_for_update()
                           .execution_options(populate_existing=True))
    if order is None or order.store_id != ctx.store_id:
        raise Rejection("unknown_order", "The hub has no such order in this store.")
    return order


def _refunded_quantities(session: Session, order_id: uuid.UUID) -> dict[uuid.UUID, int]:
    rows = session.execute(
        select(OrderRefundItem.order_item_id, func.sum(OrderRefundItem.quantity))
        .join(OrderRefund, OrderRefund.id == OrderRefundItem.refund_id)
        .where(OrderRefund.order_id == order_id).group_by(OrderRefundItem.order_item_id)
    )
    return {item_id: int(quantity) for item_id, quantity in rows}


def order_refunded(session: Session, ctx: Context, args: OrderRefundedV1) -> None:
    require_own_store(ctx, args.store_id)
    order = _order_in_store(session, ctx, args.order_id)
    if order.status == "voided":
        raise Rejection("order_voided", f"Order {order.order_number} was voided; it cannot be refunded.")
    if session.get(OrderRefund, args.refund_id) is not None:
        raise Rejection("duplicate_refund", "This refund is already on the hub.")
    sold = {item.id: item.quantity for item in order.items}
    done = _refunded_quantities(session, order.id)
    for line in args.lines:
        if line.line_id not in sold:
            raise Rejection("unknown_line", f"Order {order.order_number} has no line {line.line_id}.")
        if done.get(line.line_id, 0) + line.quantity > sold[line.line_id]:
            raise Rejection("refund_exceeds_sale", f"The refund takes back more than order {order.order_number} sold.")
        done[line.line_id] = done.get(line.line_id, 0) + line.quantity
    refund = OrderRefund(
        id=args.refund_id, order_id=order.id, staff_id=args.staff_id, approved_by=args.approved_by,
        method=args.method, subtotal=cents_to_dollars(args.subtotal_cents),
        tax_amount=cents_to_dollars(args.tax_amount_cents), total_amount=cents_to_dollars(args.total_cents),
        tax_breakdown=args.tax_components_cents, local_ts=args.local_ts,
        refunded_at=min(terminal_clock_time(args.local_ts) or utcnow(), utcnow()),
    )
    session.add(refund)
    session.flush()
    for line in args.lines:
        session.add(OrderRefundItem(
            refund_id=refund.id, order_item_id=line.line_id, quantity=line.quantity,
            amount=cents_to_dollars(line.amount_cents), tax_amount=cents_to_dollars(sum(line.taxes_cents.values())),
            restock=line.restock,
        ))
    paid_back = args.total_cents if args.paid_back_cents is None else args.paid_back_cents
    session.add(PaymentTransaction(
        store_id=ctx.store_id, order_id=order.id, refund_id=refund.id, provider="cash" if args.method == "cash"
        else "card_terminal", amount=-cents_to_dollars(paid_back), status="refunded", payment_method=args.method,
        refund_amount=cents_to_dollars(paid_back),
    ))
    order.status = "refunded" if all(done.get(i, 0) >= q for i, q in sold.items()) else "partially_refunded"
    _history(session, order, order.status, args.staff_id, f"refund {refund.id}")
    apply_deltas(session, ctx.store_id, _deltas(args.inventory_deltas), transaction_type="refund",
                 reference_type="refund", reference_id=refund.id, staff_id=args.staff_id,
                 occurred_at=terminal_clock_time(args.local_ts))


def order_voided(session: Session, ctx: Context, args: OrderVoidedV1) -> None:
    require_own_store(ctx, args.store_id)
    order = _order_in_store(session, ctx, args.order_id)
    if order.status == "voided":
        raise Rejection("order_already_voided", f"Order {order.order_number} was already voided.")
    if order.status != "completed":
        raise Rejection("order_refunded", f"Order {order.order_number} has refunds; it can no longer be voided.")
    if args.inventory_deltas is not None:
        deltas = _deltas(args.inventory_deltas)
    else:
        deltas = sale_reversal(session, order.id, "void")
    order.status = "voided"
    order.payment_status = "voided"
    record_sale(session, ctx.store_id, order.sold_at or order.completed_at or order.created_at,
                [(item.sku, item.product_name, item.quantity, int(item.taxable_amount * 100))
                 for item in order.items], order.tax_breakdown or {}, sign=-1)
    for payment in list(order_payments(session, order.id)):
        session.add(PaymentTransaction(
            store_id=ctx.store_id, order_id=order.id, transaction_id=payment.transaction_id,
            provider=payment.provider, amount=-payment.amount, status="voided",
            payment_method=payment.payment_method, card_last_four=payment.card_last_four,
            card_brand=payment.card_brand,
        ))
    _history(session, order, "voided", args.staff_id, args.reason)
    apply_deltas(session, ctx.store_id, deltas, transaction_type="void", reference_type="order",
                 reference_id=order.id, staff_id=args.staff_id, occurred_at=terminal_clock_time(args.local_ts))


def order_payments(session: Session, order_id: uuid.UUID):
    return session.scalars(select(PaymentTransaction).where(
        PaymentTransaction.order_id == order_id, PaymentTransaction.status == "captured"))
