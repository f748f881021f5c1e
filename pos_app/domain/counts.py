"""Stock counts: what a count covers, the quantities a person may enter, and the variance once it is submitted.

The variance is measured against the quantity expected when the count started plus what moved since (sales
rung up while the shelf was counted): variance = counted − (expected at start + moves since start).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import DomainError
from pos_app.i18n.numbers import Count

MAX_COUNTED = 100_000  # the same bound as the wire model's (sync.mutations.counts)


class CountScope(StrEnum):
    STORE = "store"
    LOCATION = "location"
    CATEGORY = "category"
    SKUS = "skus"


class CountRefused(DomainError):
    code = "count_refused"


def checked_quantity(quantity: int, *, sku: str | None = None) -> int:
    """A counted quantity as typed or summed (of `sku`, when a total): a whole number from 0 to 100,000."""
    if quantity < 0:
        raise CountRefused("count_refused.negative_sku" if sku else "count_refused.negative", quantity=quantity,
                           sku=sku or "")
    if quantity > MAX_COUNTED:
        raise CountRefused("count_refused.too_many_sku" if sku else "count_refused.too_many", quantity=Count(quantity),
                           max_counted=Count(MAX_COUNTED), sku=sku or "")
    return quantity


def parse_quantity(text: str) -> int:
    """A quantity typed by a person: digits only, with a sentence for anything else."""
    cleaned = text.strip().replace(",", "").replace(" ", "")
    try:
        value = int(cleaned)
    except ValueError:
        raise CountRefused("count_refused.not_a_number", text=text.strip() or ' ') from None
    return value


@dataclass(frozen=True)
class CountLine:
    sku: str
    name: str
    batch_lot: str | None
    expected_at_start: int
    counted: int | None  # None: not counted yet
    expected_now: int | None = None  # known once submitted: start + moves since start

    @property
    def moves_since_start(self) -> int:
        return 0 if self.expected_now is None else self.expected_now - self.expected_at_start

    @property
    def variance(self) -> int | None:
        """counted − (expected at start + moves since start); None while not counted or not submitted."""
        if self.counted is None or self.expected_now is None:
            return None
        return self.counted - self.expected_now


@dataclass(frozen=True)
class CountSheet:
    count_id: object
    scope: CountScope
    scope_label: str
    blind: bool
    status: str  # counting, submitted, approved, cancelled
    lines: tuple[CountLine, ...]

    @property
    def counted_lines(self) -> tuple[CountLine, ...]:
        return tuple(line for line in self.lines if line.counted is not None)

    @property
    def shows_expected(self) -> bool:
        """A blind count hides what the system expects until it is submitted."""
        return not self.blind or self.status != "counting"

    @property
    def variances(self) -> tuple[CountLine, ...]:
        return tuple(line for line in self.counted_lines if line.variance)
