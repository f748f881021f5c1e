"""CSV imports: an OCS catalog for a tenant, and an OCS advance shipping notice (ASN) for a store.

Both are all-or-nothing: every row is checked first, and one bad row means nothing is written. The errors
name the file's line numbers, so the file can be fixed and imported again as a whole. A catalog file can also
be previewed (`preview_catalog`): what it would add and change, and every row's error, with nothing written.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.codes.gs1 import gtin14_or_none
from sync.hub.feed.record import record_put
from sync.hub.models import Accessory, OcsProduct, ProvincialSupplier, PurchaseOrder, Store, Tenant
from sync.hub.purchasing import LineIn, create_purchase_order
from sync.hub.suppliers import supplier_by_code
from sync.hub.tenancy import Scope

MAX_ERRORS_SHOWN = 20
MAX_QUANTITY = 1_000_000
MAX_UNIT_COST = Decimal(100_000)
OCS_NAME = "Ontario Cannabis Store"  # an OCS notice's vendor on a hub without the shared OCS supplier


class CsvRejected(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    notes: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_rows(source: Path | bytes, name: str | None = None) -> list[tuple[int, dict[str, str]]]:
    """(line number, row with normalized headers) for every non-empty row of a file, or of its bytes as
    uploaded (``name`` is the file's name for the sentences)."""
    name = name or (source.name if isinstance(source, Path) else "The file")
    try:
        text = source.read_bytes() if isinstance(source, Path) else source
        reader = csv.DictReader(io.StringIO(text.decode("utf-8-sig"), newline=""))
        if reader.fieldnames is None:
            raise CsvRejected([f"{name} is empty; it needs a header line and rows."])
        rows = []
        for row in reader:
            cleaned = {_key(k): (v or "").strip() for k, v in row.items() if k is not None}
            if any(cleaned.values()):
                rows.append((reader.line_num, cleaned))
        return rows
    except (UnicodeDecodeError, csv.Error) as error:
        raise CsvRejected([f"{name} is not a readable UTF-8 CSV file ({error})."]) from None


def _need(row: dict[str, str], name: str) -> str:
    value = row.get(name, "")
    if not value:
        raise ValueError(f"{name} is missing")
    return value


def _decimal(row: dict[str, str], name: str, *, required: bool = True) -> Decimal | None:
    raw = row.get(name, "").replace("$", "")
    if not raw:
        if required:
            raise ValueError(f"{name} is missing")
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"{name} {raw!r} is not a number") from None
    if value < 0 or not value.is_finite():
        raise ValueError(f"{name} {raw!r} cannot be negative")
    return value


def _whole(row: dict[str, str], name: str) -> int:
    raw = _need(row, name)
    if not raw.isdigit() or int(raw) <= 0:
        raise ValueError(f"{name} {raw!r} is not a whole number above zero")
    return int(raw)


def _parse_all(rows, parse: Callable[[dict[str, str]], Any]) -> tuple[list[tuple[int, Any]], list[tuple[int, str]]]:
    """Every row parsed, and every row's error as (line, sentence): none stops the others being checked."""
    parsed, errors = [], []
    for line, row in rows:
        try:
            parsed.append((line, parse(row)))
        except ValueError as error:
            errors.append((line, str(error)))
    return parsed, errors


def _rejected(errors: list[tuple[int, str]]) -> CsvRejected:
    shown = [f"line {line}: {error}" for line, error in errors[:MAX_ERRORS_SHOWN]]
    if len(errors) > MAX_ERRORS_SHOWN:
        shown.append(f"... and {len(errors) - MAX_ERRORS_SHOWN} more")
    return CsvRejected(shown)


def _check_all(rows, parse: Callable[[dict[str, str]], Any]) -> list[tuple[int, Any]]:
    parsed, errors = _parse_all(rows, parse)
    if errors:
        raise _rejected(errors)
    if not parsed:
        raise CsvRejected(["The file has a header but no rows."])
    return parsed


_OPTIONAL_TEXT = ("subcategory", "plant_type", "terpene_profile", "each_gtin", "case_gtin", "description",
                  "image_url")
_OPTIONAL_DECIMAL = ("thc_min", "thc_max", "cbd_min", "cbd_max", "total_mg", "volume_ml", "msrp_price")


def _product(row: dict[str, str]) -> dict[str, Any]:
    sku = row.get("ocs_variant_number") or row.get("sku") or ""
    if not sku:
        raise ValueError("ocs_variant_number is missing")
    values: dict[str, Any] = {
        "ocs_variant_number": sku, "product_name": _need(row, "product_name"), "brand_name": _need(row, "brand_name"),
        "category": _need(row, "category"), "product_form": _need(row, "product_form"),
        "net_content": _decimal(row, "net_content"), "unit_of_measure": _need(row, "unit_of_measure"),
        "price_per_unit": _decimal(row, "price_per_unit"),
    }
    values["ocs_product_name"] = row.get("ocs_product_name") or f"{values['brand_name']} - {values['product_name']}"
    for name in _OPTIONAL_TEXT:
        values[name] = row.get(name) or None
    for name in _OPTIONAL_DECIMAL:
        values[name] = _decimal(row, name, required=False)
    if row.get("case_quantity"):
        values["case_quantity"] = _whole(row, "case_quantity")
    for gtin in ("each_gtin", "case_gtin"):
        if values[gtin]:
            values[gtin] = _gtin14(gtin, values[gtin])
    return values


def _gtin14(name: str, text: str) -> str:
    """A GTIN-8, -12, -13 or -14 with its check digit right, kept as the GTIN-14 the registers compare."""
    gtin = gtin14_or_none(text)
    if gtin is None:
        raise ValueError(f"{name} {text!r} is not a GTIN: it needs 8, 12, 13 or 14 digits with a correct check digit")
    return gtin


def check_catalog(rows) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, str]]]:
    """The catalog rows parsed, and every row's error (a SKU given twice is one too)."""
    parsed, errors = _parse_all(rows, _product)
    seen: dict[str, int] = {}
    for line, values in parsed:
        sku = values["ocs_variant_number"]
        if sku in seen:
            errors.append((line, f"{sku} is already on line {seen[sku]}"))
        seen.setdefault(sku, line)
    if not rows:
        errors.append((1, "the file has a header but no rows"))
    return parsed, sorted(errors)


def _existing(session: Session, tenant_id: uuid.UUID, skus: list[str]) -> dict[str, OcsProduct]:
    found: dict[str, OcsProduct] = {}
    for start in range(0, len(skus), 1000):  # a bounded IN list, however long the file
        found.update((p.ocs_variant_number, p) for p in session.scalars(select(OcsProduct).where(
            OcsProduct.tenant_id == tenant_id, OcsProduct.ocs_variant_number.in_(skus[start:start + 1000]))))
    return found


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class CatalogRow:
    """A row that adds a product (no changes listed) or changes one (the fields that differ)."""

    line: int
    sku: str
    name: str
    price: Decimal
    changes: tuple[FieldChange, ...] = ()


@dataclass
class CatalogPreview:
    rows: int = 0
    new: list[CatalogRow] = field(default_factory=list)
    changed: list[CatalogRow] = field(default_factory=list)
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def preview_catalog(session: Session, tenant_id: uuid.UUID, source: Path | bytes,
                    name: str | None = None) -> CatalogPreview:
    """What importing the file would do, with every row's error; nothing is written."""
    try:
        rows = read_rows(source, name)
    except CsvRejected as rejected:
        return CatalogPreview(errors=[(0, error) for error in rejected.errors])
    parsed, errors = check_catalog(rows)
    preview = CatalogPreview(rows=len(rows), errors=errors)
    existing = _existing(session, tenant_id, [values["ocs_variant_number"] for _line, values in parsed])
    for line, values in parsed:
        product = existing.get(values["ocs_variant_number"])
        row = CatalogRow(line, values["ocs_variant_number"], values["product_name"], values["price_per_unit"])
        if product is None:
            preview.new.append(row)
            continue
        changes = tuple(FieldChange(key, getattr(product, key), value) for key, value in values.items()
                        if getattr(product, key) != value)
        if changes:
            preview.changed.append(CatalogRow(row.line, row.sku, row.name, row.price, changes))
        else:
            preview.unchanged += 1
    return preview


def import_catalog(session: Session, tenant: Tenant, source: Path | bytes, name: str | None = None) -> ImportReport:
    parsed, errors = check_catalog(read_rows(source, name))
    if errors:
        raise _rejected(errors)
    report = ImportReport()
    existing = _existing(session, tenant.id, [values["ocs_variant_number"] for _line, values in parsed])
    for _line, values in parsed:
        product = existing.get(values["ocs_variant_number"])
        if product is None:
            product = OcsProduct(tenant_id=tenant.id, **values)
            session.add(product)
            report.created += 1
        else:
            if product.price_per_unit != values["price_per_unit"]:
                product.price_version = (product.price_version or 1) + 1
            for key, value in values.items():
                setattr(product, key, value)
            report.updated += 1
        record_put(session, product)
    return report


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
        raise ValueError(f"expected_date {expected!r} is not a date like 2026-11-21") from None
    gtin = row.get("gtin") or None
    if gtin and (not gtin.isdigit() or len(gtin) > 14):
        raise ValueError(f"gtin {gtin!r} is not a GTIN")
    sku = row.get("sku") or gtin
    if not sku:
        raise ValueError("give the item's sku or gtin")
    po_number = row.get("po_number") or None
    if not po_number and not (row.get("shipment_id") and row.get("ocs_order_number")):
        raise ValueError("po_number is missing (or give shipment_id and ocs_order_number)")
    lot = row.get("batch_lot") or row.get("lot") or None
    lengths = {"po_number": 40, "sku": 40, "batch_lot": 40, "lot": 40, "shipment_id": 40, "container_id": 40,
               "ocs_order_number": 40, "product_name": 200}
    for name, most in lengths.items():
        value = row.get(name)
        if value and len(value) > most:
            raise ValueError(f"{name} {value[:20]!r}... is longer than {most} characters")
    quantity, unit_cost = _whole(row, "quantity"), _decimal(row, "unit_cost")
    if quantity > MAX_QUANTITY:
        raise ValueError(f"quantity {quantity} is more than {MAX_QUANTITY:,} units; check the file")
    if unit_cost >= MAX_UNIT_COST or unit_cost != unit_cost.quantize(Decimal("0.01")):
        raise ValueError(f"unit_cost {row.get('unit_cost')!r} is not dollars and cents under $100,000")
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
    parsed, errors = [], []
    for line, row in rows:
        try:
            parsed.append((line, _asn_line(row)))
        except ValueError as error:
            errors.append((line, str(error)))
    if not rows:
        raise CsvRejected(["The file has a header but no rows."])
    items = _catalog_items(session, store.tenant_id)
    default = supplier_id or session.scalar(select(ProvincialSupplier.id).where(ProvincialSupplier.code == "OCS"))
    groups: dict[str, list[tuple[int, AsnLine, str, uuid.UUID | None]]] = {}
    for line, asn in parsed:
        found = items.get(asn.sku) or items.get(asn.gtin or "")
        supplier = supplier_by_code(session, Scope(store.tenant_id), asn.supplier) if asn.supplier else None
        if found is None:
            errors.append((line, f"{asn.sku} is not a SKU or GTIN of the tenant's catalog"))
        elif asn.supplier and supplier is None:
            errors.append((line, f"supplier {asn.supplier} is unknown; add it on the Suppliers page first"))
        else:
            groups.setdefault(asn.order_key, []).append((line, asn, found[0], supplier.id if supplier else default))
    for po_number, lines in groups.items():
        if len({supplier for *_rest, supplier in lines}) > 1:
            errors.append((lines[0][0], f"purchase order {po_number} names more than one supplier"))
        if session.scalar(select(PurchaseOrder.id).where(PurchaseOrder.po_number == po_number)) is not None:
            errors.append((lines[0][0], f"purchase order {po_number} already exists on the hub"))
    if errors:
        raise _rejected(sorted(errors, key=lambda error: error[0]))
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
