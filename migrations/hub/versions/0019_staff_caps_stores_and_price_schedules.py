"""staff discount caps and stores, scheduled price changes and price history

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-12 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0019'
down_revision: Union[str, Sequence[str], None] = '0018'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('store_ids', sa.JSON(none_as_null=True), nullable=True))
        batch_op.add_column(sa.Column('discount_cap_percent', sa.String(length=32), nullable=True))

    op.create_table('price_schedules',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('effective_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['console_users.id'],
                            name=op.f('fk_price_schedules_created_by_console_users')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_price_schedules_store_id_stores')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_price_schedules_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_schedules'))
    )
    with op.batch_alter_table('price_schedules', schema=None) as batch_op:
        batch_op.create_index('ix_price_schedules_store_status_effective', ['store_id', 'status', 'effective_at'],
                              unique=False)

    op.create_table('price_history',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('old_price', sa.Integer(), nullable=True),
    sa.Column('new_price', sa.Integer(), nullable=True),
    sa.Column('effective_at', sa.DateTime(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('changed_by', sa.Uuid(), nullable=True),
    sa.Column('via', sa.String(length=16), nullable=False),
    sa.Column('schedule_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by'], ['console_users.id'],
                            name=op.f('fk_price_history_changed_by_console_users')),
    sa.ForeignKeyConstraint(['schedule_id'], ['price_schedules.id'],
                            name=op.f('fk_price_history_schedule_id_price_schedules')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_price_history_store_id_stores')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_price_history_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_history'))
    )
    with op.batch_alter_table('price_history', schema=None) as batch_op:
        batch_op.create_index('ix_price_history_store_changed', ['store_id', 'changed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('price_history', schema=None) as batch_op:
        batch_op.drop_index('ix_price_history_store_changed')
    op.drop_table('price_history')
    with op.batch_alter_table('price_schedules', schema=None) as batch_op:
        batch_op.drop_index('ix_price_schedules_store_status_effective')
    op.drop_table('price_schedules')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('discount_cap_percent')
        batch_op.drop_column('store_ids')
