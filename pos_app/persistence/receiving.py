"""Receiving in the replica: the store's purchase orders, drafts line by line, and a finished receiving's local
stock (ledger rows counted by the overlay until the hub's pull covers them, and lots with their expiry)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from pos_app.domain.lots import InventoryDelta
from pos_app.domain.receiving import LotCount, ReceivingDraft, ReceivingLine
from pos_app.persistence.models import (
    BatchTracking,
    OcsProduct,
    PurchaseOrder,
    PurchaseOrderItem,
    SyncState,
)
from pos_app.persistence.models import ReceivingDraft as DraftRow
from pos_app.persistence.models import ReceivingDraftLine as LineRow
from pos_app.persistence.order_repository import add_inventory_transactions
from sync.mutations.reasons import DiscrepancyReason


@dataclass(frozen=True)
class OrderRow:
    id: uuid.UUID
    po_number: str
    store_id: uuid.UUID
    status: str
    vendor: str | None
    shipment_id: str | None
    expected_date: date | None
    lines: int
    units: int
    draft: str | None  # "open" (a receiving in progress here) or "sent" (waiting for the hub), else None


def list_orders(session: Session, store_id: uuid.UUID) -> list[OrderRow]:
    counts = (select(PurchaseOrderItem.purchase_order_id, func.count().label("lines"),
                     func.sum(PurchaseOrderItem.quantity_ordered).label("units"))
              .group_by(PurchaseOrderItem.purchase_order_id).subquery())
    rows = session.execute(
        select(PurchaseOrder, counts.c.lines, counts.c.units)
        .outerjoin(counts, counts.c.purchase_order_id == PurchaseOrder.id)
        .where(PurchaseOrder.store_id == store_id, PurchaseOrder.status != "cancelled")
        .order_by(PurchaseOrder.expected_date, PurchaseOrder.po_number)).all()
    drafts = draft_states(session, [order.id for order, _l, _u in rows])
    return [OrderRow(order.id, order.po_number, order.store_id, order.status, order.vendor, order.shipment_id,
                     order.expected_date, int(lines or 0), int(units or 0), drafts.get(order.id))
            for order, lines, units in rows]


def draft_states(session: Session, order_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Per order: "open" when a receiving is in progress, "sent" when one waits for the hub's answer."""
    pulled = session.scalar(select(SyncState.mutation_id_base + SyncState.pulled_through_mutation_id)
                            .where(SyncState.id == 1)) or 0
    states: dict[uuid.UUID, str] = {}
    for order_id, status, mutation_id in session.execute(
            select(DraftRow.purchase_order_id, DraftRow.status, DraftRow.mutation_id)
            .where(DraftRow.purchase_order_id.in_(order_ids))):
        if status == "open":
            states[order_id] = "open"
        elif (mutation_id or 0) > pulled:
            states.setdefault(order_id, "sent")
    return states


def find_order(session: Session, order_id: uuid.UUID) -> PurchaseOrder | None:
    return session.get(PurchaseOrder, order_id)


def order_lines(session: Session, order_id: uuid.UUID) -> list[ReceivingLine]:
    """The order's lines with each and case GTINs from the catalog, the ASN lot, and what is still to come."""
    rows = session.execute(
        select(PurchaseOrderItem, OcsProduct.each_gtin, OcsProduct.case_gtin, OcsProduct.case_quantity)
        .outerjoin(OcsProduct, OcsProduct.ocs_variant_number == PurchaseOrderItem.sku)
        .where(PurchaseOrderItem.purchase_order_id == order_id)
        .order_by(PurchaseOrderItem.sku, PurchaseOrderItem.id)).all()
    return [ReceivingLine(
        line_id=uuid.uuid4(), po_item_id=item.id, sku=item.sku, name=item.product_name,
        each_gtin=each or item.gtin, case_gtin=case, case_quantity=case_quantity or 1,
        expected=max(item.quantity_ordered - (item.quantity_received or 0), 0), asn_lot=item.batch_lot,
        position=position) for position, (item, each, case, case_quantity) in enumerate(rows)]


def open_draft(session: Session, order_id: uuid.UUID) -> DraftRow | None:
    return session.scalar(select(DraftRow).where(DraftRow.purchase_order_id == order_id, DraftRow.status == "open"))


def load_lines(session: Session, draft_id: uuid.UUID) -> list[ReceivingLine]:
    rows = session.scalars(select(LineRow).where(LineRow.draft_id == draft_id).order_by(LineRow.position))
    return [ReceivingLine(
        line_id=row.id, po_item_id=row.po_item_id, sku=row.sku, name=row.product_name, each_gtin=row.each_gtin,
        case_gtin=row.case_gtin, case_quantity=row.case_quantity, expected=row.expected, asn_lot=row.asn_lot,
        quantity=row.quantity, lots=[_lot(data) for data in row.lots],
        reason=DiscrepancyReason(row.reason) if row.reason else None, decision=row.decision,
        over_confirmed=row.over_confirmed, position=row.position) for row in rows]


def create_draft(session: Session, draft: ReceivingDraft, *, store_id: uuid.UUID, staff_id: uuid.UUID | None,
                 now: datetime) -> None:
    session.execute(insert(DraftRow.__table__).values(
        id=draft.receiving_id, purchase_order_id=draft.purchase_order_id, store_id=store_id, staff_id=staff_id,
        status="open", started_at=now, updated_at=now))
    add_lines(session, draft.receiving_id, draft.lines)


def add_lines(session: Session, draft_id: uuid.UUID, lines: list[ReceivingLine]) -> None:
    if lines:
        session.execute(insert(LineRow.__table__), [
            dict(id=line.line_id, draft_id=draft_id, position=line.position, po_item_id=line.po_item_id,
                 sku=line.sku, product_name=line.name, each_gtin=line.each_gtin, case_gtin=line.case_gtin,
                 case_quantity=line.case_quantity, expected=line.expected, asn_lot=line.asn_lot, **_state(line))
            for line in lines])


def save_line(session: Session, draft_id: uuid.UUID, line: ReceivingLine, now: datetime) -> None:
    """One scan's write: the line it changed."""
    session.execute(update(LineRow.__table__).where(LineRow.__table__.c.id == line.line_id).values(**_state(line)))
    session.execute(update(DraftRow.__table__).where(DraftRow.__table__.c.id == draft_id).values(updated_at=now))


def record_receipt(session: Session, draft: ReceivingDraft, *, store_id: uuid.UUID, staff_id: uuid.UUID | None,
                   mutation_id: int, lot_ids: dict[tuple[str, str], uuid.UUID], now: datetime) -> None:
    """The finished receiving here: ledger rows for the overlay, lots with their expiry, the draft sent."""
    deltas: list[InventoryDelta] = []
    lots: dict[tuple[str, str], tuple[LotCount, ReceivingLine]] = {}
    for line in draft.lines:
        if line.decision == "rejected" or line.quantity == 0:
            continue
        split = line.lot_split()
        for lot in split:
            deltas.append(InventoryDelta(line.sku, lot.batch_lot, lot.quantity, line.line_id, "receipt"))
            lots[(line.sku, lot.batch_lot)] = (lot, line)
        loose = line.quantity - sum(lot.quantity for lot in split)
        if loose:
            deltas.append(InventoryDelta(line.sku, None, loose, line.line_id, "receipt"))
    add_inventory_transactions(session, deltas, store_id=store_id, reference_type="purchase_order",
                               reference_id=draft.purchase_order_id, staff_id=staff_id, mutation_id=mutation_id,
                               now=now)
    _write_lots(session, store_id, draft.purchase_order_id, lots, lot_ids, now)
    session.execute(update(DraftRow.__table__).where(DraftRow.__table__.c.id == draft.receiving_id).values(
        status="sent", mutation_id=mutation_id, finished_at=now, updated_at=now, staff_id=staff_id))


def existing_lot_ids(session: Session, store_id: uuid.UUID, skus: list[str]) -> dict[tuple[str, str], uuid.UUID]:
    if not skus:
        return {}
    rows = session.execute(select(BatchTracking.sku, BatchTracking.batch_lot, BatchTracking.id).where(
        BatchTracking.store_id == store_id, BatchTracking.sku.in_(skus)))
    return {(sku, lot): lot_id for sku, lot, lot_id in rows}


def _write_lots(session: Session, store_id: uuid.UUID, order_id: uuid.UUID,
                lots: dict[tuple[str, str], tuple[LotCount, ReceivingLine]],
                lot_ids: dict[tuple[str, str], uuid.UUID], now: datetime) -> None:
    """New lots start at 0 remaining: the ledger rows above are what the overlay adds until the hub's copy comes."""
    known = existing_lot_ids(session, store_id, sorted({sku for sku, _lot in lots}))
    table = BatchTracking.__table__
    new = []
    for key, (lot, line) in lots.items():
        if key in known:
            if lot.expiry or lot.packaging_date:
                values = {"expiry_date": lot.expiry} if lot.expiry else {}
                if lot.packaging_date:
                    values["packaging_date"] = lot.packaging_date
                session.execute(update(table).where(table.c.id == known[key]).values(**values))
            continue
        new.append(dict(id=lot_ids[key], store_id=store_id, sku=line.sku, batch_lot=lot.batch_lot,
                        gtin=line.each_gtin, quantity_received=0, quantity_remaining=0, unit_cost=0,
                        received_date=now.date(), packaging_date=lot.packaging_date, expiry_date=lot.expiry,
                        is_recalled=False, purchase_order_id=order_id,
                        metadata={} if lot.on_asn else {"not_on_asn": True}, version=0, created_at=now,
                        updated_at=now))
    if new:
        session.execute(insert(table), new)


def _state(line: ReceivingLine) -> dict:
    return dict(quantity=line.quantity, lots=[_lot_data(lot) for lot in line.lots],
                reason=line.reason.value if line.reason else None, decision=line.decision,
                over_confirmed=line.over_confirmed)


def _lot_data(lot: LotCount) -> dict:
    return {"lot": lot.batch_lot, "quantity": lot.quantity, "expiry": lot.expiry.isoformat() if lot.expiry else None,
            "packed": lot.packaging_date.isoformat() if lot.packaging_date else None, "on_asn": lot.on_asn}


def _lot(data: dict) -> LotCount:
    return LotCount(data["lot"], data["quantity"], date.fromisoformat(data["expiry"]) if data["expiry"] else None,
                    date.fromisoformat(data["packed"]) if data["packed"] else None, data["on_asn"])
