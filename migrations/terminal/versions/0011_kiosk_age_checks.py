"""age checks at a kiosk: no staff member, no sale yet, and the terminal that checked

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 09:00:00

A kiosk's age gate logs the customer's own confirmation, or the ID they scanned, before any sale exists and with
no staff member there, so both columns take a null. Every check now records the terminal number that made it.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('age_verification_logs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('terminal_no', sa.Integer(), nullable=True))
        batch_op.alter_column('sale_id', existing_type=sa.Uuid(), nullable=True)
        batch_op.alter_column('staff_id', existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    # Kiosk checks have neither a sale nor a staff member: they cannot be kept under the older rule.
    op.execute("DELETE FROM age_verification_logs WHERE staff_id IS NULL OR sale_id IS NULL")
    with op.batch_alter_table('age_verification_logs', schema=None) as batch_op:
        batch_op.alter_column('staff_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.alter_column('sale_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.drop_column('terminal_no')
