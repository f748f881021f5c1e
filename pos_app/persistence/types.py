"""Column types shared by the replica's models.

Money is stored as integer cents (DESIGN §3) but read and written as ``Decimal`` so the domain's
``Money`` never meets a float. Rates and quantities that need more than cents are stored as text,
because SQLite has no exact decimal type.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


class Cents(TypeDecorator[Decimal]):
    """A CAD amount: ``Decimal`` dollars in Python, integer cents in the database."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | None, dialect) -> int | None:
        if value is None:
            return None
        amount = Decimal(value).quantize(CENT)
        return int(amount * 100)

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / 100).quantize(CENT)


class ExactDecimal(TypeDecorator[Decimal]):
    """A decimal kept exactly (tax rates, grams, THC %), stored as text."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | str | None, dialect) -> str | None:
        if value is None:
            return None
        return str(Decimal(value))

    def process_result_value(self, value: str | None, dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps are always UTC and always timezone-aware in Python."""

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
