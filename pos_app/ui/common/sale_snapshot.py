"""What a screen that only looks at the open sale may know of it: a copy, so showing it can never change the sale."""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.domain.payment import PaymentStatus
from pos_app.domain.sale import Sale, SaleLine, SaleTotals


@dataclass(frozen=True)
class SaleSnapshot:
    lines: tuple[SaleLine, ...]
    totals: SaleTotals
    payment: PaymentStatus | None  # None until money is taken

    @classmethod
    def of(cls, sale: Sale | None) -> SaleSnapshot | None:
        """The sale as it stands, or None when there is no sale or it has no lines yet."""
        if sale is None or sale.is_empty:
            return None
        return cls(sale.lines, sale.totals, sale.payment_status() if sale.tenders else None)
