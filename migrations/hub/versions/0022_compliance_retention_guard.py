"""compliance retention guard: the audit trail, the age-check log and the stock ledger can't lose a row younger
than three years (sync.retention)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-14 09:00:00

"""
from typing import Sequence, Union

from alembic import op

from sync.retention import drop_statements, guard_statements

revision: str = '0022'
down_revision: Union[str, Sequence[str], None] = '0021'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

KEPT = ("audit_log", "age_verification_logs", "ocs_inventory_transactions")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in KEPT:
        for statement in guard_statements(dialect, table):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in KEPT:
        for statement in drop_statements(dialect, table):
            op.execute(statement)
