"""One day of a store's sales, for the back office's Reports tab: worked out from the orders on request (a day is a
few thousand rows at most), in the store's own time zone, so a day starts at the store's midnight whatever the
season."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.hub.models import Accessory, OcsProduct, Order, OrderItem, OrderRefund, PaymentTransaction, Store
from sync.hub.store_time import day_bounds, store_zone
from sync.protocol import StoreDaySummary, SummaryLine

VOIDED = "voided"
TOP = 10


def store_day_summary(session: Session, store_id: uuid.UUID, day: date) -> StoreDaySummary:
    store = session.get(Store, store_id)
    assert store is not None, "the token names its store"
    zone = store_zone(store)
    start, end = day_bounds(day, zone)
    sold_at = func.coalesce(Order.completed_at, Order.created_at)
    orders = session.execute(select(Order.id, sold_at, Order.status, Order.subtotal, Order.discount_amount,
                                    Order.tax_breakdown, Order.total_amount, Order.cash_rounding)
                             .where(Order.store_id == store_id, sold_at >= start, sold_at < end)).all()
    sold = [o for o in orders if o.status != VOIDED]
    voided = [o for o in orders if o.status == VOIDED]
    taxes: dict[str, int] = defaultdict(int)
    by_hour: dict[int, int] = defaultdict(int)
    for order in sold:
        for code, cents in (order.tax_breakdown or {}).items():
            taxes[code] += int(cents)
        moment = order[1] if order[1].tzinfo else order[1].replace(tzinfo=UTC)
        by_hour[moment.astimezone(zone).hour] += _cents(order.subtotal) - _cents(order.discount_amount)
    sold_ids = [o.id for o in sold]
    tenders = dict(session.execute(
        select(PaymentTransaction.payment_method, func.sum(PaymentTransaction.amount))
        .where(PaymentTransaction.order_id.in_(sold_ids), PaymentTransaction.refund_id.is_(None),
               PaymentTransaction.status == "captured")
        .group_by(PaymentTransaction.payment_method)).all()) if sold_ids else {}
    refunds = session.execute(select(func.count(), func.coalesce(func.sum(OrderRefund.total_amount), 0),
                                     func.coalesce(func.sum(OrderRefund.cash_rounding), 0))
                              .join(Order, Order.id == OrderRefund.order_id)
                              .where(Order.store_id == store_id, OrderRefund.created_at >= start,
                                     OrderRefund.created_at < end)).one()
    lines = _lines(session, store.tenant_id, sold_ids)
    return StoreDaySummary(
        store_id=store_id, day=day, as_of=datetime.now(UTC), sales_count=len(sold),
        gross_cents=sum(_cents(o.subtotal) for o in sold), discounts_cents=sum(_cents(o.discount_amount) for o in sold),
        net_cents=sum(_cents(o.subtotal) - _cents(o.discount_amount) for o in sold), tax_cents=dict(taxes),
        tenders_cents={method: _cents(amount) for method, amount in tenders.items()},
        refunds_count=refunds[0], refunds_cents=_cents(refunds[1]) + _cents(refunds[2]),
        voids_count=len(voided), voids_cents=sum(_cents(o.total_amount) + _cents(o.cash_rounding) for o in voided),
        units_sold=sum(line[2] for line in lines), net_by_hour_cents=dict(sorted(by_hour.items())),
        top_products=[SummaryLine(name=name, units=units, net_cents=net)
                      for _, name, units, net, _ in sorted(lines, key=lambda line: (-line[3], line[0]))[:TOP]],
        by_category=_by_category(lines),
    )


def _lines(session: Session, tenant_id: uuid.UUID, order_ids: list[uuid.UUID]):
    """(sku, name, units, net cents, category) per product sold in these orders."""
    if not order_ids:
        return []
    rows = session.execute(select(OrderItem.sku, func.max(OrderItem.product_name), func.sum(OrderItem.quantity),
                                  func.sum(OrderItem.taxable_amount))
                           .where(OrderItem.order_id.in_(order_ids)).group_by(OrderItem.sku)).all()
    skus = [row[0] for row in rows]
    categories = dict(session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.category).where(
        OcsProduct.tenant_id == tenant_id, OcsProduct.ocs_variant_number.in_(skus))).all())
    accessories = set(session.scalars(select(Accessory.sku).where(Accessory.tenant_id == tenant_id,
                                                                  Accessory.sku.in_(skus))))
    return [(sku, name, int(units), _cents(net),
             categories.get(sku) or ("accessories" if sku in accessories else "other"))
            for sku, name, units, net in rows]


def _by_category(lines) -> list[SummaryLine]:
    units: dict[str, int] = defaultdict(int)
    net: dict[str, int] = defaultdict(int)
    for _, _, line_units, line_net, category in lines:
        units[category] += line_units
        net[category] += line_net
    return [SummaryLine(name=category, units=units[category], net_cents=net[category])
            for category in sorted(net, key=lambda c: (-net[c], c))]


def _cents(amount: Decimal | None) -> int:
    """Dollars as the Cents columns (and their sums) read back, in whole cents."""
    return int((Decimal(amount) * 100).to_integral_value()) if amount is not None else 0
