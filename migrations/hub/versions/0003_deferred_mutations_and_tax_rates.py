"""deferred mutations are found by status; orders keep the tax rates they were rung up at

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 00:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tax_rates', sa.JSON(), nullable=True))

    with op.batch_alter_table('sync_mutations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_mutations_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_mutations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_mutations_status'))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('tax_rates')
