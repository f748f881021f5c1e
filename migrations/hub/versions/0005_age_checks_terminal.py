"""age checks keep the terminal that sent them

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 09:00:00

A kiosk's age gate logs checks with no staff member (the customer confirmed, or scanned their ID); the terminal
that pushed the check says which kiosk or register made it, as an order's terminal does.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('age_verification_logs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('terminal_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_age_verification_logs_terminal_id_terminals'), 'terminals',
                                    ['terminal_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('age_verification_logs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_age_verification_logs_terminal_id_terminals'), type_='foreignkey')
        batch_op.drop_column('terminal_id')
