"""ocs daily report: when each ledger movement happened in the store, an index to read a store's ledger by time,
and every exported report file

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-12 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0018'
down_revision: Union[str, Sequence[str], None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Rows written before this revision happened when the hub wrote them, as far as the hub knows.
    with op.batch_alter_table('ocs_inventory_transactions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('occurred_at', sa.DateTime(), nullable=True))
    op.execute('UPDATE ocs_inventory_transactions SET occurred_at = created_at')
    with op.batch_alter_table('ocs_inventory_transactions', schema=None) as batch_op:
        batch_op.alter_column('occurred_at', existing_type=sa.DateTime(), nullable=False)
        batch_op.create_index('ix_ocs_inventory_transactions_store_occurred', ['store_id', 'occurred_at'],
                              unique=False,
                              postgresql_include=['sku', 'quantity', 'transaction_type', 'reason_code', 'created_at'])
        batch_op.create_index('ix_ocs_inventory_transactions_store_created', ['store_id', 'created_at'],
                              unique=False, postgresql_include=['occurred_at'])
    op.create_table('ocs_report_exports',
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('province', sa.String(length=2), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=False),
    sa.Column('exported_by', sa.String(length=120), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_ocs_report_exports_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ocs_report_exports'))
    )
    with op.batch_alter_table('ocs_report_exports', schema=None) as batch_op:
        batch_op.create_index('ix_ocs_report_exports_store_day', ['store_id', 'business_date', 'exported_at'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ocs_report_exports', schema=None) as batch_op:
        batch_op.drop_index('ix_ocs_report_exports_store_day')
    op.drop_table('ocs_report_exports')
    with op.batch_alter_table('ocs_inventory_transactions', schema=None) as batch_op:
        batch_op.drop_index('ix_ocs_inventory_transactions_store_created')
        batch_op.drop_index('ix_ocs_inventory_transactions_store_occurred')
        batch_op.drop_column('occurred_at')
