"""promotions: the seed's pricing and promotions tables, and a priority and stacking flag on discount codes

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-11 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0014'
down_revision: Union[str, Sequence[str], None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('promotions',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=True),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=True),
    sa.Column('promo_type', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=32), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('stackable', sa.Boolean(), nullable=False),
    sa.Column('start_date', sa.DateTime(), nullable=True),
    sa.Column('end_date', sa.DateTime(), nullable=True),
    sa.Column('usage_count', sa.Integer(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_promotions_store_id_stores')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_promotions_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promotions')),
    sa.UniqueConstraint('tenant_id', 'number', name=op.f('uq_promotions_tenant_id_number'))
    )
    op.create_table('bundle_deals',
    sa.Column('promotion_id', sa.Uuid(), nullable=False),
    sa.Column('bundle_size', sa.Integer(), nullable=False),
    sa.Column('bundle_price', sa.Integer(), nullable=False),
    sa.Column('mix_and_match', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['promotion_id'], ['promotions.id'], name=op.f('fk_bundle_deals_promotion_id_promotions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bundle_deals')),
    sa.UniqueConstraint('promotion_id', name=op.f('uq_bundle_deals_promotion_id'))
    )
    op.create_table('price_tiers',
    sa.Column('promotion_id', sa.Uuid(), nullable=False),
    sa.Column('min_quantity', sa.Integer(), nullable=False),
    sa.Column('percent', sa.String(length=32), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['promotion_id'], ['promotions.id'], name=op.f('fk_price_tiers_promotion_id_promotions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_tiers'))
    )
    with op.batch_alter_table('price_tiers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_price_tiers_promotion_id'), ['promotion_id'], unique=False)

    op.create_table('pricing_rules',
    sa.Column('promotion_id', sa.Uuid(), nullable=False),
    sa.Column('rule_type', sa.String(length=20), nullable=False),
    sa.Column('days', sa.JSON(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['promotion_id'], ['promotions.id'], name=op.f('fk_pricing_rules_promotion_id_promotions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pricing_rules'))
    )
    with op.batch_alter_table('pricing_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pricing_rules_promotion_id'), ['promotion_id'], unique=False)

    op.create_table('discount_usage',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('terminal_id', sa.Uuid(), nullable=True),
    sa.Column('discount_code_id', sa.Uuid(), nullable=True),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('use_number', sa.Integer(), nullable=False),
    sa.Column('usage_limit', sa.Integer(), nullable=True),
    sa.Column('over_limit', sa.Boolean(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['discount_code_id'], ['discount_codes.id'], name=op.f('fk_discount_usage_discount_code_id_discount_codes')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_discount_usage_order_id_orders')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_discount_usage_store_id_stores')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_discount_usage_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_discount_usage_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discount_usage')),
    sa.UniqueConstraint('order_id', 'code', name=op.f('uq_discount_usage_order_id_code'))
    )
    with op.batch_alter_table('discount_usage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discount_usage_discount_code_id'), ['discount_code_id'], unique=False)
        batch_op.create_index('ix_discount_usage_tenant_over_limit', ['tenant_id', 'over_limit'], unique=False)

    op.create_table('promotion_usage',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('promotion_id', sa.Uuid(), nullable=True),
    sa.Column('promotion_number', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_promotion_usage_order_id_orders')),
    sa.ForeignKeyConstraint(['promotion_id'], ['promotions.id'], name=op.f('fk_promotion_usage_promotion_id_promotions')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_promotion_usage_store_id_stores')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_promotion_usage_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promotion_usage')),
    sa.UniqueConstraint('order_id', 'promotion_number', name=op.f('uq_promotion_usage_order_id_promotion_number'))
    )
    with op.batch_alter_table('promotion_usage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promotion_usage_promotion_id'), ['promotion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_promotion_usage_store_id'), ['store_id'], unique=False)

    with op.batch_alter_table('discount_codes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('priority', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('stackable', sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table('discount_codes', schema=None) as batch_op:
        batch_op.alter_column('priority', server_default=None)
        batch_op.alter_column('stackable', server_default=None)
        batch_op.alter_column('valid_from', existing_type=sa.DateTime(), nullable=True)



def downgrade() -> None:
    with op.batch_alter_table('discount_codes', schema=None) as batch_op:
        batch_op.drop_column('stackable')
        batch_op.drop_column('priority')
        batch_op.drop_column('number')
        batch_op.alter_column('valid_from', existing_type=sa.DateTime(), nullable=False)

    with op.batch_alter_table('promotion_usage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promotion_usage_store_id'))
        batch_op.drop_index(batch_op.f('ix_promotion_usage_promotion_id'))

    op.drop_table('promotion_usage')
    with op.batch_alter_table('discount_usage', schema=None) as batch_op:
        batch_op.drop_index('ix_discount_usage_tenant_over_limit')
        batch_op.drop_index(batch_op.f('ix_discount_usage_discount_code_id'))

    op.drop_table('discount_usage')
    with op.batch_alter_table('pricing_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pricing_rules_promotion_id'))

    op.drop_table('pricing_rules')
    with op.batch_alter_table('price_tiers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_price_tiers_promotion_id'))

    op.drop_table('price_tiers')
    op.drop_table('bundle_deals')
    op.drop_table('promotions')
