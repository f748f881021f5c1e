"""An OCS advance shipping notice (ASN) for a store: one purchase order per PO number, or per shipment and OCS
order number, each line matched to the tenant's catalog by SKU or GTIN."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hub.importers.csv_rows import (
    CsvRejected,
    ImportReport,
    decimal_field,
    parse_all,
    read_rows,
    rejection,
    whole_field,
)
from sync.hub.models import Accessory, OcsProduct, ProvincialSupplier, PurchaseOrder, Store
from sync.hub.purchasing import LineIn, create_purchase_order
from sync.hub.suppliers import supplier_by_code
from sync.hub.tenancy import Scope
from sync.sentence import Sentence

MAX_QUANTITY = 1_000_000
MAX_UNIT_COST = Decimal(100_000)
OCS_NAME = "Ontario Cannabis Store"  # an OCS notice's vendor on a hub without the shared OCS supplier


@dataclass(frozen=True)
class AsnLine:
    """One row of a shipping notice: which order (its PO number, or the OCS shipment and order numbers), which
    item (SKU, or a GTIN the catalog knows), how many at what unit cost, and the lot."""

    shipment_id: str | None
    container_id: str | None
    ocs_order_number: str | None
    po_number: str | None
    supplier: str | None
    sku: str
    gtin: str | None
    batch_lot: str | None
    quantity: int
    unit_cost: Decimal
    product_name: str | None
    expected_date: date | None

    @property
    def order_key(self) -> str:
        return self.po_number or f"ASN-{self.shipment_id}-{self.ocs_order_number}"


def _asn_line(row: dict[str, str]) -> AsnLine:
    expected = row.get("expected_date") or None
    try:
        expected_date = date.fromisoformat(expected) if expected else None
    except ValueError:
        raise ValueError(Sentence("expected_date %(value)s is not a date like 2026-11-21",
                                  value=repr(expected))) from None
    gtin = row.get("gtin") or None
    if gtin and (not gtin.isdigit() or len(gtin) > 14):
        raise ValueError(Sentence("gtin %(value)s is not a GTIN", value=repr(gtin)))
    sku = row.get("sku") or gtin
    if not sku:
        raise ValueError(Sentence("give the item's sku or gtin"))
    po_number = row.get("po_number") or None
    if not po_number and not (row.get("shipment_id") and row.get("ocs_order_number")):
        raise ValueError(Sentence("po_number is missing (or give shipment_id and ocs_order_number)"))
    lot = row.get("batch_lot") or row.get("lot") or None
    lengths = {"po_number": 40, "sku": 40, "batch_lot": 40, "lot": 40, "shipment_id": 40, "container_id": 40,
               "ocs_order_number": 40, "product_name": 200}
    for name, most in lengths.items():
        value = row.get(name)
        if value and len(value) > most:
            raise ValueError(Sentence("%(name)s %(value)s... is longer than %(most)s characters", name=name,
                                      value=repr(value[:20]), most=most))
    quantity, unit_cost = whole_field(row, "quantity"), decimal_field(row, "unit_cost")
    if quantity > MAX_QUANTITY:
        raise ValueError(Sentence("quantity %(quantity)s is more than %(most)s units; check the file",
                                  quantity=quantity, most=f"{MAX_QUANTITY:,}"))
    if unit_cost >= MAX_UNIT_COST or unit_cost != unit_cost.quantize(Decimal("0.01")):
        raise ValueError(Sentence("unit_cost %(value)s is not dollars and cents under $100,000",
                                  value=repr(row.get("unit_cost"))))
    return AsnLine(
        shipment_id=row.get("shipment_id") or None, container_id=row.get("container_id") or None,
        ocs_order_number=row.get("ocs_order_number") or None, po_number=po_number,
        supplier=row.get("supplier") or None, sku=sku, gtin=gtin, batch_lot=lot, quantity=quantity,
        unit_cost=unit_cost, product_name=row.get("product_name") or None,
        expected_date=expected_date,
    )


def import_asn(session: Session, store: Store, path: Path) -> ImportReport:
    """One purchase order (status `shipped`) per PO number, or per shipment and OCS order number."""
    return import_asn_rows(session, store, read_rows(path))


def import_asn_rows(session: Session, store: Store, rows: list[tuple[int, dict[str, str]]], *,
                    status: str = "shipped", supplier_id: uuid.UUID | None = None,
                    notes: str | None = None) -> ImportReport:
    """Every row is checked (its fields, its item in the tenant's catalog, its supplier, its order not already
    on the hub) before anything is written; the errors name each bad row's line. `supplier_id` is the supplier
    of rows that name none (else the shared OCS)."""
    parsed, errors = parse_all(rows, _asn_line)
    if not rows:
        raise CsvRejected([Sentence("The file has a header but no rows.")])
    items = _catalog_items(session, store.tenant_id)
    default = supplier_id or session.scalar(select(ProvincialSupplier.id).where(ProvincialSupplier.code == "OCS"))
    groups: dict[str, list[tuple[int, AsnLine, str, uuid.UUID | None]]] = {}
    for line, asn in parsed:
        found = items.get(asn.sku) or items.get(asn.gtin or "")
        supplier = supplier_by_code(session, Scope(store.tenant_id), asn.supplier) if asn.supplier else None
        if found is None:
            errors.append((line, Sentence("%(sku)s is not a SKU or GTIN of the tenant's catalog", sku=asn.sku)))
        elif asn.supplier and supplier is None:
            errors.append((line, Sentence("supplier %(code)s is unknown; add it on the Suppliers page first",
                                          code=asn.supplier)))
        else:
            groups.setdefault(asn.order_key, []).append((line, asn, found[0], supplier.id if supplier else default))
    for po_number, lines in groups.items():
        if len({supplier for *_rest, supplier in lines}) > 1:
            errors.append((lines[0][0], Sentence("purchase order %(number)s names more than one supplier",
                                                 number=po_number)))
        if session.scalar(select(PurchaseOrder.id).where(PurchaseOrder.po_number == po_number)) is not None:
            errors.append((lines[0][0], Sentence("purchase order %(number)s already exists on the hub",
                                                 number=po_number)))
    if errors:
        raise rejection(sorted(errors, key=lambda error: error[0]))
    report = ImportReport()
    names = {sku: name for sku, name in items.values()}
    suppliers = {row.id: row.name for row in session.scalars(select(ProvincialSupplier))}
    for po_number, lines in groups.items():
        first = lines[0][1]
        supplier = lines[0][3]
        create_purchase_order(
            session, store, po_number=po_number, supplier_id=supplier, status=status,
            shipment_id=first.shipment_id, container_id=first.container_id, ocs_order_number=first.ocs_order_number,
            vendor=suppliers.get(supplier) or (OCS_NAME if first.ocs_order_number else None),
            expected_date=first.expected_date, notes=notes,
            lines=[LineIn(sku, a.product_name or names[sku], a.quantity, a.unit_cost, a.batch_lot,
                          a.gtin or (a.sku if a.sku != sku else None))
                   for _line, a, sku, _supplier in lines],
        )
        report.created += 1
        report.notes.append(po_number)
    return report


def _catalog_items(session: Session, tenant_id: uuid.UUID) -> dict[str, tuple[str, str]]:
    """Each SKU of the catalog and accessories, and each GTIN of a product -> (its SKU, its name)."""
    products = session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.product_name, OcsProduct.each_gtin,
                                      OcsProduct.case_gtin).where(OcsProduct.tenant_id == tenant_id)).all()
    gtins = {gtin: (sku, name) for sku, name, *codes in products for gtin in codes if gtin}
    accessories = {sku: (sku, name) for sku, name in session.execute(
        select(Accessory.sku, Accessory.name).where(Accessory.tenant_id == tenant_id))}
    return {**gtins, **accessories, **{sku: (sku, name) for sku, name, *_codes in products}}
