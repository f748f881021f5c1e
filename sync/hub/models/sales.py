"""Orders pushed by terminals: insert-only facts; voids and refunds are new rows checked by a state machine."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sync.column_types import Cents, ExactDecimal, utcnow
from sync.hub.models.base import Base, IdMixin, TimestampMixin


class Order(IdMixin, TimestampMixin, Base):
    __tablename__ = "orders"
    # Sales analytics read a store's sales by the time they were made; the included columns let the totals, the
    # hours, days and weeks, staff and terminals read the index alone.
    __table_args__ = (Index("ix_orders_store_sold_at", "store_id", "sold_at",
                            postgresql_include=["status", "subtotal", "discount_amount", "tax_amount",
                                                "total_amount", "id", "staff_id", "terminal_id"]),)

    order_number: Mapped[str] = mapped_column(String(40), unique=True)
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))
    staff_id: Mapped[uuid.UUID] = mapped_column(index=True)
    cash_session_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    sale_id: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(20), default="completed")  # completed, partially_refunded, ...
    order_type: Mapped[str] = mapped_column(String(16), default="in-store")
    subtotal: Mapped[Decimal] = mapped_column(Cents())
    discount_amount: Mapped[Decimal] = mapped_column(Cents())
    tax_amount: Mapped[Decimal] = mapped_column(Cents())
    total_amount: Mapped[Decimal] = mapped_column(Cents())
    cash_rounding: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    change_due: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    tax_breakdown: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Each tax component's rate (decimal text) when the sale was rung up; None for orders pushed before it was kept.
    tax_rates: Mapped[dict[str, Any] | None]
    dried_equivalent_g: Mapped[Decimal] = mapped_column(ExactDecimal(), default=Decimal(0))
    payment_status: Mapped[str] = mapped_column(String(16), default="paid")
    payment_method: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(String(300))
    # The terminal's clock, kept for reporting only: the hub never decides anything by it.
    local_ts: Mapped[str | None] = mapped_column(String(40))
    completed_at: Mapped[datetime | None]
    # When the sale was made, for reports: the terminal's clock (`local_ts`), never later than its arrival on the
    # hub, as the inventory ledger's ``occurred_at``; so a terminal back after days offline puts its sales on the
    # hours and days they were made. Orders from before migration 0022 have their arrival.
    sold_at: Mapped[datetime | None]

    items: Mapped[list[OrderItem]] = relationship(order_by="OrderItem.line_no")


class OrderItem(Base):
    __tablename__ = "order_items"
    __table_args__ = (UniqueConstraint("order_id", "line_no"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the terminal's line id
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"))
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(String(40), index=True)
    product_name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Cents())
    price_version: Mapped[int] = mapped_column(default=1)
    discount_amount: Mapped[Decimal] = mapped_column(Cents())
    taxable_amount: Mapped[Decimal] = mapped_column(Cents())
    tax_amount: Mapped[Decimal] = mapped_column(Cents())
    tax_breakdown: Mapped[dict[str, Any]] = mapped_column(default=dict)
    line_total: Mapped[Decimal] = mapped_column(Cents())
    is_cannabis: Mapped[bool]
    dried_equivalent_g: Mapped[Decimal] = mapped_column(ExactDecimal(), default=Decimal(0))


class OrderItemLot(IdMixin, Base):
    __tablename__ = "order_item_lots"

    order_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_items.id"), index=True)
    batch_lot: Mapped[str] = mapped_column(String(40), index=True)
    quantity: Mapped[int]


class OrderStatusHistory(IdMixin, Base):
    __tablename__ = "order_status_history"

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    changed_by: Mapped[uuid.UUID | None]
    notes: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrderRefund(IdMixin, Base):
    __tablename__ = "order_refunds"

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    staff_id: Mapped[uuid.UUID]
    approved_by: Mapped[uuid.UUID | None]
    method: Mapped[str] = mapped_column(String(16))
    subtotal: Mapped[Decimal] = mapped_column(Cents())
    tax_amount: Mapped[Decimal] = mapped_column(Cents())
    total_amount: Mapped[Decimal] = mapped_column(Cents())
    cash_rounding: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    tax_breakdown: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reason: Mapped[str | None] = mapped_column(String(300))
    local_ts: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When the money went back, for reports, by the same rule as the order's ``sold_at``.
    refunded_at: Mapped[datetime | None] = mapped_column(index=True)


class OrderRefundItem(IdMixin, Base):
    __tablename__ = "order_refund_items"

    refund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_refunds.id"), index=True)
    order_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_items.id"), index=True)
    quantity: Mapped[int]
    amount: Mapped[Decimal] = mapped_column(Cents())
    tax_amount: Mapped[Decimal] = mapped_column(Cents())
    restock: Mapped[bool] = mapped_column(default=True)


class PaymentTransaction(IdMixin, TimestampMixin, Base):
    __tablename__ = "payment_transactions"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), index=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    refund_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("order_refunds.id"))
    transaction_id: Mapped[str | None] = mapped_column(String(64))
    provider: Mapped[str] = mapped_column(String(24))
    amount: Mapped[Decimal] = mapped_column(Cents())  # negative for money paid back
    currency: Mapped[str] = mapped_column(String(3), default="CAD")
    status: Mapped[str] = mapped_column(String(16))  # captured, refunded, voided
    payment_method: Mapped[str] = mapped_column(String(16))
    card_last_four: Mapped[str | None] = mapped_column(String(4))
    card_brand: Mapped[str | None] = mapped_column(String(20))
    authorization_code: Mapped[str | None] = mapped_column(String(20))
    tendered_amount: Mapped[Decimal | None] = mapped_column(Cents())
    refund_amount: Mapped[Decimal | None] = mapped_column(Cents())
