"""acknowledged rejections: a manager marks a rejected mutation as seen on the sync health page; the catalog's
categories and brands by tenant, for the console's promotion form

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-12 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0020'
down_revision: Union[str, Sequence[str], None] = '0019'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('sync_mutations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acknowledged_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('acknowledged_by', sa.Uuid(), nullable=True))
        batch_op.create_index('ix_sync_mutations_store_status', ['store_id', 'status'], unique=False)
    with op.batch_alter_table('ocs_product_catalog', schema=None) as batch_op:
        batch_op.create_index('ix_ocs_product_catalog_tenant_category', ['tenant_id', 'category'], unique=False)
        batch_op.create_index('ix_ocs_product_catalog_tenant_brand', ['tenant_id', 'brand_name'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ocs_product_catalog', schema=None) as batch_op:
        batch_op.drop_index('ix_ocs_product_catalog_tenant_brand')
        batch_op.drop_index('ix_ocs_product_catalog_tenant_category')
    with op.batch_alter_table('sync_mutations', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_mutations_store_status')
        batch_op.drop_column('acknowledged_by')
        batch_op.drop_column('acknowledged_at')
