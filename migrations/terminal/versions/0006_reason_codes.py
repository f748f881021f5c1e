"""reason codes: why a refund was given and why a discount was taken off

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 09:00:00

Refunds and discounts are given for one of a fixed list of reasons (pos_app.domain.reason_codes), so reports can
count them. The refund keeps its code beside its free-text reason; an order keeps its cart discount's reason and
each line its own discount's reason. Older rows have none.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('order_refunds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_code', sa.String(length=30), nullable=True))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discount_reason', sa.String(length=30), nullable=True))
    with op.batch_alter_table('order_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discount_reason', sa.String(length=30), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('order_items', schema=None) as batch_op:
        batch_op.drop_column('discount_reason')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('discount_reason')
    with op.batch_alter_table('order_refunds', schema=None) as batch_op:
        batch_op.drop_column('reason_code')
