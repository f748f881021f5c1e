"""What was sold in a period: totals, by store-local hour, day and week, by category, brand and product, by staff
member and by terminal. A sale is an order made in the period (`orders.sold_at`: the terminal's clock, never after
it reached the hub) and not voided; its net is before tax and after discounts. Every sum is the database's, over
the Cents columns' whole cents."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, func, select, type_coerce
from sqlalchemy.orm import Session

from sync.hub.analytics.period import Scope
from sync.hub.models import Accessory, AccessoryCategory, OcsProduct, Order, OrderItem, Terminal, User

VOIDED = "voided"
SOLD_AT = Order.sold_at


def cents(column) -> Any:
    """A Cents column as the integer it is stored as, so sums stay exact and come back as whole cents."""
    return type_coerce(column, Integer)


def total(column) -> Any:
    return func.coalesce(func.sum(cents(column)), 0)


def sales_of(scope: Scope):
    return (Order.status != VOIDED, scope.within(Order.store_id, SOLD_AT))


NET = total(Order.subtotal) - total(Order.discount_amount)


def totals(session: Session, scope: Scope) -> dict[str, int]:
    row = session.execute(select(func.count(), total(Order.subtotal), total(Order.discount_amount), NET,
                                 total(Order.tax_amount), total(Order.total_amount))
                          .where(*sales_of(scope))).one()
    units = session.scalar(select(func.coalesce(func.sum(OrderItem.quantity), 0))
                           .join(Order, Order.id == OrderItem.order_id).where(*sales_of(scope)))
    orders, gross, discounts, net, tax, paid = (int(v) for v in row)
    return {"orders": orders, "units": int(units), "gross": gross, "discounts": discounts, "net": net,
            "tax": tax, "total": paid, "basket": basket(net, orders)}


def basket(net: int, orders: int) -> int | None:
    """The average net per sale in cents, rounded half up."""
    return None if not orders else (2 * net + orders) // (2 * orders)


def by_time(session: Session, scope: Scope, kind: str) -> list[list[Any]]:
    """[bucket, sales, net cents] per store-local hour of the day, day or week (its Monday)."""
    bucket = scope.bucket(kind, Order.store_id, SOLD_AT).label("bucket")
    rows = session.execute(select(bucket, func.count(), NET).where(*sales_of(scope))
                           .group_by(bucket).order_by(bucket)).all()
    return [[_bucket_value(b, kind), int(n), int(net)] for b, n, net in rows]


def _bucket_value(value: Any, kind: str) -> Any:
    return int(value) if kind == "hour" else str(value)[:10]


def by_item(session: Session, scope: Scope, dimension: str) -> list[list[Any]]:
    """[name, units, net cents] per category or brand, or [sku, name, units, net cents] per product; largest
    net first. Products the catalog no longer knows keep their name from the order line."""
    tenant_id = scope.stores[0].tenant_id
    units = func.sum(OrderItem.quantity)
    net = total(OrderItem.taxable_amount)
    query = (select().select_from(OrderItem).join(Order, Order.id == OrderItem.order_id).where(*sales_of(scope)))
    if dimension == "product":
        query = query.add_columns(OrderItem.sku, func.max(OrderItem.product_name), units, net).group_by(OrderItem.sku)
        rows = session.execute(query.order_by(net.desc(), OrderItem.sku)).all()
        return [[sku, name, int(u), int(n)] for sku, name, u, n in rows]
    query = (query.outerjoin(OcsProduct, (OcsProduct.tenant_id == tenant_id)
                             & (OcsProduct.ocs_variant_number == OrderItem.sku))
             .outerjoin(Accessory, (Accessory.tenant_id == tenant_id) & (Accessory.sku == OrderItem.sku)))
    if dimension == "category":
        query = query.outerjoin(AccessoryCategory, AccessoryCategory.id == Accessory.category_id)
        name = func.coalesce(OcsProduct.category, AccessoryCategory.name, "")
    else:
        name = func.coalesce(OcsProduct.brand_name, Accessory.brand, "")
    name = name.label("name")
    rows = session.execute(query.add_columns(name, units, net).group_by(name).order_by(net.desc(), name)).all()
    return [[n, int(u), int(v)] for n, u, v in rows]


def by_staff(session: Session, scope: Scope) -> list[list[Any]]:
    """[staff member, sales, net cents, average basket cents]; a staff id the hub does not know shows as its id."""
    name = func.coalesce(func.nullif(func.trim(func.coalesce(User.first_name, "") + " "
                                               + func.coalesce(User.last_name, "")), ""), User.staff_code)
    rows = session.execute(select(Order.staff_id, func.max(name), func.count(), NET).outerjoin(
        User, User.id == Order.staff_id).where(*sales_of(scope)).group_by(Order.staff_id)
        .order_by(NET.desc())).all()
    return [[who or str(staff_id)[:8], int(n), int(net), basket(int(net), int(n))]
            for staff_id, who, n, net in rows]


def by_terminal(session: Session, scope: Scope) -> list[list[Any]]:
    """[terminal, sales, net cents]; orders entered on the hub itself have no terminal."""
    rows = session.execute(select(Order.terminal_id, func.max(Terminal.name), func.count(), NET).outerjoin(
        Terminal, Terminal.id == Order.terminal_id).where(*sales_of(scope)).group_by(Order.terminal_id)
        .order_by(NET.desc())).all()
    return [[name or ("" if terminal_id is None else str(terminal_id)[:8]), int(n), int(net)]
            for terminal_id, name, n, net in rows]
