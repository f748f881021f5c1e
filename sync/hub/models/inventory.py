"""Stock: the ledger of deltas per store/SKU/lot, the on-hand levels derived from it, lots and shelves."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import Cents, utcnow
from sync.hub.models.base import Base, IdMixin, ReplicatedMixin


class OcsInventory(IdMixin, ReplicatedMixin, Base):
    """The level per store and SKU; ``quantity_on_hand`` is always the sum of the ledger's deltas."""

    __tablename__ = "ocs_inventory"
    __table_args__ = (UniqueConstraint("store_id", "sku"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40))
    product_name: Mapped[str | None] = mapped_column(String(200))
    quantity_on_hand: Mapped[int] = mapped_column(default=0)
    quantity_available: Mapped[int] = mapped_column(default=0)
    quantity_reserved: Mapped[int] = mapped_column(default=0)
    unit_cost: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    retail_price: Mapped[Decimal | None] = mapped_column(Cents())
    override_price: Mapped[Decimal | None] = mapped_column(Cents())
    reorder_point: Mapped[int] = mapped_column(default=0)
    reorder_quantity: Mapped[int] = mapped_column(default=0)
    min_stock_level: Mapped[int] = mapped_column(default=0)
    max_stock_level: Mapped[int] = mapped_column(default=0)
    is_available: Mapped[bool] = mapped_column(default=True)
    last_restock_date: Mapped[datetime | None]


class BatchTracking(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "batch_tracking"
    __table_args__ = (
        UniqueConstraint("store_id", "sku", "batch_lot"),
        Index("ix_batch_tracking_store_sku", "store_id", "sku"),
    )

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40))
    batch_lot: Mapped[str] = mapped_column(String(40))
    gtin: Mapped[str | None] = mapped_column(String(14))
    quantity_received: Mapped[int] = mapped_column(default=0)
    quantity_remaining: Mapped[int] = mapped_column(default=0)
    unit_cost: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    received_date: Mapped[date]
    packaging_date: Mapped[date | None]
    expiry_date: Mapped[date | None]
    is_recalled: Mapped[bool] = mapped_column(default=False)
    purchase_order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("purchase_orders.id"))
    supplier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("provincial_suppliers.id"))
    location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("shelf_locations.id"))
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)


class ShelfLocation(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "shelf_locations"
    __table_args__ = (UniqueConstraint("store_id", "location_code"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    zone: Mapped[str | None] = mapped_column(String(20))
    aisle: Mapped[str | None] = mapped_column(String(20))
    shelf: Mapped[str | None] = mapped_column(String(20))
    bin: Mapped[str | None] = mapped_column(String(20))
    location_code: Mapped[str] = mapped_column(String(60))
    location_type: Mapped[str] = mapped_column(String(20), default="standard")
    is_active: Mapped[bool] = mapped_column(default=True)
    is_available: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str | None] = mapped_column(String(300))


class InventoryShelfAssignment(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "inventory_shelf_assignments"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40), index=True)
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shelf_locations.id"))
    quantity: Mapped[int] = mapped_column(default=0)
    batch_lot: Mapped[str | None] = mapped_column(String(40))
    is_primary: Mapped[bool] = mapped_column(default=False)
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    assigned_by: Mapped[uuid.UUID | None]
    notes: Mapped[str | None] = mapped_column(String(300))


class OcsInventoryTransaction(IdMixin, Base):
    """One stock delta (opening, sale −n, refund +n, void, adjustment, receipt), tied to what caused it.

    ``created_at`` is when the hub wrote the row; ``occurred_at`` is when the movement happened in the store (the
    terminal's clock for what a terminal sold, refunded, voided or counted, never later than the hub's arrival).
    Reports put a movement in the store-local day of ``occurred_at``, so a terminal that was offline for days
    changes the days its sales were made on; ``created_at`` then tells which exported days were amended.
    """

    __tablename__ = "ocs_inventory_transactions"
    __table_args__ = (
        Index("ix_ocs_inventory_transactions_store_sku", "store_id", "sku", "batch_lot"),
        # The OCS daily report reads a store's ledger by time; the included columns let it read the index only.
        Index("ix_ocs_inventory_transactions_store_occurred", "store_id", "occurred_at",
              postgresql_include=["sku", "quantity", "transaction_type", "reason_code", "created_at"]),
        # Which exported days a late movement amended: the rows written after an export.
        Index("ix_ocs_inventory_transactions_store_created", "store_id", "created_at",
              postgresql_include=["occurred_at"]),
    )

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    sku: Mapped[str] = mapped_column(String(40))
    batch_lot: Mapped[str | None] = mapped_column(String(40))
    transaction_type: Mapped[str] = mapped_column(String(16))  # opening, sale, refund, void, adjustment, receipt
    quantity: Mapped[int]  # signed delta
    reference_type: Mapped[str] = mapped_column(String(20))
    reference_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    line_id: Mapped[uuid.UUID | None]
    reason_code: Mapped[str | None] = mapped_column(String(30))
    staff_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)


class OversellEvent(IdMixin, Base):
    """A sale took the hub's on-hand below zero: accepted as a fact, shown to the manager."""

    __tablename__ = "oversell_events"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    sku: Mapped[str] = mapped_column(String(40))
    batch_lot: Mapped[str | None] = mapped_column(String(40))
    quantity_on_hand: Mapped[int]
    reference_id: Mapped[uuid.UUID | None]
    resolved: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
