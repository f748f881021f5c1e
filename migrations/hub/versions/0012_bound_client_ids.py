"""bound client ids: a terminal's client id is retired when a restored database takes a new one after a 422

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-12 10:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('sync_clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restore_answered_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('retired_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_clients', schema=None) as batch_op:
        batch_op.drop_column('retired_at')
        batch_op.drop_column('restore_answered_at')
