"""Every rule the domain enforces fails with a DomainError whose message tells the cashier what to do.

An error carries its code and parameters, never a sentence: its words come from the message catalog
(pos_app/i18n/locale) in the terminal's current language when it is read.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

from pos_app.i18n.errors import LocalizedError

if TYPE_CHECKING:
    from pos_app.domain.money import Money


class DomainError(LocalizedError):
    """Base of all business-rule failures; `code` is a stable identifier for logs, sync rejections and the
    catalog. Raise with a catalog key (`code` or `code.variant`) and the message's parameters."""

    code: ClassVar[str] = "domain_error"


class InvalidAmount(DomainError, ValueError):
    code = "invalid_amount"

    def __init__(self, text: object) -> None:
        super().__init__(text=repr(text))
        self.text = text


class UnknownCode(DomainError):
    code = "unknown_code"

    def __init__(self, scanned: str) -> None:
        super().__init__(scanned=scanned)
        self.scanned = scanned


class InvalidQuantity(DomainError):
    code = "invalid_quantity"

    def __init__(self, quantity: object) -> None:
        super().__init__()
        self.quantity = quantity


class UnknownLine(DomainError):
    code = "unknown_line"

    def __init__(self, line_id: UUID) -> None:
        super().__init__()
        self.line_id = line_id


class InvalidDiscount(DomainError):
    code = "invalid_discount"


class DiscountOverCap(DomainError):
    code = "discount_over_cap"

    def __init__(self, percent: Decimal, role: str, cap: Decimal, *, own: bool = False) -> None:
        # Who may approve and whose limit it is are words of their own in each language: one message a case.
        super().__init__(f"discount_over_cap.{role}{'_own' if own else ''}", percent=percent, cap=cap, role=role)
        self.percent = percent
        self.role = role
        self.cap = cap


class PossessionLimitExceeded(DomainError):
    code = "possession_limit_exceeded"

    def __init__(self, total_grams: Decimal, limit: Decimal) -> None:
        super().__init__(grams=total_grams, limit=limit)
        self.total_grams = total_grams
        self.limit = limit


class SaleLocked(DomainError):
    code = "sale_locked"

    def __init__(self) -> None:
        super().__init__()


class InvalidTender(DomainError):
    code = "invalid_tender"


class Overtender(DomainError):
    code = "overtender"


class UnknownTender(DomainError):
    code = "unknown_tender"

    def __init__(self) -> None:
        super().__init__()


class EmptySale(DomainError):
    code = "empty_sale"

    def __init__(self) -> None:
        super().__init__()


class AgeNotVerified(DomainError):
    code = "age_not_verified"

    def __init__(self) -> None:
        super().__init__()


class AttestationAfterRefusal(DomainError):
    """An ID was refused in this sale: a cashier's word cannot stand in for it, only a manager's override."""

    code = "attestation_after_refusal"

    def __init__(self, refusal: str) -> None:
        super().__init__(refusal=refusal)
        self.refusal = refusal


class UnsellableItem(DomainError):
    """A line the stock cannot cover (nothing sellable on hand, expired or recalled lots, too few units)."""

    code = "unsellable_item"

    def __init__(self, key: str, *, line_id: UUID, **params: object) -> None:
        super().__init__(key, **params)
        self.line_id = line_id


class InsufficientTender(DomainError):
    code = "insufficient_tender"

    def __init__(self, paid: Money, total: Money, remaining: Money) -> None:
        super().__init__(paid=paid, total=total, remaining=remaining)
        self.paid = paid
        self.total = total
        self.remaining = remaining


class NoSellableLot(DomainError):
    code = "no_sellable_lot"

    def __init__(self, sku: str) -> None:
        super().__init__(sku=sku)
        self.sku = sku


class LotNotSellable(DomainError):
    """A scanned label names a lot that must not be sold: recalled, expired, or not in this store's records."""

    code = "lot_not_sellable"

    def __init__(self, key: str, *, sku: str, batch_lot: str, **params: object) -> None:
        super().__init__(key, sku=sku, batch_lot=batch_lot, **params)
        self.sku = sku
        self.batch_lot = batch_lot


class InvalidRefund(DomainError):
    code = "invalid_refund"
