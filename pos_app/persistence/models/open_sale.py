"""The sale in progress at each till, saved at every change so a closed window, a crash or a power cut loses
neither its cart nor the payments already taken on it. One row per till; gone once the sale is finished."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base
from pos_app.persistence.types import utcnow


class OpenSale(Base):
    __tablename__ = "open_sales"

    terminal_no: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    sale_id: Mapped[uuid.UUID] = mapped_column(index=True)  # the card payment journal's key for this sale
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    snapshot: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
