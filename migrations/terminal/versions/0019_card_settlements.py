"""card settlements: each close of the card terminal's batch and its check against the POS's card payments

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 07:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa



revision: str = '0019'
down_revision: Union[str, Sequence[str], None] = '0018'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'card_settlements',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('reference', sa.String(length=40), nullable=False),
        sa.Column('store_id', sa.Uuid(), nullable=False),
        sa.Column('terminal_no', sa.Integer(), nullable=False),
        sa.Column('requested_at', sa.DateTime(), nullable=False),
        sa.Column('requested_by', sa.Uuid(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('settled_at', sa.DateTime(), nullable=True),
        sa.Column('batch_number', sa.Integer(), nullable=True),
        sa.Column('terminal_sales', sa.Integer(), nullable=True),
        sa.Column('terminal_refunds', sa.Integer(), nullable=True),
        sa.Column('terminal_count', sa.Integer(), nullable=True),
        sa.Column('pos_sales', sa.Integer(), nullable=True),
        sa.Column('pos_refunds', sa.Integer(), nullable=True),
        sa.Column('pos_count', sa.Integer(), nullable=True),
        sa.Column('mismatches', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('reference'),
    )


def downgrade() -> None:
    op.drop_table('card_settlements')
