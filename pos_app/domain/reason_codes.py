"""Why money was given back or taken off: a fixed list, so reports can count them and nobody has to type.

The codes are stored (refund record, order lines, audit entries); the labels are what the cashier reads.
"""

from __future__ import annotations

from enum import StrEnum

from pos_app.domain.errors import DomainError
from pos_app.i18n.catalog import Labels


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


# Labels in the catalog (refund_reason.*, discount_reason.*), in the language current when read.
REFUND_REASON_LABELS = Labels({reason: f"refund_reason.{reason.value}" for reason in RefundReason})
DISCOUNT_REASON_LABELS = Labels({reason: f"discount_reason.{reason.value}" for reason in DiscountReason})


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
