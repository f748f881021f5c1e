"""sync client: wire id base, last good sync, alert; outbox index by status

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 06:10:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Columns are only added: the outbox rows themselves are never rewritten or renumbered.
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mutation_id_base', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('last_good_sync_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('alert', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('alert_at', sa.DateTime(), nullable=True))
    op.create_index('ix_sync_outbox_status', 'sync_outbox', ['status'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_sync_outbox_status', table_name='sync_outbox')
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.drop_column('alert_at')
        batch_op.drop_column('alert')
        batch_op.drop_column('last_good_sync_at')
        batch_op.drop_column('mutation_id_base')
