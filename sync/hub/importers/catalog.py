"""An OCS catalog file for a tenant: imported (products added or updated), or previewed with nothing written
(`preview_catalog`: what it would add and change, and every row's error)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hardware.codes.gs1 import gtin14_or_none
from sync.hub.feed.record import record_put
from sync.hub.importers.csv_rows import (
    CsvRejected,
    ImportReport,
    decimal_field,
    parse_all,
    read_rows,
    rejection,
    text_field,
    whole_field,
)
from sync.hub.models import OcsProduct, Tenant
from sync.sentence import Sentence

_OPTIONAL_TEXT = ("subcategory", "plant_type", "terpene_profile", "each_gtin", "case_gtin", "description",
                  "image_url")
_OPTIONAL_DECIMAL = ("thc_min", "thc_max", "cbd_min", "cbd_max", "total_mg", "volume_ml", "msrp_price")


def _product(row: dict[str, str]) -> dict[str, Any]:
    sku = row.get("ocs_variant_number") or row.get("sku") or ""
    if not sku:
        raise ValueError(Sentence("ocs_variant_number is missing"))
    values: dict[str, Any] = {
        "ocs_variant_number": sku, "product_name": text_field(row, "product_name"),
        "brand_name": text_field(row, "brand_name"),
        "category": text_field(row, "category"), "product_form": text_field(row, "product_form"),
        "net_content": decimal_field(row, "net_content"), "unit_of_measure": text_field(row, "unit_of_measure"),
        "price_per_unit": decimal_field(row, "price_per_unit"),
    }
    values["ocs_product_name"] = row.get("ocs_product_name") or f"{values['brand_name']} - {values['product_name']}"
    for name in _OPTIONAL_TEXT:
        values[name] = row.get(name) or None
    for name in _OPTIONAL_DECIMAL:
        values[name] = decimal_field(row, name, required=False)
    if row.get("case_quantity"):
        values["case_quantity"] = whole_field(row, "case_quantity")
    for gtin in ("each_gtin", "case_gtin"):
        if values[gtin]:
            values[gtin] = _gtin14(gtin, values[gtin])
    return values


def _gtin14(name: str, text: str) -> str:
    """A GTIN-8, -12, -13 or -14 with its check digit right, kept as the GTIN-14 the registers compare."""
    gtin = gtin14_or_none(text)
    if gtin is None:
        raise ValueError(Sentence("%(name)s %(text)s is not a GTIN: it needs 8, 12, 13 or 14 digits with a correct "
                                  "check digit", name=name, text=repr(text)))
    return gtin


def check_catalog(rows) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, str]]]:
    """The catalog rows parsed, and every row's error (a SKU given twice is one too)."""
    parsed, errors = parse_all(rows, _product)
    seen: dict[str, int] = {}
    for line, values in parsed:
        sku = values["ocs_variant_number"]
        if sku in seen:
            errors.append((line, Sentence("%(sku)s is already on line %(line)s", sku=sku, line=seen[sku])))
        seen.setdefault(sku, line)
    if not rows:
        errors.append((1, Sentence("the file has a header but no rows")))
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
        raise rejection(errors)
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
