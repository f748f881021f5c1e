"""Sales tax per component (GST, HST, PST, QST), computed on the order and allocated to its lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pos_app.domain.money import Money, allocate, sum_money


@dataclass(frozen=True, slots=True)
class TaxComponent:
    code: str
    rate: Decimal  # a fraction: 0.13 for 13 %

    def __post_init__(self) -> None:
        if not self.code:
            raise ValueError("A tax component needs a code such as HST.")
        if not isinstance(self.rate, Decimal) or not Decimal(0) <= self.rate < Decimal(1):
            raise ValueError(f"Tax rate for {self.code} must be a Decimal fraction from 0 to 1.")


@dataclass(frozen=True)
class TaxBreakdown:
    components: dict[str, Money]  # total per component code, in the order the components were given
    per_line: list[dict[str, Money]]  # tax per line per component code

    @property
    def total(self) -> Money:
        return sum_money(self.components.values())

    def line_total(self, index: int) -> Money:
        return sum_money(self.per_line[index].values())


def compute_taxes(
    taxable_per_line: Sequence[Money],
    components: Sequence[TaxComponent],
    taxable_flags: Sequence[bool] | None = None,
) -> TaxBreakdown:
    """Tax each component once on the order's taxable total, then spread it over the lines.

    Rounding once per component (not per line) is what the receipt total must show; the allocation keeps
    line taxes adding up to it exactly so a refund can reverse them.
    """
    flags = [True] * len(taxable_per_line) if taxable_flags is None else list(taxable_flags)
    if len(flags) != len(taxable_per_line):
        raise ValueError("taxable_flags must have one flag per line.")
    codes = [component.code for component in components]
    if len(set(codes)) != len(codes):
        raise ValueError("Each tax component code may appear only once.")

    weights = [amount if flag else Money.zero() for amount, flag in zip(taxable_per_line, flags, strict=True)]
    base = sum_money(weights)
    totals: dict[str, Money] = {}
    per_line: list[dict[str, Money]] = [{} for _ in taxable_per_line]
    for component in components:
        tax = base * component.rate
        totals[component.code] = tax
        for line_taxes, share in zip(per_line, allocate(tax, weights), strict=True):
            line_taxes[component.code] = share
    return TaxBreakdown(components=totals, per_line=per_line)
