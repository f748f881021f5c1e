"""kiosk tickets and their reservations; kiosk ticket numbers

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 00:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('kiosk_tickets',
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('kiosk_terminal_id', sa.Uuid(), nullable=True),
    sa.Column('ticket_created_at', sa.DateTime(), nullable=False),
    sa.Column('claimed_by_terminal_id', sa.Uuid(), nullable=True),
    sa.Column('claimed_by', sa.Uuid(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_kiosk_tickets_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_tickets'))
    )
    with op.batch_alter_table('kiosk_tickets', schema=None) as batch_op:
        batch_op.create_index('ix_kiosk_tickets_store_status', ['store_id', 'status'], unique=False)

    op.create_table('ocs_inventory_reservations',
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=True),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('cart_session_id', sa.String(length=64), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('reserved_at', sa.DateTime(), nullable=False),
    sa.Column('reserved_until', sa.DateTime(), nullable=False),
    sa.Column('released_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_ocs_inventory_reservations_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ocs_inventory_reservations'))
    )
    with op.batch_alter_table('ocs_inventory_reservations', schema=None) as batch_op:
        batch_op.create_index('ix_ocs_inventory_reservations_active', ['store_id', 'sku', 'status', 'reserved_until'], unique=False)
        batch_op.create_index(batch_op.f('ix_ocs_inventory_reservations_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('kiosk_ticket_lines',
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['kiosk_tickets.id'], name=op.f('fk_kiosk_ticket_lines_ticket_id_kiosk_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_ticket_lines'))
    )
    with op.batch_alter_table('kiosk_ticket_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kiosk_ticket_lines_ticket_id'), ['ticket_id'], unique=False)

    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_ticket_seq', sa.Integer(), server_default='1', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.drop_column('next_ticket_seq')

    with op.batch_alter_table('kiosk_ticket_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kiosk_ticket_lines_ticket_id'))

    op.drop_table('kiosk_ticket_lines')
    with op.batch_alter_table('ocs_inventory_reservations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ocs_inventory_reservations_ticket_id'))
        batch_op.drop_index('ix_ocs_inventory_reservations_active')

    op.drop_table('ocs_inventory_reservations')
    with op.batch_alter_table('kiosk_tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_kiosk_tickets_store_status')

    op.drop_table('kiosk_tickets')
