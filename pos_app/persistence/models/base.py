"""Declarative base with the naming convention Alembic needs to name and alter constraints."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sync.column_types import NAMING_CONVENTION, TYPE_ANNOTATION_MAP, utcnow


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = TYPE_ANNOTATION_MAP


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ReplicatedMixin(TimestampMixin):
    """Rows owned by the hub: ``version`` is the store's change-feed version that last wrote the row."""

    version: Mapped[int] = mapped_column(default=0)
