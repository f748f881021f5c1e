"""kiosk ticket codes: the discount codes a customer entered at the kiosk travel with the ticket to the registers

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-13 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0021'
down_revision: Union[str, Sequence[str], None] = '0020'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('kiosk_tickets', sa.Column('codes', sa.JSON(), server_default='[]', nullable=False))


def downgrade() -> None:
    op.drop_column('kiosk_tickets', 'codes')
