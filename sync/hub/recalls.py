"""Recalls: a tenant marks lots of a SKU recalled in every one of its stores, and asks who bought them.

The lots' rows carry the recall (``metadata["recall"]``: id, reason, reference) to the terminals through the
feed, so a register can say which recall stops the sale. The report reads the order lines' lot allocations: the
lot index finds the recalled lots' rows, whatever the size of the order history.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hub.feed.record import lock_store, record_put
from sync.hub.models import BatchTracking, Order, OrderItem, OrderItemLot, Recall, Store, Terminal

REPORT_COLUMNS = ("order_number", "receipt_number", "sold_at", "store", "terminal", "sku", "product_name",
                  "batch_lot", "quantity", "order_status")


class UnknownLot(LookupError):
    """A plain sentence: the lot asked for is in none of the tenant's stores."""


def recall_lots(session: Session, tenant_id: uuid.UUID, sku: str, lots: list[str], reason: str,
                reference: str | None = None) -> tuple[Recall, int]:
    """Record the recall and mark every store's rows of those lots recalled; (the recall, lot rows marked)."""
    lots = list(dict.fromkeys(lot.strip() for lot in lots if lot.strip()))
    stores = select(Store.id).where(Store.tenant_id == tenant_id).scalar_subquery()
    rows = list(session.scalars(select(BatchTracking).where(
        BatchTracking.store_id.in_(stores), BatchTracking.sku == sku, BatchTracking.batch_lot.in_(lots))
        .order_by(BatchTracking.store_id)))
    missing = [lot for lot in lots if lot not in {row.batch_lot for row in rows}]
    if missing:
        which = ", ".join(missing)
        raise UnknownLot(f"No store of this tenant has lot{'s' if len(missing) > 1 else ''} {which} of SKU {sku}. "
                         "Check the SKU and the lot numbers; nothing was recalled.")
    recall = Recall(tenant_id=tenant_id, sku=sku, lots=lots, reason=reason.strip(),
                    reference=(reference or "").strip() or None)
    session.add(recall)
    session.flush()
    note = {"id": str(recall.id), "reason": recall.reason, "reference": recall.reference}
    for store_id in sorted({row.store_id for row in rows}):
        lock_store(session, store_id)
    for row in rows:
        row.is_recalled = True
        row.metadata_ = {**(row.metadata_ or {}), "recall": note}
        record_put(session, row)
    session.flush()
    return recall, len(rows)


@dataclass(frozen=True)
class ReportLine:
    order_number: str
    sold_at: datetime | None
    store: str
    terminal: str | None
    sku: str
    product_name: str
    batch_lot: str
    quantity: int
    order_status: str

    def as_dict(self) -> dict[str, object]:
        return {"order_number": self.order_number, "receipt_number": self.order_number,
                "sold_at": self.sold_at.isoformat() if self.sold_at else None, "store": self.store,
                "terminal": self.terminal, "sku": self.sku, "product_name": self.product_name,
                "batch_lot": self.batch_lot, "quantity": self.quantity, "order_status": self.order_status}


def report_lines(session: Session, recall: Recall) -> list[ReportLine]:
    """Every order line of the tenant that took a recalled lot, oldest sale first."""
    sold_at = Order.completed_at
    query = (
        select(Order.order_number, sold_at, Store.store_code, Terminal.name, OrderItem.sku, OrderItem.product_name,
               OrderItemLot.batch_lot, OrderItemLot.quantity, Order.status)
        .select_from(OrderItemLot)
        .join(OrderItem, OrderItem.id == OrderItemLot.order_item_id)
        .join(Order, Order.id == OrderItem.order_id)
        .join(Store, Store.id == Order.store_id)
        .outerjoin(Terminal, Terminal.id == Order.terminal_id)
        .where(OrderItemLot.batch_lot.in_(recall.lots), OrderItem.sku == recall.sku,
               Store.tenant_id == recall.tenant_id)
        .order_by(sold_at, Order.order_number, OrderItem.line_no)
    )
    return [ReportLine(*row) for row in session.execute(query)]


def report_csv(lines: list[ReportLine]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for line in lines:
        writer.writerow(line.as_dict())
    return out.getvalue()
