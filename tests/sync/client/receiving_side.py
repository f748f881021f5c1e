"""An OCS shipping notice imported on the hub, and what the hub shows of it once received: for receiving tests."""

from __future__ import annotations

import csv
import itertools
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select

from sync.hub.importers.asn import import_asn
from sync.hub.models import (
    BatchTracking,
    OcsInventoryTransaction,
    OcsProduct,
    PurchaseOrder,
    PurchaseOrderReceipt,
    Store,
)

_shipments = itertools.count(1)
ASN_COLUMNS = ("shipment_id", "container_id", "ocs_order_number", "po_number", "sku", "gtin", "batch_lot",
               "quantity", "unit_cost", "product_name", "expected_date")


def import_shipment(hub, folder: Path, lines: int = 3, case_multiple: int = 2) -> tuple[str, list[dict]]:
    """A shipped PO of `lines` products with case GTINs, `case_multiple` cases each; returns (po number, lines)."""
    number = next(_shipments)
    po_number = f"ASN-T{uuid.uuid4().hex[:8]}-{number}"
    with hub.db.read() as session:
        candidates = session.execute(
            select(OcsProduct.ocs_variant_number, OcsProduct.case_gtin, OcsProduct.each_gtin, OcsProduct.case_quantity)
            .where(OcsProduct.case_gtin.is_not(None), OcsProduct.each_gtin.is_not(None),
                   OcsProduct.case_quantity > 1, OcsProduct.is_active.is_(True))
            .order_by(OcsProduct.ocs_variant_number)).all()
    start = (lines * number) % (len(candidates) - lines)
    products = candidates[start:start + lines]
    rows = [{"shipment_id": f"SHPT{number}{uuid.uuid4().hex[:6]}", "container_id": "", "ocs_order_number": "9000",
             "po_number": po_number, "sku": sku, "gtin": case_gtin, "batch_lot": f"ASN{number}-{i}",
             "quantity": str(case_quantity * case_multiple), "unit_cost": "4.25", "product_name": "",
             "expected_date": "2026-12-07", "each_gtin": each_gtin, "case_quantity": case_quantity}
            for i, (sku, case_gtin, each_gtin, case_quantity) in enumerate(products)]
    for row in rows[1:]:
        row["shipment_id"] = rows[0]["shipment_id"]
    path = folder / f"asn-{number}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ASN_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    with hub.db.write() as session:
        store = session.scalar(select(Store).where(Store.store_code == "ON001"))
        import_asn(session, store, path)
    return po_number, rows


def hub_order(hub, po_number: str) -> dict:
    """The PO as the hub has it: status, lines' received quantities and statuses, lots, ledger, receipts."""
    with hub.db.read() as session:
        order = session.scalar(select(PurchaseOrder).where(PurchaseOrder.po_number == po_number))
        skus = [item.sku for item in order.items]
        lots = session.scalars(select(BatchTracking).where(BatchTracking.purchase_order_id == order.id)).all()
        ledger = session.scalars(select(OcsInventoryTransaction).where(
            OcsInventoryTransaction.reference_id == order.id)).all()
        receipts = session.scalars(select(PurchaseOrderReceipt).where(
            PurchaseOrderReceipt.purchase_order_id == order.id)).all()
        return {
            "status": order.status,
            "lines": {item.sku: (item.quantity_received, item.status) for item in order.items},
            "lots": {(lot.sku, lot.batch_lot): (lot.quantity_remaining, lot.expiry_date, lot.packaging_date,
                                                bool((lot.metadata_ or {}).get("not_on_asn"))) for lot in lots},
            "ledger": sorted((t.sku, t.batch_lot, t.quantity, t.transaction_type, t.reference_type) for t in ledger),
            "receipts": [(r.units, r.discrepancies) for r in receipts],
            "skus": skus,
        }


def case_label(gtin: str, lot: str, expiry: date, count: int, packed: date | None = None) -> str:
    """A GS1-128 case label in its human-readable form (the one scan path reads both)."""
    packed_part = f"(13){packed:%y%m%d}" if packed else ""
    return f"(01){gtin}(17){expiry:%y%m%d}{packed_part}(37){count}(10){lot}"
