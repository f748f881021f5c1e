"""Purchase orders: create, receive (stock enters the ledger, lots are recorded) and cancel."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.feed.record import lock_store, record_put
from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import BatchTracking, PurchaseOrder, PurchaseOrderItem, Store


class PurchaseOrderError(Exception):
    """A plain-sentence reason the purchase order cannot change as asked."""


@dataclass(frozen=True)
class LineIn:
    sku: str
    product_name: str
    quantity_ordered: int
    unit_cost: Decimal
    batch_lot: str | None = None
    gtin: str | None = None


def create_purchase_order(session: Session, store: Store, *, po_number: str, lines: list[LineIn],
                          supplier_id: uuid.UUID | None = None, expected_date: date | None = None,
                          status: str = "pending", shipment_id: str | None = None, container_id: str | None = None,
                          vendor: str | None = None, ocs_order_number: str | None = None,
                          notes: str | None = None) -> PurchaseOrder:
    if session.scalar(select(PurchaseOrder.id).where(PurchaseOrder.po_number == po_number)) is not None:
        raise PurchaseOrderError(f"A purchase order numbered {po_number} already exists.")
    lock_store(session, store.id)
    order = PurchaseOrder(
        po_number=po_number, supplier_id=supplier_id, store_id=store.id, tenant_id=store.tenant_id,
        order_date=utcnow(), expected_date=expected_date, status=status, shipment_id=shipment_id,
        container_id=container_id, vendor=vendor, ocs_order_number=ocs_order_number, notes=notes,
        total_amount=sum((line.unit_cost * line.quantity_ordered for line in lines), Decimal(0)),
    )
    session.add(order)
    session.flush()
    for line in lines:
        session.add(PurchaseOrderItem(
            purchase_order_id=order.id, sku=line.sku, product_name=line.product_name,
            quantity_ordered=line.quantity_ordered, unit_cost=line.unit_cost,
            total_cost=line.unit_cost * line.quantity_ordered, batch_lot=line.batch_lot, gtin=line.gtin,
        ))
    session.flush()
    session.refresh(order, ["items"])
    record_put(session, order)
    return order


def receive_purchase_order(session: Session, order: PurchaseOrder, received: dict[uuid.UUID, int] | None,
                           staff_id: uuid.UUID | None = None) -> PurchaseOrder:
    """Receive each line (all ordered units unless `received` says otherwise), into the ledger and lots."""
    if order.status in ("received", "cancelled"):
        raise PurchaseOrderError(f"Purchase order {order.po_number} is {order.status}; it cannot be received.")
    items = {item.id: item for item in order.items}
    unknown = set(received or {}) - set(items)
    if unknown:
        raise PurchaseOrderError(f"Purchase order {order.po_number} has no line {sorted(map(str, unknown))[0]}.")
    lock_store(session, order.store_id)
    now = utcnow()
    deltas = []
    for item in order.items:
        quantity = item.quantity_ordered if received is None else received.get(item.id, 0)
        if quantity < 0:
            raise PurchaseOrderError("A received quantity cannot be negative.")
        item.quantity_received = quantity
        item.status = "received" if quantity >= item.quantity_ordered else "short" if quantity else "missing"
        item.received_date = now
        if quantity:
            deltas.append(Delta(item.sku, item.batch_lot, quantity, item.id, "receipt"))
            _ensure_lot(session, order, item, quantity)
    order.status = "received"
    order.received_date = now
    apply_deltas(session, order.store_id, deltas, transaction_type="receipt", reference_type="purchase_order",
                 reference_id=order.id, staff_id=staff_id, when=now)
    record_put(session, order)
    return order


def _ensure_lot(session: Session, order: PurchaseOrder, item: PurchaseOrderItem, quantity: int) -> None:
    if not item.batch_lot:
        return
    lot = session.scalar(select(BatchTracking).where(
        BatchTracking.store_id == order.store_id, BatchTracking.sku == item.sku,
        BatchTracking.batch_lot == item.batch_lot))
    if lot is None:
        lot = BatchTracking(store_id=order.store_id, sku=item.sku, batch_lot=item.batch_lot, gtin=item.gtin,
                            quantity_received=0, quantity_remaining=0, unit_cost=item.unit_cost,
                            received_date=utcnow().date(), purchase_order_id=order.id,
                            supplier_id=order.supplier_id)
        session.add(lot)
    lot.quantity_received = (lot.quantity_received or 0) + quantity
    session.flush()


def cancel_purchase_order(session: Session, order: PurchaseOrder) -> PurchaseOrder:
    if order.status in ("received", "cancelled"):
        raise PurchaseOrderError(f"Purchase order {order.po_number} is {order.status}; it cannot be cancelled.")
    lock_store(session, order.store_id)
    order.status = "cancelled"
    record_put(session, order)
    return order
