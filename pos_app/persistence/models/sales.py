"""Orders made on this terminal: facts that never change once completed (refunds are new rows)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos_app.persistence.models.base import Base, IdMixin, TimestampMixin
from pos_app.persistence.types import Cents, ExactDecimal, utcnow


class Order(IdMixin, TimestampMixin, Base):
    __tablename__ = "orders"

    order_number: Mapped[str] = mapped_column(String(40), unique=True)  # <store_code>-<terminal_no>-<seq>
    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    cash_session_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    customer_id: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(16), default="completed")
    order_type: Mapped[str] = mapped_column(String(16), default="in-store")
    subtotal: Mapped[Decimal] = mapped_column(Cents())
    discount_amount: Mapped[Decimal] = mapped_column(Cents())
    tax_amount: Mapped[Decimal] = mapped_column(Cents())
    total_amount: Mapped[Decimal] = mapped_column(Cents())
    cash_rounding: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    change_due: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    tax_breakdown: Mapped[dict[str, Any]] = mapped_column(default=dict)  # component code -> cents
    dried_equivalent_g: Mapped[Decimal] = mapped_column(ExactDecimal(), default=Decimal(0))
    payment_status: Mapped[str] = mapped_column(String(16), default="paid")
    payment_method: Mapped[str | None] = mapped_column(String(16))  # cash, card, split
    notes: Mapped[str | None] = mapped_column(String(300))
    discount_reason: Mapped[str | None] = mapped_column(String(30))  # the cart discount's reason code
    completed_at: Mapped[datetime | None]

    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", order_by="OrderItem.line_no", cascade="all, delete-orphan"
    )


class OrderItem(Base):
    __tablename__ = "order_items"
    # The quantity rides in the SKU index: a kiosk's best sellers sum it from the index alone (migration 0009).
    __table_args__ = (UniqueConstraint("order_id", "line_no"), Index("ix_order_items_sku_quantity", "sku", "quantity"))

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the domain's line id
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"))
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(String(40))
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
    discount_reason: Mapped[str | None] = mapped_column(String(30))  # the line's own discount's reason code
    # The part of discount_amount the promotions gave, each one's share ({number, code, name, cents}) and each
    # unit's price after them in cents, cheapest first: what a refund gives back per unit (migration 0015).
    promotion_discount: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0), server_default="0")
    promotions: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    unit_prices_paid: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")

    order: Mapped[Order] = relationship(back_populates="items")
    lots: Mapped[list[OrderItemLot]] = relationship(cascade="all, delete-orphan")


class OrderItemLot(IdMixin, Base):
    """Which lot each unit of a cannabis line came from (traceability for recalls)."""

    __tablename__ = "order_item_lots"

    order_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_items.id"), index=True)
    batch_lot: Mapped[str] = mapped_column(String(40), index=True)
    quantity: Mapped[int]


class OrderStatusHistory(IdMixin, Base):
    __tablename__ = "order_status_history"

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    changed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrderRefund(IdMixin, Base):
    __tablename__ = "order_refunds"

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    method: Mapped[str] = mapped_column(String(16))  # cash, card
    subtotal: Mapped[Decimal] = mapped_column(Cents())
    tax_amount: Mapped[Decimal] = mapped_column(Cents())
    total_amount: Mapped[Decimal] = mapped_column(Cents())
    cash_rounding: Mapped[Decimal] = mapped_column(Cents(), default=Decimal(0))
    tax_breakdown: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reason: Mapped[str | None] = mapped_column(String(300))
    reason_code: Mapped[str | None] = mapped_column(String(30))  # a RefundReason code, from a fixed list
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrderRefundItem(IdMixin, Base):
    __tablename__ = "order_refund_items"

    refund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_refunds.id"), index=True)
    order_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_items.id"), index=True)
    quantity: Mapped[int]
    amount: Mapped[Decimal] = mapped_column(Cents())
    tax_amount: Mapped[Decimal] = mapped_column(Cents())
    restock: Mapped[bool] = mapped_column(default=True)


class PaymentTransaction(IdMixin, TimestampMixin, Base):
    """A tender that went through. Card rows keep only last four, brand, auth code and terminal ref."""

    __tablename__ = "payment_transactions"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    refund_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("order_refunds.id"))
    transaction_id: Mapped[str | None] = mapped_column(String(64))  # the terminal's reference
    provider: Mapped[str] = mapped_column(String(24))  # cash, or the card terminal's driver name
    amount: Mapped[Decimal] = mapped_column(Cents())  # negative for money paid back
    currency: Mapped[str] = mapped_column(String(3), default="CAD")
    status: Mapped[str] = mapped_column(String(16))  # captured, refunded, voided
    payment_method: Mapped[str] = mapped_column(String(16))  # cash, credit, debit
    card_last_four: Mapped[str | None] = mapped_column(String(4))
    card_brand: Mapped[str | None] = mapped_column(String(20))
    authorization_code: Mapped[str | None] = mapped_column(String(20))
    tendered_amount: Mapped[Decimal | None] = mapped_column(Cents())  # cash handed over
    refund_amount: Mapped[Decimal | None] = mapped_column(Cents())


class PaymentAttempt(IdMixin, Base):
    """Written before a request goes to the card terminal, so a crash can ask it what happened."""

    __tablename__ = "payment_attempts"

    reference: Mapped[str] = mapped_column(String(64), unique=True)
    sale_id: Mapped[uuid.UUID] = mapped_column(index=True)  # the open sale, later the order id
    kind: Mapped[str] = mapped_column(String(8))  # sale, refund, void
    amount: Mapped[Decimal] = mapped_column(Cents())
    status: Mapped[str] = mapped_column(String(16), default="pending")
    approved_amount: Mapped[Decimal | None] = mapped_column(Cents())
    card_last_four: Mapped[str | None] = mapped_column(String(4))
    card_brand: Mapped[str | None] = mapped_column(String(20))
    authorization_code: Mapped[str | None] = mapped_column(String(20))
    terminal_reference: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]


class CardSettlement(IdMixin, Base):
    """One close of the card terminal's batch, written before SETTLE goes out (so a crash asks again under the
    same reference and gets the same batch), then filled with the check of the batch against our payments."""

    __tablename__ = "card_settlements"

    reference: Mapped[str] = mapped_column(String(40), unique=True)
    store_id: Mapped[uuid.UUID]
    terminal_no: Mapped[int]
    requested_at: Mapped[datetime]  # card payments made before this belong to this batch
    requested_by: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, settled
    settled_at: Mapped[datetime | None]
    batch_number: Mapped[int | None]
    terminal_sales: Mapped[Decimal | None] = mapped_column(Cents())
    terminal_refunds: Mapped[Decimal | None] = mapped_column(Cents())
    terminal_count: Mapped[int | None]
    pos_sales: Mapped[Decimal | None] = mapped_column(Cents())
    pos_refunds: Mapped[Decimal | None] = mapped_column(Cents())
    pos_count: Mapped[int | None]
    mismatches: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
