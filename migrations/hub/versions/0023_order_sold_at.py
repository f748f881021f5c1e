"""orders.sold_at and order_refunds.refunded_at: when a sale or refund was made (the terminal's clock, never later
than its arrival), indexed for the console's sales analytics, the rows already on the hub taking their arrival time;
and sales_sku_days and sales_tax_days, each store's sales per local day and SKU and its tax per day and component,
filled from the orders already there

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0023'
down_revision: Union[str, Sequence[str], None] = '0022'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('orders', sa.Column('sold_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE orders SET sold_at = COALESCE(completed_at, created_at)")
    op.create_index('ix_orders_store_sold_at', 'orders', ['store_id', 'sold_at'],
                    postgresql_include=['status', 'subtotal', 'discount_amount', 'tax_amount', 'total_amount', 'id',
                                        'staff_id', 'terminal_id'])
    op.add_column('order_refunds', sa.Column('refunded_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE order_refunds SET refunded_at = created_at")
    op.create_index(op.f('ix_order_refunds_refunded_at'), 'order_refunds', ['refunded_at'])
    op.create_table(
        'sales_sku_days',
        sa.Column('store_id', sa.Uuid(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('sku', sa.String(length=40), nullable=False),
        sa.Column('product_name', sa.String(length=200), nullable=False),
        sa.Column('units', sa.Integer(), nullable=False),
        sa.Column('net_cents', sa.BigInteger(), nullable=False),
        sa.Column('lines', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_sales_sku_days_store_id_stores')),
        sa.PrimaryKeyConstraint('store_id', 'day', 'sku', name=op.f('pk_sales_sku_days')),
    )
    op.create_table(
        'sales_tax_days',
        sa.Column('store_id', sa.Uuid(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('component', sa.String(length=8), nullable=False),
        sa.Column('cents', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_sales_tax_days_store_id_stores')),
        sa.PrimaryKeyConstraint('store_id', 'day', 'component', name=op.f('pk_sales_tax_days')),
    )
    _fill_sales_days()


def _fill_sales_days() -> None:
    """The orders already on the hub, each on its store's local day (as sync.hub.analytics.rollup keeps them)."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in REBUILD_POSTGRESQL.split(";"):
            op.execute(sa.text(statement).bindparams(default_zone="America/Toronto"))
        return
    import json

    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zones = {}
    for store_id, name in bind.execute(sa.text("SELECT id, timezone FROM stores")):
        try:
            zones[store_id] = ZoneInfo(name or "America/Toronto")
        except (ZoneInfoNotFoundError, ValueError):
            zones[store_id] = ZoneInfo("America/Toronto")
    sums: dict = {}
    for store_id, sold_at, sku, name, units, net in bind.execute(sa.text(
            "SELECT o.store_id, o.sold_at, i.sku, i.product_name, i.quantity, i.taxable_amount FROM order_items i "
            "JOIN orders o ON o.id = i.order_id WHERE o.status <> 'voided'")):
        moment = sold_at if isinstance(sold_at, datetime) else datetime.fromisoformat(sold_at)
        day = moment.replace(tzinfo=UTC).astimezone(zones[store_id]).date()
        row = sums.setdefault((store_id, day, sku), [name, 0, 0, 0])
        row[1:] = [row[1] + units, row[2] + net, row[3] + 1]
    taxes: dict = {}
    for store_id, sold_at, breakdown in bind.execute(sa.text(
            "SELECT store_id, sold_at, tax_breakdown FROM orders WHERE status <> 'voided'")):
        moment = sold_at if isinstance(sold_at, datetime) else datetime.fromisoformat(sold_at)
        day = moment.replace(tzinfo=UTC).astimezone(zones[store_id]).date()
        for code, cents in (json.loads(breakdown) if isinstance(breakdown, str) else breakdown or {}).items():
            taxes[(store_id, day, code)] = taxes.get((store_id, day, code), 0) + int(cents)
    if taxes:
        op.bulk_insert(sa.table('sales_tax_days', sa.column('store_id'), sa.column('day', sa.Date()),
                                sa.column('component'), sa.column('cents')),
                       [{"store_id": s, "day": d, "component": c, "cents": v} for (s, d, c), v in taxes.items()])
    if sums:
        op.bulk_insert(sa.table('sales_sku_days', sa.column('store_id'), sa.column('day', sa.Date()),
                                sa.column('sku'), sa.column('product_name'), sa.column('units'),
                                sa.column('net_cents'), sa.column('lines')),
                       [{"store_id": s, "day": d, "sku": k, "product_name": v[0], "units": v[1], "net_cents": v[2],
                         "lines": v[3]} for (s, d, k), v in sums.items()])


# The same statement as sync.hub.analytics.rollup.REBUILD_POSTGRESQL, kept here as it was when written.
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


def downgrade() -> None:
    op.drop_table('sales_tax_days')
    op.drop_table('sales_sku_days')
    op.drop_index(op.f('ix_order_refunds_refunded_at'), table_name='order_refunds')
    op.drop_column('order_refunds', 'refunded_at')
    op.drop_index('ix_orders_store_sold_at', table_name='orders')
    op.drop_column('orders', 'sold_at')
