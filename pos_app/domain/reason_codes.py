"""Why money was given back or taken off: a fixed list, so reports can count them and nobody has to type.

The codes are stored (refund record, order lines, audit entries); the labels are what the cashier reads.
"""

from __future__ import annotations

from enum import StrEnum

from pos_app.domain.errors import DomainError


class RefundReason(StrEnum):
    DAMAGED = "damaged"
    WRONG_ITEM = "wrong_item"
    CHANGED_MIND = "changed_mind"
    PRODUCT_RECALL = "product_recall"
    OTHER = "other"


class DiscountReason(StrEnum):
    DAMAGED_PACKAGING = "damaged_packaging"
    LOYALTY = "loyalty"
    PRICE_MATCH = "price_match"
    MANAGER_GOODWILL = "manager_goodwill"
    OTHER = "other"


REFUND_REASON_LABELS = {
    RefundReason.DAMAGED: "Damaged or defective",
    RefundReason.WRONG_ITEM: "Wrong item",
    RefundReason.CHANGED_MIND: "Customer changed their mind",
    RefundReason.PRODUCT_RECALL: "Product recall",
    RefundReason.OTHER: "Other",
}
DISCOUNT_REASON_LABELS = {
    DiscountReason.DAMAGED_PACKAGING: "Damaged packaging",
    DiscountReason.LOYALTY: "Loyalty",
    DiscountReason.PRICE_MATCH: "Price match",
    DiscountReason.MANAGER_GOODWILL: "Manager goodwill",
    DiscountReason.OTHER: "Other",
}


class MissingReason(DomainError):
    code = "missing_reason"


def refund_reason(value: str | None) -> RefundReason:
    """The refund's reason code; a refund without one is refused before anything is written."""
    try:
        return RefundReason(value)
    except ValueError:
        raise MissingReason("missing_reason.refund") from None


def discount_reason(value: str | None) -> DiscountReason:
    try:
        return DiscountReason(value)
    except ValueError:
        raise MissingReason("missing_reason.discount") from None
