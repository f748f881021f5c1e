"""Each store's sales per local day and SKU (`sales_sku_days`) and its tax per day and component
(`sales_tax_days`), kept in the same transaction as the orders: a sale adds its lines and taxes to the store-local
day it was made, a void takes them back (a push batch sums its mutations' rows and writes one upsert per table,
`batch_rows.add_sums`). A terminal back after days offline adds
to the days its sales were made, so the figures of those days change as they should; nothing is recomputed.
`rebuild` makes the table again from the orders (after a restore, or for rows written around the handlers)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from sync.hub.batch_rows import add_sums
from sync.hub.models import SalesSkuDay, SalesTaxDay, Store
from sync.hub.store_time import DEFAULT_ZONE, store_zone

_TABLE = SalesSkuDay.__table__
_TAXES = SalesTaxDay.__table__


def record_sale(session: Session, store_id: uuid.UUID, sold_at: datetime,
                lines: Iterable[tuple[str, str, int, int]], taxes: dict[str, int], sign: int = 1) -> None:
    """lines: (sku, product name, units, net cents); taxes: cents per component; sign -1 takes a voided sale
    back."""
    day = sold_at.astimezone(_zone(session, store_id)).date()
    per_sku: dict[str, dict] = {}
    for sku, name, units, net in lines:
        row = per_sku.setdefault(sku, {"store_id": store_id, "day": day, "sku": sku, "product_name": name,
                                       "units": 0, "net_cents": 0, "lines": 0})
        row["units"] += sign * units
        row["net_cents"] += sign * net
        row["lines"] += sign
    components = [{"store_id": store_id, "day": day, "component": code, "cents": sign * int(cents)}
                  for code, cents in taxes.items()]
    add_sums(session, _TAXES, ("store_id", "day", "component"), ("cents",), components)
    add_sums(session, _TABLE, ("store_id", "day", "sku"), ("units", "net_cents", "lines"), list(per_sku.values()))


def _zone(session: Session, store_id: uuid.UUID) -> ZoneInfo:
    """The store's zone, read once per session: a push batch records a hundred sales of one store, and the
    identity map keeps no store nobody holds, so each sale loaded it again (a quarter of the hub's push time)."""
    zones = session.info.setdefault("rollup_store_zones", {})
    if store_id not in zones:
        store = session.get(Store, store_id)
        assert store is not None, "the order's store is on the hub"
        zones[store_id] = store_zone(store)
    return zones[store_id]


REBUILD_POSTGRESQL = """
INSERT INTO sales_sku_days (store_id, day, sku, product_name, units, net_cents, lines)
SELECT o.store_id,
       CAST(timezone(CASE WHEN z.name IS NULL THEN :default_zone ELSE s.timezone END,
                     timezone('UTC', COALESCE(o.sold_at, o.completed_at, o.created_at))) AS DATE),
       i.sku, MAX(i.product_name), SUM(i.quantity), SUM(i.taxable_amount), COUNT(*)
FROM order_items i JOIN orders o ON o.id = i.order_id JOIN stores s ON s.id = o.store_id
LEFT JOIN pg_timezone_names z ON z.name = s.timezone
WHERE o.status <> 'voided'
GROUP BY 1, 2, 3;
INSERT INTO sales_tax_days (store_id, day, component, cents)
SELECT o.store_id,
       CAST(timezone(CASE WHEN z.name IS NULL THEN :default_zone ELSE s.timezone END,
                     timezone('UTC', COALESCE(o.sold_at, o.completed_at, o.created_at))) AS DATE),
       t.key, SUM(CAST(t.value AS BIGINT))
FROM orders o JOIN stores s ON s.id = o.store_id CROSS JOIN json_each_text(o.tax_breakdown) t
LEFT JOIN pg_timezone_names z ON z.name = s.timezone
WHERE o.status <> 'voided'
GROUP BY 1, 2, 3
"""


def rebuild(session: Session) -> None:
    """The table made again from every order that was not voided (PostgreSQL: one INSERT ... SELECT)."""
    session.execute(delete(_TABLE))
    session.execute(delete(_TAXES))
    if session.get_bind().dialect.name == "postgresql":
        for statement in REBUILD_POSTGRESQL.split(";"):
            session.execute(text(statement), {"default_zone": DEFAULT_ZONE})
        return
    from sync.hub.models import Order, OrderItem

    for order in session.query(Order).filter(Order.status != "voided"):
        items = session.query(OrderItem).filter(OrderItem.order_id == order.id)
        record_sale(session, order.store_id, order.sold_at or order.completed_at or order.created_at,
                    [(i.sku, i.product_name, i.quantity, int(i.taxable_amount * 100)) for i in items],
                    order.tax_breakdown or {})
