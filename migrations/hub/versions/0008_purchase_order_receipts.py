"""purchase order receipts: each delivery received at a terminal, with its discrepancies

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 09:00:00

`po.received.v1` records one row per receiving (its id is the terminal's, so a replay is refused), with the lines
that differed from the order. A purchase order received in part now has the status `partly_received`.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('purchase_order_receipts',
    sa.Column('purchase_order_id', sa.Uuid(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('terminal_id', sa.Uuid(), nullable=True),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('discrepancies', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['purchase_order_id'], ['purchase_orders.id'],
                            name=op.f('fk_purchase_order_receipts_purchase_order_id_purchase_orders')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_purchase_order_receipts_store_id_stores')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'],
                            name=op.f('fk_purchase_order_receipts_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_order_receipts'))
    )
    with op.batch_alter_table('purchase_order_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_order_receipts_purchase_order_id'), ['purchase_order_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('purchase_order_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_order_receipts_purchase_order_id'))
    op.drop_table('purchase_order_receipts')
