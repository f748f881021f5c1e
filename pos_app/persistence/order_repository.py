"""Writing completed orders and refunds, and reading an order back as the domain's ``Order``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from pos_app.domain.lots import InventoryDelta, LotAllocation
from pos_app.domain.money import Money
from pos_app.domain.order import Order, OrderLine
from pos_app.domain.promotions import Allocation as PromotionAllocation
from pos_app.domain.refund import Refund
from pos_app.domain.tenders import CardApproval, CardTender, CashTender, Tender
from pos_app.persistence.models import (
    OcsInventoryTransaction,
    OrderItem,
    OrderItemLot,
    OrderRefund,
    OrderRefundItem,
    OrderStatusHistory,
    PaymentTransaction,
)
from pos_app.persistence.models import Order as OrderRow

CARD_PROVIDER = "card-terminal"


def _cents(amounts: dict[str, Money]) -> dict[str, int]:
    return {code: amount.cents for code, amount in amounts.items()}


def _money(cents: dict[str, int]) -> dict[str, Money]:
    return {code: Money.from_cents(int(value)) for code, value in cents.items()}


def _shares(allocations: Sequence[PromotionAllocation]) -> list[dict]:
    return [{"number": a.promotion_id, "code": a.code, "name": a.name, "cents": a.amount.cents} for a in allocations]


def payment_method_of(tenders: Sequence[Tender]) -> str:
    kinds = {"card" if isinstance(t, CardTender) else "cash" for t in tenders}
    return kinds.pop() if len(kinds) == 1 else "split"


def _payment_rows(order: Order, now: datetime) -> list[dict]:
    rows = []
    change_left = order.change_due
    # Change comes out of the last cash handed over, so each cash row's amount is what stayed in the drawer.
    for tender in reversed(order.tenders):
        row = dict(id=uuid.uuid4(), store_id=order.store_id, order_id=order.order_id, refund_id=None,
                   status="captured", created_at=now, updated_at=now, transaction_id=None, tendered_amount=None,
                   card_last_four=None, card_brand=None, authorization_code=None)
        if isinstance(tender, CardTender):
            approval = tender.approval
            row.update(transaction_id=approval.reference, provider=CARD_PROVIDER, amount=approval.amount.amount,
                       payment_method="card", card_last_four=approval.last4, card_brand=approval.brand,
                       authorization_code=approval.auth_code)
        else:
            kept = tender.amount - change_left if change_left <= tender.amount else Money.zero()
            change_left = change_left - (tender.amount - kept)
            row.update(provider="cash", amount=kept.amount, tendered_amount=tender.amount.amount,
                       payment_method="cash")
        rows.append(row)
    return list(reversed(rows))


def _insert(session: Session, model: type, rows: list[dict]) -> None:
    # Core executemany on the table: one statement per table, no ORM objects to track and flush. Every row of
    # one call has the same keys, and omitted columns take their defaults, as an ORM insert would give them.
    if rows:
        session.execute(insert(model.__table__), rows)


def add_inventory_transactions(
    session: Session, deltas: Sequence[InventoryDelta], *, store_id: uuid.UUID, reference_type: str,
    reference_id: uuid.UUID, staff_id: uuid.UUID | None, mutation_id: int, now: datetime,
) -> None:
    _insert(session, OcsInventoryTransaction, [
        dict(store_id=store_id, sku=delta.sku, batch_lot=delta.batch_lot, transaction_type=delta.reason,
             quantity=delta.quantity_delta, reference_type=reference_type, reference_id=reference_id,
             line_id=delta.line_id, staff_id=staff_id, mutation_id=mutation_id, created_at=now)
        for delta in deltas
    ])


def save_order(session: Session, order: Order, *, cash_session_id: uuid.UUID | None, now: datetime) -> None:
    # Parents first: foreign keys are checked as each statement runs.
    _insert(session, OrderRow, [dict(
        id=order.order_id, order_number=order.order_number, store_id=order.store_id, staff_id=order.staff_id,
        cash_session_id=cash_session_id, status="completed", order_type="in-store",
        subtotal=order.subtotal.amount, discount_amount=order.discount_amount.amount,
        tax_amount=order.tax_amount.amount, total_amount=order.total_amount.amount,
        cash_rounding=order.cash_rounding.amount, change_due=order.change_due.amount,
        tax_breakdown=_cents(order.tax_components), dried_equivalent_g=order.dried_equivalent_grams,
        payment_status="paid", payment_method=payment_method_of(order.tenders),
        discount_reason=order.cart_discount_reason, created_at=now, updated_at=now, completed_at=now,
    )])
    _insert(session, OrderItem, [
        dict(
            id=line.line_id, order_id=order.order_id, line_no=line_no, sku=line.sku, product_name=line.name,
            quantity=line.quantity, unit_price=line.unit_price.amount, price_version=line.price_version,
            discount_amount=line.discount.amount, taxable_amount=line.taxable_amount.amount,
            tax_amount=line.tax_total.amount, tax_breakdown=_cents(line.taxes),
            line_total=line.line_total.amount, is_cannabis=line.is_cannabis,
            dried_equivalent_g=line.dried_equivalent, discount_reason=line.discount_reason,
            promotion_discount=line.promotion_discount.amount, promotions=_shares(line.promotions),
            unit_prices_paid=list(line.unit_prices_paid),
        )
        for line_no, line in enumerate(order.lines, start=1)
    ])
    _insert(session, OrderItemLot, [
        dict(order_item_id=line.line_id, batch_lot=allocation.batch_lot, quantity=allocation.quantity)
        for line in order.lines for allocation in line.allocations
    ])
    _insert(session, PaymentTransaction, _payment_rows(order, now))
    _insert(session, OrderStatusHistory, [dict(order_id=order.order_id, status="completed",
                                               changed_by=order.staff_id, notes=None, created_at=now)])


def save_refund(
    session: Session, refund: Refund, order: Order, *, staff_id: uuid.UUID, approved_by: uuid.UUID | None,
    method: str, reason: str | None, card_approval: CardApproval | None, now: datetime,
    reason_code: str | None = None,
) -> None:
    paid_back = refund.cash_total() if method == "cash" else refund.total
    session.add(OrderRefund(
        id=refund.refund_id, order_id=order.order_id, staff_id=staff_id, approved_by=approved_by, method=method,
        subtotal=refund.subtotal.amount, tax_amount=refund.tax_amount.amount, total_amount=refund.total.amount,
        cash_rounding=(paid_back - refund.total).amount, tax_breakdown=_cents(refund.tax_components),
        reason=reason, reason_code=reason_code, created_at=now,
    ))
    session.flush()
    for line in refund.lines:
        session.add(OrderRefundItem(
            refund_id=refund.refund_id, order_item_id=line.line_id, quantity=line.quantity,
            amount=line.amount.amount, tax_amount=(line.total - line.amount).amount, restock=line.restock,
        ))
    session.add(PaymentTransaction(
        store_id=order.store_id, order_id=order.order_id, refund_id=refund.refund_id,
        transaction_id=card_approval.reference if card_approval else None,
        provider=CARD_PROVIDER if card_approval else "cash", amount=-paid_back.amount, status="refunded",
        payment_method="card" if card_approval else "cash",
        card_last_four=card_approval.last4 if card_approval else None,
        card_brand=card_approval.brand if card_approval else None,
        authorization_code=card_approval.auth_code if card_approval else None,
        refund_amount=paid_back.amount, created_at=now, updated_at=now,
    ))
    fully = _fully_refunded_after(session, order, refund)
    status = "refunded" if fully else "partially_refunded"
    session.add(OrderStatusHistory(order_id=order.order_id, status=status, changed_by=staff_id, created_at=now))


def _fully_refunded_after(session: Session, order: Order, refund: Refund) -> bool:
    done = refunded_quantities(session, order.order_id)
    for line in refund.lines:
        done[line.line_id] = done.get(line.line_id, 0) + line.quantity
    return all(done.get(line.line_id, 0) >= line.quantity for line in order.lines)


def refunded_quantities(session: Session, order_id: uuid.UUID) -> dict[uuid.UUID, int]:
    rows = session.execute(
        select(OrderRefundItem.order_item_id, func.sum(OrderRefundItem.quantity))
        .join(OrderRefund, OrderRefund.id == OrderRefundItem.refund_id)
        .where(OrderRefund.order_id == order_id)
        .group_by(OrderRefundItem.order_item_id)
    )
    return {item_id: int(quantity) for item_id, quantity in rows}


def find_order_id(session: Session, order_number: str) -> uuid.UUID | None:
    return session.scalar(select(OrderRow.id).where(OrderRow.order_number == order_number.strip().upper()))


def load_order(session: Session, order_id: uuid.UUID) -> Order | None:
    row = session.scalar(
        select(OrderRow).where(OrderRow.id == order_id)
        .options(selectinload(OrderRow.items).selectinload(OrderItem.lots))
    )
    if row is None:
        return None
    lines = tuple(
        OrderLine(
            line_id=item.id, sku=item.sku, name=item.product_name, quantity=item.quantity,
            unit_price=Money.of(item.unit_price), discount=Money.of(item.discount_amount),
            taxable_amount=Money.of(item.taxable_amount), taxes=_money(item.tax_breakdown),
            line_total=Money.of(item.line_total), price_version=item.price_version,
            is_cannabis=item.is_cannabis,
            allocations=tuple(LotAllocation(lot.batch_lot, lot.quantity) for lot in item.lots),
            dried_equivalent=item.dried_equivalent_g, discount_reason=item.discount_reason,
            promotion_discount=Money.of(item.promotion_discount or 0),
            promotions=tuple(PromotionAllocation(share["number"], share.get("code"), share["name"],
                                                 Money.from_cents(int(share["cents"])))
                             for share in item.promotions or ()),
            unit_prices_paid=tuple(int(cents) for cents in item.unit_prices_paid or ()),
        )
        for item in row.items
    )
    return Order(
        order_id=row.id, order_number=row.order_number, store_id=row.store_id, staff_id=row.staff_id,
        lines=lines, tenders=_tenders(session, row.id), subtotal=Money.of(row.subtotal),
        discount_amount=Money.of(row.discount_amount), tax_amount=Money.of(row.tax_amount),
        total_amount=Money.of(row.total_amount), cash_rounding=Money.of(row.cash_rounding),
        change_due=Money.of(row.change_due), tax_components=_money(row.tax_breakdown),
        dried_equivalent_grams=Decimal(row.dried_equivalent_g), cart_discount_reason=row.discount_reason,
    )


def _tenders(session: Session, order_id: uuid.UUID) -> tuple[Tender, ...]:
    tenders: list[Tender] = []
    for payment in session.scalars(
        select(PaymentTransaction)
        .where(PaymentTransaction.order_id == order_id, PaymentTransaction.refund_id.is_(None),
               PaymentTransaction.status == "captured")
        .order_by(PaymentTransaction.created_at)
    ):
        if payment.payment_method == "cash":
            tenders.append(CashTender(Money.of(payment.tendered_amount or payment.amount)))
        else:
            tenders.append(CardTender(CardApproval(
                amount=Money.of(payment.amount), reference=payment.transaction_id or "",
                last4=payment.card_last_four or "0000", brand=payment.card_brand or "",
                auth_code=payment.authorization_code or "",
            )))
    return tuple(tenders)


def order_state(session: Session, order_id: uuid.UUID) -> tuple[str, uuid.UUID | None]:
    """The order's status and the shift it was rung up in."""
    row = session.get(OrderRow, order_id)
    assert row is not None
    return row.status, row.cash_session_id


def save_void(session: Session, order: Order, *, staff_id: uuid.UUID, reason: str | None, now: datetime) -> None:
    """Mark the order voided and add a negative payment row per payment, as the hub does with the mutation."""
    row = session.get(OrderRow, order.order_id)
    assert row is not None
    row.status = "voided"
    row.payment_status = "voided"
    row.updated_at = now
    captured = session.scalars(select(PaymentTransaction).where(
        PaymentTransaction.order_id == order.order_id, PaymentTransaction.refund_id.is_(None),
        PaymentTransaction.status == "captured"))
    for payment in list(captured):
        session.add(PaymentTransaction(
            store_id=payment.store_id, order_id=order.order_id, transaction_id=payment.transaction_id,
            provider=payment.provider, amount=-payment.amount, status="voided",
            payment_method=payment.payment_method, card_last_four=payment.card_last_four,
            card_brand=payment.card_brand, created_at=now, updated_at=now,
        ))
    session.add(OrderStatusHistory(order_id=order.order_id, status="voided", changed_by=staff_id, notes=reason,
                                   created_at=now))
