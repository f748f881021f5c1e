"""Every rule the domain enforces fails with a DomainError whose message tells the cashier what to do."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

from pos_app.domain.formatting import format_number

if TYPE_CHECKING:
    from pos_app.domain.money import Money


class DomainError(Exception):
    """Base of all business-rule failures; `code` is a stable identifier for logs and sync rejections."""

    code: ClassVar[str] = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidAmount(DomainError, ValueError):
    code = "invalid_amount"

    def __init__(self, text: object) -> None:
        super().__init__(f"{text!r} is not an amount of money. Type it like 12.34.")
        self.text = text


class UnknownCode(DomainError):
    code = "unknown_code"

    def __init__(self, scanned: str) -> None:
        super().__init__(f"No product matches code {scanned}. Check the label or search by name.")
        self.scanned = scanned


class InvalidQuantity(DomainError):
    code = "invalid_quantity"

    def __init__(self, quantity: object) -> None:
        super().__init__("Quantity must be a whole number from 1 to 999.")
        self.quantity = quantity


class UnknownLine(DomainError):
    code = "unknown_line"

    def __init__(self, line_id: UUID) -> None:
        super().__init__("That item is not in this sale any more. Check the cart and try again.")
        self.line_id = line_id


class InvalidDiscount(DomainError):
    code = "invalid_discount"


class DiscountOverCap(DomainError):
    code = "discount_over_cap"

    def __init__(self, percent: Decimal, role: str, cap: Decimal, *, own: bool = False) -> None:
        approver = "an admin" if role == "manager" else "a manager"
        whose = f"this {role}'s own" if own else f"the {role}"
        super().__init__(
            f"A {format_number(percent)}% discount is over {whose} limit of {format_number(cap)}%. "
            f"Ask {approver} to approve it."
        )
        self.percent = percent
        self.role = role
        self.cap = cap


class PossessionLimitExceeded(DomainError):
    code = "possession_limit_exceeded"

    def __init__(self, total_grams: Decimal, limit: Decimal) -> None:
        super().__init__(
            f"This sale would hold {format_number(total_grams)} g of dried-cannabis equivalent; "
            f"the limit per sale is {format_number(limit)} g. Remove or reduce cannabis items."
        )
        self.total_grams = total_grams
        self.limit = limit


class SaleLocked(DomainError):
    code = "sale_locked"

    def __init__(self) -> None:
        super().__init__(
            "A card payment is already on this sale. "
            "Void the card payment before changing items or discounts."
        )


class InvalidTender(DomainError):
    code = "invalid_tender"


class Overtender(DomainError):
    code = "overtender"

    def __init__(self, message: str = "The card amount is more than the balance due.") -> None:
        super().__init__(message)


class UnknownTender(DomainError):
    code = "unknown_tender"

    def __init__(self) -> None:
        super().__init__("That payment is not on this sale. Check the payments list and try again.")


class EmptySale(DomainError):
    code = "empty_sale"

    def __init__(self) -> None:
        super().__init__("There is nothing to sell yet. Scan or add an item first.")


class AgeNotVerified(DomainError):
    code = "age_not_verified"

    def __init__(self) -> None:
        super().__init__(
            "This sale has cannabis. Check the customer's age first: scan their ID, or confirm you checked it."
        )


class AttestationAfterRefusal(DomainError):
    """An ID was refused in this sale: a cashier's word cannot stand in for it, only a manager's override."""

    code = "attestation_after_refusal"

    def __init__(self, refusal: str) -> None:
        super().__init__(
            "An ID was refused in this sale, so the cashier's check by eye cannot pass it. Scan another valid ID, "
            f"or ask a manager to approve with their PIN and a reason. (Refused: {refusal})"
        )
        self.refusal = refusal


class UnsellableItem(DomainError):
    """A line the stock cannot cover (nothing sellable on hand, expired or recalled lots, too few units)."""

    code = "unsellable_item"

    def __init__(self, message: str, *, line_id: UUID) -> None:
        super().__init__(message)
        self.line_id = line_id


class InsufficientTender(DomainError):
    code = "insufficient_tender"

    def __init__(self, paid: Money, total: Money, remaining: Money) -> None:
        super().__init__(f"The customer has paid {paid} of {total}. Take another {remaining} to finish.")
        self.paid = paid
        self.total = total
        self.remaining = remaining


class NoSellableLot(DomainError):
    code = "no_sellable_lot"

    def __init__(self, sku: str) -> None:
        super().__init__(
            f"No sellable lot of SKU {sku}: every lot is recalled, expired or missing. "
            "Do not sell this item; tell a manager."
        )
        self.sku = sku


class LotNotSellable(DomainError):
    """A scanned label names a lot that must not be sold: recalled, expired, or not in this store's records."""

    code = "lot_not_sellable"

    def __init__(self, message: str, *, sku: str, batch_lot: str) -> None:
        super().__init__(message)
        self.sku = sku
        self.batch_lot = batch_lot


class InvalidRefund(DomainError):
    code = "invalid_refund"
