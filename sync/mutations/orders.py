"""Sales, refunds and voids: `order.completed.v1`, `order.refunded.v1`, `order.voided.v1`.

Money is integer cents; ids are UUID text; grams and rates are decimal text. Defaults are what the hub assumed
for a key a terminal left out; the terminal itself sends every key.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_serializer

from sync.mutations.base import MutationArgs, WireDecimal, WireModel
from sync.mutations.stock import InventoryDelta


class Allocation(WireModel):
    """Units of a line taken from (or given back to) one lot."""

    batch_lot: str
    quantity: int


class PromotionShare(WireModel):
    """The part of a line's discount one promotion or discount code gave (the engine's allocation)."""

    promotion_number: int = Field(description="The promotion's number, or the discount code's.")
    code: str | None = Field(default=None, description="Set when the share is a discount code's.")
    name: str
    amount_cents: int = Field(ge=0)


class SaleLine(WireModel):
    line_id: uuid.UUID
    sku: str
    name: str
    quantity: int = Field(gt=0)
    unit_price_cents: int
    discount_cents: int = 0
    taxable_amount_cents: int
    taxes_cents: dict[str, int] = {}
    line_total_cents: int
    price_version: int = 1
    is_cannabis: bool
    dried_equivalent_grams: WireDecimal = Decimal(0)
    allocations: list[Allocation] = []
    promotions: list[PromotionShare] = Field(
        default=[], description="The promotions and codes in `discount_cents`, before any manual discount. Left "
                                "out when none, so a line without promotions is sent as before they existed.")

    @model_serializer(mode="wrap")
    def _leave_out_no_promotions(self, handler):
        data = handler(self)
        if not self.promotions:
            data.pop("promotions", None)
        return data


class CashTender(WireModel):
    method: Literal["cash"]
    amount_cents: int = Field(description="What the customer handed over; the change is on the order.")


class CardTender(WireModel):
    method: Literal["card"]
    amount_cents: int
    reference: str | None = None
    last4: str | None = None
    brand: str | None = None
    auth_code: str | None = None


Tender = Annotated[CashTender | CardTender, Field(discriminator="method")]


class OrderCompletedV1(MutationArgs):
    order_id: uuid.UUID
    sale_id: uuid.UUID | None = None
    order_number: str = Field(min_length=1, max_length=40)
    store_id: uuid.UUID
    staff_id: uuid.UUID
    subtotal_cents: int
    discount_amount_cents: int = 0
    tax_amount_cents: int
    total_amount_cents: int
    cash_rounding_cents: int = 0
    change_due_cents: int = 0
    tax_components_cents: dict[str, int] = {}
    tax_rates: dict[str, WireDecimal] = Field(default={}, description="Each tax component's rate at the sale.")
    dried_equivalent_grams: WireDecimal = Decimal(0)
    lines: list[SaleLine] = Field(min_length=1)
    tenders: list[Tender] = []
    inventory_deltas: list[InventoryDelta] = []
    local_ts: str | None = Field(default=None, description="The terminal's clock (ISO 8601), for reports only.")
    cash_session_id: uuid.UUID | None = None


class RefundLine(WireModel):
    line_id: uuid.UUID
    sku: str
    quantity: int = Field(gt=0)
    amount_cents: int
    taxes_cents: dict[str, int] = {}
    total_cents: int
    restock: bool = True
    allocations: list[Allocation] = Field(
        default=[], description="The lots the units go back to; the hub books them from `inventory_deltas`.")


class OrderRefundedV1(MutationArgs):
    refund_id: uuid.UUID
    order_id: uuid.UUID
    order_number: str | None = Field(default=None, description="For people reading the mutation; the hub finds "
                                                               "the order by `order_id`.")
    store_id: uuid.UUID | None = None
    subtotal_cents: int
    tax_amount_cents: int
    total_cents: int
    tax_components_cents: dict[str, int] = {}
    lines: list[RefundLine] = Field(min_length=1)
    inventory_deltas: list[InventoryDelta] = []
    method: str
    staff_id: uuid.UUID
    approved_by: uuid.UUID | None = None
    paid_back_cents: int | None = Field(default=None, description="Cash refunds are rounded; None means the total.")
    local_ts: str | None = None


class OrderVoidedV1(MutationArgs):
    order_id: uuid.UUID
    order_number: str | None = Field(default=None, description="For people reading the mutation; the hub finds "
                                                               "the order by `order_id`.")
    store_id: uuid.UUID | None = None
    staff_id: uuid.UUID
    approved_by: uuid.UUID | None = None
    reason: str | None = None
    local_ts: str | None = None
    inventory_deltas: list[InventoryDelta] | None = Field(
        default=None, description="Left out, the hub reverses the sale's own ledger rows.")
