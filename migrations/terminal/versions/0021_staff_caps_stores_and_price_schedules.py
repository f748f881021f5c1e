"""staff discount caps and stores, and the store's scheduled price changes the register switches to offline

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-12 09:00:00

Both users columns are added in place (ALTER TABLE ADD COLUMN): no rebuild of a table the orders point at.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0021'
down_revision: Union[str, Sequence[str], None] = '0020'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('users', sa.Column('store_ids', sa.JSON(none_as_null=True), nullable=True))
    op.add_column('users', sa.Column('discount_cap_percent', sa.String(length=32), nullable=True))
    op.create_table('price_schedules',
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('effective_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_schedules'))
    )
    op.create_index('ix_price_schedules_store_sku_effective', 'price_schedules', ['store_id', 'sku', 'effective_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_price_schedules_store_sku_effective', table_name='price_schedules')
    op.drop_table('price_schedules')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('discount_cap_percent')
        batch_op.drop_column('store_ids')
