"""A parked sale as the register lists it: its label, how many items, the total and when it was parked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from pos_app.domain.money import Money


@dataclass(frozen=True)
class ParkedSaleInfo:
    id: uuid.UUID
    label: str
    item_count: int
    total: Money
    parked_at: datetime


def parked_info(row) -> ParkedSaleInfo:
    return ParkedSaleInfo(id=row.id, label=row.label, item_count=row.item_count,
                          total=Money.from_cents(row.total_cents), parked_at=row.created_at)
