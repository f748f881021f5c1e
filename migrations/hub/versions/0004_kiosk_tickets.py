"""kiosk tickets, their reservations and claim conflicts; each store's ticket key

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 00:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
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
    sa.Column('version', sa.BigInteger(), nullable=False),
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
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_ocs_inventory_reservations_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ocs_inventory_reservations'))
    )
    with op.batch_alter_table('ocs_inventory_reservations', schema=None) as batch_op:
        batch_op.create_index('ix_ocs_inventory_reservations_active', ['store_id', 'sku', 'status', 'reserved_until'], unique=False)
        batch_op.create_index(batch_op.f('ix_ocs_inventory_reservations_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('kiosk_claim_conflicts',
    sa.Column('store_id', sa.Uuid(), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('terminal_id', sa.Uuid(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('first_terminal_id', sa.Uuid(), nullable=True),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_kiosk_claim_conflicts_store_id_stores')),
    sa.ForeignKeyConstraint(['ticket_id'], ['kiosk_tickets.id'], name=op.f('fk_kiosk_claim_conflicts_ticket_id_kiosk_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_claim_conflicts'))
    )
    with op.batch_alter_table('kiosk_claim_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kiosk_claim_conflicts_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kiosk_claim_conflicts_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('kiosk_ticket_lines',
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['kiosk_tickets.id'], name=op.f('fk_kiosk_ticket_lines_ticket_id_kiosk_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_ticket_lines'))
    )
    with op.batch_alter_table('kiosk_ticket_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kiosk_ticket_lines_ticket_id'), ['ticket_id'], unique=False)

    with op.batch_alter_table('stores', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kiosk_ticket_key', sa.String(length=64), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('stores', schema=None) as batch_op:
        batch_op.drop_column('kiosk_ticket_key')

    with op.batch_alter_table('kiosk_ticket_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kiosk_ticket_lines_ticket_id'))

    op.drop_table('kiosk_ticket_lines')
    with op.batch_alter_table('kiosk_claim_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kiosk_claim_conflicts_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_kiosk_claim_conflicts_store_id'))

    op.drop_table('kiosk_claim_conflicts')
    with op.batch_alter_table('ocs_inventory_reservations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ocs_inventory_reservations_ticket_id'))
        batch_op.drop_index('ix_ocs_inventory_reservations_active')

    op.drop_table('ocs_inventory_reservations')
    with op.batch_alter_table('kiosk_tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_kiosk_tickets_store_status')

    op.drop_table('kiosk_tickets')
