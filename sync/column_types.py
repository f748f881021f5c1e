"""Column types shared by the terminal replica and the hub, so rows and feed data line up on both sides.

Money is integer cents in the database and ``Decimal`` dollars in Python; rates and grams are exact
decimals stored as text (SQLite has no exact decimal type); timestamps are always timezone-aware UTC.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Uuid
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


class Cents(TypeDecorator[Decimal]):
    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | str | None, dialect) -> int | None:
        if value is None:
            return None
        return int(Decimal(value).quantize(CENT) * 100)

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        return None if value is None else (Decimal(value) / 100).quantize(CENT)


class ExactDecimal(TypeDecorator[Decimal]):
    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | str | None, dialect) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: str | None, dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class UtcDateTime(TypeDecorator[datetime]):
    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def cents_to_dollars(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


# Alembic needs named constraints to alter them (batch mode on SQLite); both databases name them alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TYPE_ANNOTATION_MAP = {
    uuid.UUID: Uuid(as_uuid=True),
    datetime: UtcDateTime(),
    dict[str, Any]: JSON(),
    list[Any]: JSON(),
}
