"""store day summaries: the hub's last answer for a day of the store's sales, for the Reports tab offline

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 07:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0020'
down_revision: Union[str, Sequence[str], None] = '0019'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'store_day_summaries',
        sa.Column('store_id', sa.Uuid(), nullable=False),
        sa.Column('day', sa.String(length=10), nullable=False),
        sa.Column('fetched_at', sa.DateTime(), nullable=False),
        sa.Column('body', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('store_id', 'day'),
    )


def downgrade() -> None:
    op.drop_table('store_day_summaries')
