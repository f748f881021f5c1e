"""card settlements: each terminal's daily card batch close and its check against the POS's card payments

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 07:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0017'
down_revision: Union[str, Sequence[str], None] = '0016'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('card_settlements',
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('terminal_id', sa.Uuid(), nullable=True),
    sa.Column('terminal_no', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('batch_number', sa.Integer(), nullable=False),
    sa.Column('settled_by', sa.Uuid(), nullable=True),
    sa.Column('settled_at', sa.DateTime(), nullable=False),
    sa.Column('terminal_sales', sa.Integer(), nullable=False),
    sa.Column('terminal_refunds', sa.Integer(), nullable=False),
    sa.Column('terminal_count', sa.Integer(), nullable=False),
    sa.Column('pos_sales', sa.Integer(), nullable=False),
    sa.Column('pos_refunds', sa.Integer(), nullable=False),
    sa.Column('pos_count', sa.Integer(), nullable=False),
    sa.Column('balanced', sa.Boolean(), nullable=False),
    sa.Column('mismatches', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_card_settlements_store_id_stores')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_card_settlements_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_settlements')),
    sa.UniqueConstraint('terminal_id', 'reference', name=op.f('uq_card_settlements_terminal_id_reference'))
    )
    with op.batch_alter_table('card_settlements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_settlements_store_id'), ['store_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('card_settlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_settlements_store_id'))
    op.drop_table('card_settlements')
