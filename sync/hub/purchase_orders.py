"""A store's purchase orders for the console and the admin API: the list with each order's receiving state, one
order with what its terminals received and the discrepancies they reported, and new orders typed line by line
or uploaded as a shipping notice (ASN) CSV. New orders reach the store's terminals through the feed
(`create_purchase_order`), where the back office receives them by scanning."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sync.hub.importers.asn import import_asn_rows
from sync.hub.importers.csv_rows import CsvRejected, read_rows
from sync.hub.models import ProvincialSupplier, PurchaseOrder, PurchaseOrderItem, PurchaseOrderReceipt, Terminal
from sync.hub.suppliers import scoped_supplier
from sync.hub.tenancy import Invalid, NotFound, Scope, audit, scoped_store

# What a person asks about an order: is it still to receive, partly in, all in, or called off.
RECEIVING_STATES = {"pending": "open", "ordered": "open", "shipped": "open", "partly_received": "partly_received",
                    "received": "received", "cancelled": "cancelled"}
STATUSES_OF = {state: tuple(s for s, st in RECEIVING_STATES.items() if st == state)
               for state in set(RECEIVING_STATES.values())}
MAX_UPLOAD = 2_000_000


class RowsRejected(Invalid):
    """Bad rows of a typed order or an uploaded file, each with its line; nothing was written."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class OrderRow:
    id: uuid.UUID
    po_number: str
    supplier: str | None
    order_date: datetime
    expected_date: date | None
    lines: int
    ordered: int
    received: int
    total: Decimal
    state: str


@dataclass(frozen=True)
class OrderPage:
    rows: list[OrderRow]
    total: int


@dataclass(frozen=True)
class ReceiptRow:
    received_at: datetime
    terminal: str | None
    units: int
    discrepancies: list[dict[str, Any]]


@dataclass(frozen=True)
class OrderDetail:
    order: PurchaseOrder
    supplier: str | None
    state: str
    items: list[PurchaseOrderItem]
    receipts: list[ReceiptRow]


@dataclass(frozen=True)
class LineText:
    """One typed line of a new order, as the person typed it."""

    item: str
    quantity: str
    unit_cost: str
    lot: str = ""

    def blank(self) -> bool:
        return not any(value.strip() for value in (self.item, self.quantity, self.unit_cost, self.lot))


def list_orders(session: Session, scope: Scope, store_id: uuid.UUID, *, search: str = "", state: str = "",
                limit: int = 25, offset: int = 0) -> OrderPage:
    store = scoped_store(session, scope, store_id)
    units = (select(PurchaseOrderItem.purchase_order_id.label("po_id"), func.count().label("lines"),
                    func.sum(PurchaseOrderItem.quantity_ordered).label("ordered"),
                    func.sum(PurchaseOrderItem.quantity_received).label("received"))
             .group_by(PurchaseOrderItem.purchase_order_id).subquery())
    query = (select(PurchaseOrder, ProvincialSupplier.name, units.c.lines, units.c.ordered, units.c.received)
             .outerjoin(ProvincialSupplier, ProvincialSupplier.id == PurchaseOrder.supplier_id)
             .outerjoin(units, units.c.po_id == PurchaseOrder.id)
             .where(PurchaseOrder.store_id == store.id))
    words = (search or "").strip()
    if words:
        like = f"%{words}%"
        query = query.where(or_(PurchaseOrder.po_number.ilike(like), ProvincialSupplier.name.ilike(like),
                                PurchaseOrder.vendor.ilike(like), PurchaseOrder.shipment_id.ilike(like)))
    if state in STATUSES_OF:
        query = query.where(PurchaseOrder.status.in_(STATUSES_OF[state]))
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = session.execute(query.order_by(PurchaseOrder.order_date.desc(), PurchaseOrder.po_number)
                           .limit(limit).offset(offset)).all()
    return OrderPage([OrderRow(order.id, order.po_number, supplier or order.vendor, order.order_date,
                               order.expected_date, lines or 0, ordered or 0, received or 0, order.total_amount,
                               RECEIVING_STATES.get(order.status, "open"))
                      for order, supplier, lines, ordered, received in rows], total)


def order_detail(session: Session, scope: Scope, store_id: uuid.UUID, po_id: uuid.UUID) -> OrderDetail:
    store = scoped_store(session, scope, store_id)
    order = session.get(PurchaseOrder, po_id)
    if order is None or order.store_id != store.id:
        raise NotFound("This store has no such purchase order.")
    supplier = session.get(ProvincialSupplier, order.supplier_id) if order.supplier_id else None
    receipts = session.execute(
        select(PurchaseOrderReceipt, Terminal.name).outerjoin(Terminal, Terminal.id == PurchaseOrderReceipt.terminal_id)
        .where(PurchaseOrderReceipt.purchase_order_id == order.id).order_by(PurchaseOrderReceipt.received_at)).all()
    return OrderDetail(order, supplier.name if supplier else order.vendor, RECEIVING_STATES.get(order.status, "open"),
                       list(order.items),
                       [ReceiptRow(receipt.received_at, terminal, receipt.units, list(receipt.discrepancies or []))
                        for receipt, terminal in receipts])


def create_order(session: Session, scope: Scope, store_id: uuid.UUID, *, po_number: str,
                 supplier_id: uuid.UUID | None, lines: list[LineText], expected_date: str | date | None = None,
                 notes: str | None = None) -> PurchaseOrder:
    """An order typed in the console: the same checks as a shipping notice's rows, each line by its number."""
    store = scoped_store(session, scope, store_id)
    number = (po_number or "").strip()
    if not number:
        raise Invalid("Give the purchase order a number (for example PO-2027-014).")
    if supplier_id is None:
        raise Invalid("Choose the supplier the order goes to.")
    supplier = scoped_supplier(session, scope, supplier_id, changing=False)
    if not supplier.is_active:
        raise Invalid("%(name)s is not active; choose another supplier or activate it first.", name=supplier.name)
    expected = _date(expected_date)
    rows = [(n, {"po_number": number, "sku": line.item.strip(), "quantity": line.quantity.strip(),
                 "unit_cost": line.unit_cost.strip(), "batch_lot": line.lot.strip(),
                 "expected_date": expected.isoformat() if expected else ""})
            for n, line in enumerate(lines, start=1) if not line.blank()]
    if not rows:
        raise Invalid("Add at least one line: the SKU or GTIN, the quantity and the unit cost.")
    try:
        import_asn_rows(session, store, rows, status="pending", supplier_id=supplier.id,
                        notes=(notes or "").strip()[:300] or None)
    except CsvRejected as rejected:
        raise RowsRejected(rejected.errors) from None
    order = session.scalar(select(PurchaseOrder).where(PurchaseOrder.po_number == number))
    audit(session, scope, "purchase_order.created", store_id=store.id, entity=order,
          details={"po_number": number, "lines": len(rows)})
    return order


def upload_asn(session: Session, scope: Scope, store_id: uuid.UUID, data: bytes, filename: str) -> list[str]:
    """A shipping notice CSV (format in docs/console.md): every row or none. Returns the new PO numbers."""
    store = scoped_store(session, scope, store_id)
    name = (filename or "the file").rsplit("/", 1)[-1][:80]
    if not data:
        raise Invalid("Choose the shipping notice CSV file to upload.")
    if len(data) > MAX_UPLOAD:
        raise Invalid("%(name)s is larger than 2 MB; split it into several files.", name=name)
    try:
        report = import_asn_rows(session, store, read_rows(data, name))
    except CsvRejected as rejected:
        raise RowsRejected(rejected.errors) from None
    audit(session, scope, "purchase_order.imported", store_id=store.id,
          details={"file": name, "purchase_orders": report.notes})
    return report.notes


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Invalid("The expected date is not a date; use the form 2027-04-01.") from None
