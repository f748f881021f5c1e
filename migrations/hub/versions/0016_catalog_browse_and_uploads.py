"""catalog browse and uploads: indexes that page a tenant's catalog by name and find a barcode, and the catalog
CSV files kept between their preview and "Apply" in the console

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 06:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

SEARCHED = {'ocs_product_catalog': ('ix_ocs_product_catalog_search', ['product_name', 'brand_name', 'ocs_variant_number']),
            'accessories_catalog': ('ix_accessories_catalog_search', ['name', 'brand', 'sku'])}


revision: str = '0016'
down_revision: Union[str, Sequence[str], None] = '0015'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_ocs_product_catalog_tenant_name', 'ocs_product_catalog', ['tenant_id', 'product_name', 'id'])
    op.create_index('ix_ocs_product_catalog_tenant_each_gtin', 'ocs_product_catalog', ['tenant_id', 'each_gtin'])
    op.create_index('ix_accessories_catalog_tenant_name', 'accessories_catalog', ['tenant_id', 'name', 'id'])
    op.create_index('ix_accessories_catalog_tenant_barcode', 'accessories_catalog', ['tenant_id', 'barcode'])
    trigrams = _trigrams_available()
    for table, (name, columns) in SEARCHED.items():
        if trigrams:
            op.create_index(name, table, columns, postgresql_using='gin',
                            postgresql_ops=dict.fromkeys(columns, 'gin_trgm_ops'))
        else:  # the same name and columns, so the schema matches; search then reads every name
            op.create_index(name, table, columns)
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


def _trigrams_available() -> bool:
    """pg_trgm added on PostgreSQL (a trusted extension: a role that may create in the database may add it)."""
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return False
    try:
        with bind.begin_nested():
            bind.exec_driver_sql('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    except DBAPIError:
        return False
    return True


def downgrade() -> None:
    for table, (name, _columns) in SEARCHED.items():
        op.drop_index(name, table_name=table)
    op.drop_index(op.f('ix_catalog_uploads_created_at'), table_name='catalog_uploads')
    op.drop_index(op.f('ix_catalog_uploads_tenant_id'), table_name='catalog_uploads')
    op.drop_table('catalog_uploads')
    op.drop_index('ix_accessories_catalog_tenant_barcode', table_name='accessories_catalog')
    op.drop_index('ix_accessories_catalog_tenant_name', table_name='accessories_catalog')
    op.drop_index('ix_ocs_product_catalog_tenant_each_gtin', table_name='ocs_product_catalog')
    op.drop_index('ix_ocs_product_catalog_tenant_name', table_name='ocs_product_catalog')
