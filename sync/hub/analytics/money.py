"""Where a period's money went besides the sales themselves: tax collected per component, discounts and
promotions, refunds and voids, the payment mix, and shrinkage (inventory adjustments by reason). Refunds count
when they were made (``refunded_at``, as a sale's ``sold_at``); adjustments in the store-local day they happened
(the ledger's ``occurred_at``, as the OCS report counts them)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Integer, cast, func, select, true, type_coerce
from sqlalchemy.orm import Session

from sync.hub.analytics.period import Scope
from sync.hub.analytics.sales import VOIDED, cents, sales_of, total
from sync.hub.models import (
    DiscountUsage,
    OcsInventory,
    OcsInventoryTransaction,
    Order,
    OrderRefund,
    PaymentTransaction,
    Promotion,
    PromotionUsage,
    SalesTaxDay,
)


def _refunds_of(scope: Scope):
    return (scope.within(Order.store_id, OrderRefund.refunded_at),)


def _components(scope: Scope, column):
    """The (component, cents) pairs of a JSON tax breakdown, as a table PostgreSQL (or SQLite) reads in SQL."""
    each = (func.json_each_text if scope.postgres else func.json_each)(column).table_valued("key", "value")
    return each, each.c.key, cast(each.c.value, BigInteger)


def tax(session: Session, scope: Scope) -> list[list[Any]]:
    """[component, on sales, refunded, collected] in cents."""
    days = SalesTaxDay  # the sales' side, kept per store-local day as orders arrive
    sold = dict(session.execute(select(days.component, func.sum(days.cents)).where(
        days.store_id.in_([s.id for s in scope.stores]), days.day.between(scope.period.first, scope.period.last))
        .group_by(days.component).having(func.sum(days.cents) != 0)).all())
    each, key, value = _components(scope, OrderRefund.tax_breakdown)
    back = dict(session.execute(select(key, func.sum(value)).select_from(OrderRefund)
                                .join(Order, Order.id == OrderRefund.order_id).join(each, true())
                                .where(*_refunds_of(scope)).group_by(key)).all())
    return [[code, int(sold.get(code, 0)), int(back.get(code, 0)), int(sold.get(code, 0)) - int(back.get(code, 0))]
            for code in sorted(set(sold) | set(back))]


def refunds_and_voids(session: Session, scope: Scope) -> dict[str, int]:
    refunds = session.execute(select(func.count(), total(OrderRefund.subtotal), total(OrderRefund.tax_amount),
                                     total(OrderRefund.total_amount) + total(OrderRefund.cash_rounding))
                              .join(Order, Order.id == OrderRefund.order_id).where(*_refunds_of(scope))).one()
    voids = session.execute(select(func.count(), total(Order.subtotal) - total(Order.discount_amount),
                                   total(Order.tax_amount), total(Order.total_amount) + total(Order.cash_rounding))
                            .where(Order.status == VOIDED, scope.within(Order.store_id, Order.sold_at))).one()
    return {"refunds": int(refunds[0]), "refunds_net": int(refunds[1]), "refunds_tax": int(refunds[2]),
            "refunds_total": int(refunds[3]), "voids": int(voids[0]), "voids_net": int(voids[1]),
            "voids_tax": int(voids[2]), "voids_total": int(voids[3])}


def payment_mix(session: Session, scope: Scope) -> list[list[Any]]:
    """[method, payments, taken, paid back, net] in cents: what the sales took (change given excluded) and what
    the period's refunds paid back."""
    taken = {m: (int(n), int(a)) for m, n, a in session.execute(
        select(PaymentTransaction.payment_method, func.count(), total(PaymentTransaction.amount))
        .join(Order, Order.id == PaymentTransaction.order_id)
        .where(*sales_of(scope), PaymentTransaction.refund_id.is_(None), PaymentTransaction.status == "captured")
        .group_by(PaymentTransaction.payment_method)).all()}
    back = dict(session.execute(
        select(PaymentTransaction.payment_method, -total(PaymentTransaction.amount))
        .join(OrderRefund, OrderRefund.id == PaymentTransaction.refund_id)
        .join(Order, Order.id == OrderRefund.order_id).where(*_refunds_of(scope))
        .group_by(PaymentTransaction.payment_method)).all())
    rows = []
    for method in sorted(set(taken) | set(back), key=lambda m: (-taken.get(m, (0, 0))[1], m)):
        count, amount = taken.get(method, (0, 0))
        rows.append([method, count, amount, int(back.get(method, 0)), amount - int(back.get(method, 0))])
    return rows


def discounts(session: Session, scope: Scope) -> list[list[Any]]:
    """[kind, name, orders, cents]: every discount on the sales, then each promotion and each code."""
    all_of = session.execute(select(func.count(), total(Order.discount_amount))
                             .where(*sales_of(scope), cents(Order.discount_amount) != 0)).one()
    rows: list[list[Any]] = [["all", "", int(all_of[0]), int(all_of[1])]]
    name = func.coalesce(func.max(Promotion.name), "")
    for number, promotion, n, amount in session.execute(
            select(PromotionUsage.promotion_number, name, func.count(), total(PromotionUsage.amount))
            .join(Order, Order.id == PromotionUsage.order_id).outerjoin(Promotion, Promotion.id ==
                                                                        PromotionUsage.promotion_id)
            .where(*sales_of(scope)).group_by(PromotionUsage.promotion_number)
            .order_by(total(PromotionUsage.amount).desc())).all():
        rows.append(["promotion", promotion or f"#{number}", int(n), int(amount)])
    for code, n, amount in session.execute(
            select(DiscountUsage.code, func.count(), total(DiscountUsage.amount))
            .join(Order, Order.id == DiscountUsage.order_id).where(*sales_of(scope))
            .group_by(DiscountUsage.code).order_by(total(DiscountUsage.amount).desc())).all():
        rows.append(["code", code, int(n), int(amount)])
    return rows


def shrinkage(session: Session, scope: Scope) -> list[list[Any]]:
    """[reason, adjustments, units (signed), value at cost in cents (signed)], the largest loss first."""
    ledger = OcsInventoryTransaction
    value = func.coalesce(func.sum(ledger.quantity * func.coalesce(type_coerce(OcsInventory.unit_cost, Integer), 0)),
                          0)
    reason = func.coalesce(ledger.reason_code, "").label("reason")
    rows = session.execute(
        select(reason, func.count(), func.sum(ledger.quantity), value)
        .outerjoin(OcsInventory, (OcsInventory.store_id == ledger.store_id) & (OcsInventory.sku == ledger.sku))
        .where(ledger.transaction_type == "adjustment", scope.within(ledger.store_id, ledger.occurred_at))
        .group_by(reason).order_by(func.sum(ledger.quantity), reason)).all()
    return [[r, int(n), int(u), int(v)] for r, n, u, v in rows]
