"""kiosk browse: partial indexes for a category's filters and sorts

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 09:00:00

A kiosk shows one category (product form) at a time, narrowed by strain type and a THC range and sorted by
potency or newest. THC is stored as exact decimal text, so the indexes hold CAST(thc_max AS REAL), the very
expression pos_app.persistence.kiosk_catalog compares; only active rows are indexed, as for search (0004).
The models do not describe these indexes (expressions, partial): catalog_search.is_search_index names them.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written out here, not imported: a migration must not change when the app's code does.
INDEXES = (
    ("ix_ocs_product_catalog_kiosk_browse", "product_form, plant_type, CAST(thc_max AS REAL)"),
    ("ix_ocs_product_catalog_kiosk_potency", "product_form, CAST(thc_max AS REAL)"),
    ("ix_ocs_product_catalog_kiosk_newest", "product_form, created_at"),
)


def upgrade() -> None:
    for name, columns in INDEXES:
        op.execute(f"CREATE INDEX {name} ON ocs_product_catalog ({columns}) WHERE is_active")


def downgrade() -> None:
    for name, _columns in INDEXES:
        op.execute(f"DROP INDEX {name}")
