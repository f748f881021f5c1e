"""open sales: the sale in progress at each till, with its payments, saved as it changes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 09:00:00

A closed window or a crash used to lose the cart, and could leave a card approved with no sale behind it. One row
per till holds the open sale's snapshot (lines, discounts, lots, payments) and its sale id, which is the key of the
card payment journal (payment_attempts); completing the sale deletes the row in the same transaction.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('open_sales',
    sa.Column('terminal_no', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('sale_id', sa.Uuid(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['users.id'], name=op.f('fk_open_sales_staff_id_users')),
    sa.PrimaryKeyConstraint('terminal_no', name=op.f('pk_open_sales'))
    )
    with op.batch_alter_table('open_sales', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_open_sales_sale_id'), ['sale_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('open_sales', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_open_sales_sale_id'))
    op.drop_table('open_sales')
