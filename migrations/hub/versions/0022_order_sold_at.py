"""orders.sold_at and order_refunds.refunded_at: when a sale or refund was made (the terminal's clock, never later
than its arrival), indexed for the console's sales analytics; the rows already on the hub take their arrival time

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0022'
down_revision: Union[str, Sequence[str], None] = '0021'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('orders', sa.Column('sold_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE orders SET sold_at = COALESCE(completed_at, created_at)")
    op.create_index('ix_orders_store_sold_at', 'orders', ['store_id', 'sold_at'])
    op.add_column('order_refunds', sa.Column('refunded_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE order_refunds SET refunded_at = created_at")
    op.create_index(op.f('ix_order_refunds_refunded_at'), 'order_refunds', ['refunded_at'])


def downgrade() -> None:
    op.drop_index(op.f('ix_order_refunds_refunded_at'), table_name='order_refunds')
    op.drop_column('order_refunds', 'refunded_at')
    op.drop_index('ix_orders_store_sold_at', table_name='orders')
    op.drop_column('orders', 'sold_at')
