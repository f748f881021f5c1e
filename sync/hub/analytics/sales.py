"""What was sold in a period: totals, by store-local hour, day and week, by category, brand and product, by staff
member and by terminal. A sale is an order made in the period (`orders.sold_at`: the terminal's clock, never after
it reached the hub) and not voided; its net is before tax and after discounts. Every sum is the database's, over
the Cents columns' whole cents."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, func, select, true, tuple_, type_coerce
from sqlalchemy.orm import Session

from sync.hub.analytics.period import Scope
from sync.hub.models import Accessory, AccessoryCategory, OcsProduct, Order, SalesSkuDay, Terminal, User

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
    orders, gross, discounts, net, tax, paid = (int(v) for v in row)
    return {"orders": orders, "units": units_sold(session, scope), "gross": gross, "discounts": discounts,
            "net": net, "tax": tax, "total": paid, "basket": basket(net, orders)}


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


def items(session: Session, scope: Scope) -> dict[str, Any]:
    """What the lines sold, once per period: "product" [sku, name, units, net cents], "category" and "brand"
    [name, units, net cents], largest net first, and "units" in all. Read from the stores' days per SKU
    (`sales_sku_days`, kept as orders arrive), so a week is a few thousand rows whatever the lines; the SKUs then
    meet the catalog, and PostgreSQL makes the three groupings in one pass (GROUPING SETS)."""
    if "items" not in scope.memo:
        scope.memo["items"] = _items(session, scope)
    return scope.memo["items"]


def units_sold(session: Session, scope: Scope) -> int:
    """The units of the period: one sum over the days per SKU, without meeting the catalogs as `items` does (the
    summary needs only this figure, and over months the catalog look-ups were most of its time)."""
    if "items" in scope.memo:
        return scope.memo["items"]["units"]
    days = SalesSkuDay
    return int(session.scalar(select(func.coalesce(func.sum(days.units), 0)).where(
        days.store_id.in_([s.id for s in scope.stores]), days.day.between(scope.period.first, scope.period.last)))
        or 0)


def _items(session: Session, scope: Scope) -> dict[str, Any]:
    tenant_id = scope.stores[0].tenant_id
    days = SalesSkuDay
    per_sku = (select(days.sku, func.max(days.product_name).label("name"), func.sum(days.units).label("units"),
                      func.sum(days.net_cents).label("net"))
               .where(days.store_id.in_([s.id for s in scope.stores]),
                      days.day.between(scope.period.first, scope.period.last))
               .group_by(days.sku).having(func.sum(days.lines) != 0).subquery())
    product = (OcsProduct.tenant_id == tenant_id) & (OcsProduct.ocs_variant_number == per_sku.c.sku)
    accessory = (Accessory.tenant_id == tenant_id) & (Accessory.sku == per_sku.c.sku)
    if scope.postgres:  # each SKU looked up by the catalogs' unique indexes, never a whole catalog hashed
        known = select(OcsProduct.category, OcsProduct.brand_name).where(product).limit(1).lateral("known")
        extra = (select(AccessoryCategory.name, Accessory.brand).select_from(Accessory)
                 .outerjoin(AccessoryCategory, AccessoryCategory.id == Accessory.category_id)
                 .where(accessory).limit(1).lateral("extra"))
        base = select().select_from(per_sku).outerjoin(known, true()).outerjoin(extra, true())
        category = func.coalesce(known.c.category, extra.c.name, "")
        brand = func.coalesce(known.c.brand_name, extra.c.brand, "")
    else:
        base = (select().select_from(per_sku).outerjoin(OcsProduct, product).outerjoin(Accessory, accessory)
                .outerjoin(AccessoryCategory, AccessoryCategory.id == Accessory.category_id))
        category = func.coalesce(OcsProduct.category, AccessoryCategory.name, "")
        brand = func.coalesce(OcsProduct.brand_name, Accessory.brand, "")
    sums = (func.max(per_sku.c.name), func.sum(per_sku.c.units), func.sum(per_sku.c.net))
    found: dict[str, list[list[Any]]] = {"product": [], "category": [], "brand": []}
    units = 0
    if scope.postgres:
        which = func.grouping(per_sku.c.sku, category, brand)
        rows = session.execute(base.add_columns(which, per_sku.c.sku, category, brand, *sums).group_by(
            func.grouping_sets(tuple_(per_sku.c.sku), tuple_(category), tuple_(brand), tuple_()))).all()
        kinds = {3: "product", 5: "category", 6: "brand"}
        for bits, sku, cat, brd, name, u, n in rows:
            if bits == 7:
                units = int(u or 0)
            else:
                key = kinds[bits]
                found[key].append([sku, name, int(u), int(n)] if key == "product" else
                                  [cat if key == "category" else brd, int(u), int(n)])
    else:
        for key, column in (("product", per_sku.c.sku), ("category", category), ("brand", brand)):
            for value, name, u, n in session.execute(base.add_columns(column, *sums).group_by(column)).all():
                found[key].append([value, name, int(u), int(n)] if key == "product" else [value, int(u), int(n)])
        units = int(session.scalar(select(func.coalesce(func.sum(per_sku.c.units), 0))) or 0)
    for rows in found.values():
        rows.sort(key=lambda row: (-row[-1], row[0]))
    return {**found, "units": units}


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
