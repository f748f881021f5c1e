"""recalls: the lots a tenant recalled, with the reason and reference the registers name

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('recalls',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('lots', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_recalls_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recalls'))
    )
    with op.batch_alter_table('recalls', schema=None) as batch_op:
        batch_op.create_index('ix_recalls_tenant_created', ['tenant_id', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recalls', schema=None) as batch_op:
        batch_op.drop_index('ix_recalls_tenant_created')
    op.drop_table('recalls')
