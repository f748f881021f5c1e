"""catalog browse and uploads: indexes that page a tenant's catalog by name and find a barcode, and the catalog
CSV files kept between their preview and "Apply" in the console

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 06:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0015'
down_revision: Union[str, Sequence[str], None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_ocs_product_catalog_tenant_name', 'ocs_product_catalog', ['tenant_id', 'product_name', 'id'])
    op.create_index('ix_ocs_product_catalog_tenant_each_gtin', 'ocs_product_catalog', ['tenant_id', 'each_gtin'])
    op.create_index('ix_accessories_catalog_tenant_name', 'accessories_catalog', ['tenant_id', 'name', 'id'])
    op.create_index('ix_accessories_catalog_tenant_barcode', 'accessories_catalog', ['tenant_id', 'barcode'])
    op.create_table('catalog_uploads',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_catalog_uploads_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['user_id'], ['console_users.id'], name=op.f('fk_catalog_uploads_user_id_console_users'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_uploads'))
    )
    op.create_index(op.f('ix_catalog_uploads_tenant_id'), 'catalog_uploads', ['tenant_id'], unique=False)
    op.create_index(op.f('ix_catalog_uploads_created_at'), 'catalog_uploads', ['created_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_catalog_uploads_created_at'), table_name='catalog_uploads')
    op.drop_index(op.f('ix_catalog_uploads_tenant_id'), table_name='catalog_uploads')
    op.drop_table('catalog_uploads')
    op.drop_index('ix_accessories_catalog_tenant_barcode', table_name='accessories_catalog')
    op.drop_index('ix_accessories_catalog_tenant_name', table_name='accessories_catalog')
    op.drop_index('ix_ocs_product_catalog_tenant_each_gtin', table_name='ocs_product_catalog')
    op.drop_index('ix_ocs_product_catalog_tenant_name', table_name='ocs_product_catalog')
