"""`po.received.v1`: a delivery received at a terminal, applied whole inside the push's transaction.

The purchase order's lines take their received quantities (an item that was not on the order and was received
becomes a line of its own, status ``not_ordered``), the order becomes ``partly_received`` or ``received``, the
lots are recorded with their expiry and packed date (a lot the shipping notice did not name is kept and flagged
in its metadata), and the units enter the ledger as ``receipt`` rows referencing the purchase order. The
discrepancies (short, over, damaged, wrong item, not ordered, received or refused) are kept on the receipt row
(`PurchaseOrderReceipt`), whose id is the terminal's receiving id: a replay of the same receiving is refused.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.feed.record import lock_store, record_put
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import BatchTracking, OcsProduct, PurchaseOrder, PurchaseOrderItem, PurchaseOrderReceipt
from sync.hub.store_time import terminal_clock_time
from sync.mutations import PoReceivedV1, ReceivedLine


def po_received(session: Session, ctx: Context, args: PoReceivedV1) -> None:
    require_own_store(ctx, args.store_id)
    order = session.get(PurchaseOrder, args.purchase_order_id)
    if order is None:
        raise Rejection("unknown_purchase_order", "The hub has no such purchase order; it may have been deleted.")
    if order.store_id != ctx.store_id:
        raise Rejection("wrong_store", f"Purchase order {order.po_number} belongs to another store; it cannot be "
                                       "received here.")
    if order.status == "cancelled":
        raise Rejection("purchase_order_cancelled", f"Purchase order {order.po_number} was cancelled; a delivery "
                                                    "cannot be received against it.")
    if session.get(PurchaseOrderReceipt, args.receiving_id) is not None:
        raise Rejection("duplicate_receiving", "This receiving was already recorded on the hub.")
    lock_store(session, order.store_id)
    items = {item.id: item for item in order.items}
    unknown = [line.po_item_id for line in args.lines if line.po_item_id is not None and line.po_item_id not in items]
    if unknown:
        raise Rejection("unknown_line", f"Purchase order {order.po_number} has no line {unknown[0]}.")
    now = utcnow()
    deltas: list[Delta] = []
    discrepancies: list[dict] = []
    lots = _known_lots(session, order, {(line.sku, lot.batch_lot) for line in args.lines for lot in line.lots})
    for line in args.lines:
        item = items.get(line.po_item_id) if line.po_item_id else None
        if item is None:
            item = _not_ordered_item(session, order, line)
            items[item.id] = item
        expected = item.quantity_ordered
        item.quantity_received = (item.quantity_received or 0) + line.quantity
        item.received_date = now
        item.status = _line_status(item)
        if line.reason is not None:
            item.notes = f"{line.reason.value}: {line.quantity} received of {expected}"[:300]
        if line.reason is not None or line.po_item_id is None:
            discrepancies.append({"sku": line.sku, "quantity": line.quantity, "expected": expected,
                                  "reason": str(line.reason or "not_ordered"), "outcome": "received"})
        deltas += _lot_deltas(session, lots, order, item, line, args.received_at)
    for refused in args.rejected:
        discrepancies.append({"sku": refused.sku, "quantity": refused.quantity, "expected": 0,
                              "reason": refused.reason.value, "outcome": "rejected"})
    session.flush()
    order.status = "received" if all(i.quantity_received >= i.quantity_ordered for i in items.values()) \
        else "partly_received"
    order.received_date = now
    session.add(PurchaseOrderReceipt(
        id=args.receiving_id, purchase_order_id=order.id, store_id=order.store_id, terminal_id=ctx.terminal_id,
        staff_id=args.staff_id, received_at=args.received_at, units=sum(line.quantity for line in args.lines),
        discrepancies=discrepancies))
    apply_deltas(session, order.store_id, deltas, transaction_type="receipt", reference_type="purchase_order",
                 reference_id=order.id, staff_id=args.staff_id, when=now,
                 occurred_at=terminal_clock_time(args.received_at))
    session.flush()
    session.refresh(order, ["items"])
    record_put(session, order)


def _line_status(item: PurchaseOrderItem) -> str:
    if item.quantity_ordered == 0:
        return "not_ordered"
    if item.quantity_received == item.quantity_ordered:
        return "received"
    return "over" if item.quantity_received > item.quantity_ordered else "short"


def _not_ordered_item(session: Session, order: PurchaseOrder, line: ReceivedLine) -> PurchaseOrderItem:
    item = PurchaseOrderItem(id=line.line_id, purchase_order_id=order.id, sku=line.sku, product_name=line.sku,
                             quantity_ordered=0, quantity_received=0, unit_cost=0, total_cost=0,
                             status="not_ordered")
    name = session.scalar(select(OcsProduct.product_name).where(OcsProduct.tenant_id == order.tenant_id,
                                                                OcsProduct.ocs_variant_number == line.sku))
    item.product_name = (name or line.sku)[:200]
    session.add(item)
    return item


def _known_lots(session: Session, order: PurchaseOrder,
                lots: set[tuple[str, str]]) -> dict[tuple[str, str], BatchTracking]:
    """The store's lots among those received, by (SKU, lot number), read in one query (a 500-line delivery took
    500 look-ups; reading every lot of the SKUs received brought hundreds of older lots too)."""
    if not lots:
        return {}
    rows = session.scalars(select(BatchTracking).where(
        BatchTracking.store_id == order.store_id, tuple_(BatchTracking.sku, BatchTracking.batch_lot).in_(lots)))
    return {(lot.sku, lot.batch_lot): lot for lot in rows}


def _lot_deltas(session: Session, lots: dict[tuple[str, str], BatchTracking], order: PurchaseOrder,
                item: PurchaseOrderItem, line: ReceivedLine, received_at: datetime) -> list[Delta]:
    deltas = []
    in_lots = 0
    for received in line.lots:
        in_lots += received.quantity
        lot = lots.get((line.sku, received.batch_lot))
        if lot is None:
            lot = BatchTracking(id=received.lot_id, store_id=order.store_id, sku=line.sku,
                                batch_lot=received.batch_lot, gtin=item.gtin, quantity_received=0,
                                quantity_remaining=0, unit_cost=item.unit_cost, received_date=received_at.date(),
                                purchase_order_id=order.id, supplier_id=order.supplier_id, metadata_={})
            session.add(lot)
            lots[(line.sku, received.batch_lot)] = lot
        lot.quantity_received = (lot.quantity_received or 0) + received.quantity
        lot.expiry_date = received.expiry_date or lot.expiry_date
        lot.packaging_date = received.packaging_date or lot.packaging_date
        if not received.on_asn:
            lot.metadata_ = {**(lot.metadata_ or {}), "not_on_asn": True, "purchase_order": order.po_number}
        deltas.append(Delta(line.sku, received.batch_lot, received.quantity, item.id, "receipt"))
    if line.quantity < in_lots:
        raise Rejection("invalid_args", f"Line {line.sku} has more units in its lots ({in_lots}) than it received "
                                        f"({line.quantity}).")
    if line.quantity > in_lots:
        deltas.append(Delta(line.sku, None, line.quantity - in_lots, item.id, "receipt"))
    return deltas


__all__ = ["po_received"]
