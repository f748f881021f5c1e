"""best sellers: the order lines' SKU index also holds the quantity

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 09:00:00

A kiosk sorts a category by units sold (pos_app.persistence.kiosk_catalog), summing each shown product's order
lines. With the quantity in the SKU index the sum is read from the index alone, not from a table row per line of
a year of history. The new index serves every lookup by SKU the old one did, so it takes its place.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_order_items_sku_quantity', 'order_items', ['sku', 'quantity'], unique=False)
    op.drop_index('ix_order_items_sku', table_name='order_items')


def downgrade() -> None:
    op.create_index('ix_order_items_sku', 'order_items', ['sku'], unique=False)
    op.drop_index('ix_order_items_sku_quantity', table_name='order_items')
