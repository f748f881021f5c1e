"""Purchase orders (with ASN shipment fields) and the provincial suppliers they come from."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sync.column_types import Cents, utcnow
from sync.hub.models.base import HUB_ONLY, Base, IdMixin, ReplicatedMixin


class ProvincialSupplier(IdMixin, ReplicatedMixin, Base):
    """A supplier purchase orders come from. The provincial distributors (OCS, AGLC, ...) are shared by every
    tenant (no tenant); a tenant's own suppliers carry its id, so only that tenant sees and changes them."""

    __tablename__ = "provincial_suppliers"

    tenant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tenants.id"), index=True, info=HUB_ONLY)
    name: Mapped[str] = mapped_column(String(120))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    contact_name: Mapped[str | None] = mapped_column(String(120))
    contact_email: Mapped[str | None] = mapped_column(String(120))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    province: Mapped[str] = mapped_column(String(2))
    license_number: Mapped[str | None] = mapped_column(String(40))
    is_active: Mapped[bool] = mapped_column(default=True)
    payment_terms: Mapped[str | None] = mapped_column(String(60))
    notes: Mapped[str | None] = mapped_column(String(300))


class PurchaseOrder(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "purchase_orders"

    po_number: Mapped[str] = mapped_column(String(40), unique=True)
    supplier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("provincial_suppliers.id"))
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"))
    order_date: Mapped[datetime]
    expected_date: Mapped[date | None]
    received_date: Mapped[datetime | None]
    # pending, shipped, partly_received, received, cancelled
    status: Mapped[str] = mapped_column(String(16), default="pending")
    total_amount: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    notes: Mapped[str | None] = mapped_column(String(300))
    created_by: Mapped[uuid.UUID | None]
    shipment_id: Mapped[str | None] = mapped_column(String(40))
    container_id: Mapped[str | None] = mapped_column(String(40))
    vendor: Mapped[str | None] = mapped_column(String(120))
    ocs_order_number: Mapped[str | None] = mapped_column(String(40))

    items: Mapped[list[PurchaseOrderItem]] = relationship(order_by="PurchaseOrderItem.sku")


class PurchaseOrderItem(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "purchase_order_items"

    purchase_order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    sku: Mapped[str] = mapped_column(String(40))
    product_name: Mapped[str] = mapped_column(String(200))
    quantity_ordered: Mapped[int]
    quantity_received: Mapped[int] = mapped_column(default=0)
    unit_cost: Mapped[Decimal] = mapped_column(Cents())
    total_cost: Mapped[Decimal] = mapped_column(Cents())
    batch_lot: Mapped[str | None] = mapped_column(String(40))
    gtin: Mapped[str | None] = mapped_column(String(14))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    received_date: Mapped[datetime | None]
    notes: Mapped[str | None] = mapped_column(String(300))


class PurchaseOrderReceipt(IdMixin, Base):
    """One delivery received against a purchase order (the id is the terminal's receiving id, so a replay is
    known), with the discrepancies the manager settled: short, over, damaged, wrong item, not ordered (received
    or refused), each as {sku, quantity, expected, reason, outcome}."""

    __tablename__ = "purchase_order_receipts"

    purchase_order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))
    staff_id: Mapped[uuid.UUID | None]
    received_at: Mapped[datetime]
    units: Mapped[int] = mapped_column(default=0)
    discrepancies: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
