"""receiving drafts: a delivery being received, line by line, kept across restarts

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-10 09:00:00

Each scan in Receiving updates one line row, so a 500-line purchase order costs one small write per scan. Finishing
marks the draft `sent` in the transaction that queues po.received.v1.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('receiving_drafts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('purchase_order_id', sa.Uuid(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('mutation_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receiving_drafts'))
    )
    with op.batch_alter_table('receiving_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_receiving_drafts_purchase_order_id'), ['purchase_order_id'],
                              unique=False)
    op.create_table('receiving_draft_lines',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('draft_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('po_item_id', sa.Uuid(), nullable=True),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('product_name', sa.String(length=200), nullable=False),
    sa.Column('each_gtin', sa.String(length=14), nullable=True),
    sa.Column('case_gtin', sa.String(length=14), nullable=True),
    sa.Column('case_quantity', sa.Integer(), nullable=False),
    sa.Column('expected', sa.Integer(), nullable=False),
    sa.Column('asn_lot', sa.String(length=40), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('lots', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=True),
    sa.Column('decision', sa.String(length=10), nullable=True),
    sa.Column('over_confirmed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['receiving_drafts.id'],
                            name=op.f('fk_receiving_draft_lines_draft_id_receiving_drafts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receiving_draft_lines'))
    )
    with op.batch_alter_table('receiving_draft_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_receiving_draft_lines_draft_id'), ['draft_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('receiving_draft_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receiving_draft_lines_draft_id'))
    op.drop_table('receiving_draft_lines')
    with op.batch_alter_table('receiving_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receiving_drafts_purchase_order_id'))
    op.drop_table('receiving_drafts')
