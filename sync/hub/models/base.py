"""The hub's declarative base, with the naming convention Alembic needs to name and alter constraints."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sync.column_types import NAMING_CONVENTION, TYPE_ANNOTATION_MAP, utcnow

# Columns the terminal replica does not have: they stay out of the change feed's `data`.
HUB_ONLY = {"hub_only": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = TYPE_ANNOTATION_MAP


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ReplicatedMixin(TimestampMixin):
    """Rows the hub owns and feeds to terminals: ``version`` is the store feed version that last wrote it."""

    version: Mapped[int] = mapped_column(BigInteger, default=0)
