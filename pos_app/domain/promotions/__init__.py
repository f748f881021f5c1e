"""Promotions: percentage and fixed amount off, buy X get Y, bundles, volume tiers, mix-and-match targets,
discount codes and schedules, priced offline with the best deal for the customer and within the law.

The file format the hub imports and the pricing CLI reads is `sync.promotions_file`; docs/promotions.md
describes it, the engine's rules and its output.
"""

from pos_app.domain.promotions.engine import PromotionBook
from pos_app.domain.promotions.model import (
    CartLine,
    DiscountCode,
    Kind,
    Law,
    Promotion,
    PromotionSet,
    Target,
    Tier,
    Window,
)
from pos_app.domain.promotions.result import (
    Allocation,
    Applied,
    LineResult,
    NotApplied,
    PricingResult,
    refund_amount,
    refund_amounts,
)

__all__ = [
    "Allocation", "Applied", "CartLine", "DiscountCode", "Kind", "Law", "LineResult", "NotApplied",
    "PricingResult", "Promotion", "PromotionBook", "PromotionSet", "Target", "Tier", "Window", "refund_amount",
    "refund_amounts",
]
