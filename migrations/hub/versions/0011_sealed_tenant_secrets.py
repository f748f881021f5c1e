"""sealed tenant secrets: PIN peppers and kiosk ticket keys sealed with the hub's secret key (Fernet), not in clear

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-12 09:30:00

The key is POS_HUB_SECRET_KEY or the key file beside the hub (sync.hub.secret_box); a hub with neither makes the
file. Values already sealed are left as they are, so running this twice changes nothing.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

from sync.hub.secret_box import current_keys, raw_table, reseal, unseal


revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SECRETS = (('tenants', 'pin_pepper'), ('stores', 'kiosk_ticket_key'))


def upgrade() -> None:
    for table, column in SECRETS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=sa.String(length=64), type_=sa.String(length=255),
                                  existing_nullable=True)
    keys = current_keys()
    for table, column in SECRETS:
        reseal(op.get_bind(), raw_table(table, column), column, old=None, new=keys)


def downgrade() -> None:
    conn = op.get_bind()
    for table, column in SECRETS:
        raw = raw_table(table, column)
        for key, value in conn.execute(sa.select(raw.c.id, raw.c[column]).where(raw.c[column].is_not(None))).all():
            conn.execute(sa.update(raw).where(raw.c.id == key).values({column: unseal(value)}))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=sa.String(length=255), type_=sa.String(length=64),
                                  existing_nullable=True)
