"""tenant suppliers: a supplier row may belong to one tenant (managed from its console); none is shared

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-20 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0015'
down_revision: Union[str, Sequence[str], None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('provincial_suppliers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tenant_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_provincial_suppliers_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_provincial_suppliers_tenant_id_tenants'), 'tenants',
                                    ['tenant_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('provincial_suppliers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_provincial_suppliers_tenant_id_tenants'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_provincial_suppliers_tenant_id'))
        batch_op.drop_column('tenant_id')
