"""order line promotions: the part of a line's discount the promotions gave, each one's share, and each unit's
price after them, so a refund gives back what was actually paid for a unit

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-12 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0017'
down_revision: Union[str, Sequence[str], None] = '0016'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD COLUMN: order_items is not rebuilt, so the triggers that name it (the kiosk's listing) stay valid.
    op.add_column('order_items', sa.Column('promotion_discount', sa.Integer(), server_default='0', nullable=False))
    op.add_column('order_items', sa.Column('promotions', sa.JSON(), server_default='[]', nullable=False))
    op.add_column('order_items', sa.Column('unit_prices_paid', sa.JSON(), server_default='[]', nullable=False))


def downgrade() -> None:
    op.drop_column('order_items', 'unit_prices_paid')
    op.drop_column('order_items', 'promotions')
    op.drop_column('order_items', 'promotion_discount')
