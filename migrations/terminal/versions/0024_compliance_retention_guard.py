"""compliance retention guard: the terminal's audit chain and age-check log can't lose a row younger than three
years (sync.retention), whatever opens the database file

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-14 09:00:00

"""
from typing import Sequence, Union

from alembic import op

from sync.retention import drop_statements, guard_statements

revision: str = '0024'
down_revision: Union[str, Sequence[str], None] = '0023'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

KEPT = ("audit_log", "age_verification_logs")


def upgrade() -> None:
    for table in KEPT:
        for statement in guard_statements("sqlite", table):
            op.execute(statement)


def downgrade() -> None:
    for table in KEPT:
        for statement in drop_statements("sqlite", table):
            op.execute(statement)
