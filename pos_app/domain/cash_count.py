"""Counting the drawer: how many of each Canadian bill and coin, and what they add up to.

There are no pennies (withdrawn in 2013), so the smallest coin counted is the nickel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pos_app.domain.errors import DomainError
from pos_app.domain.money import Money, sum_money
from pos_app.i18n.numbers import Count

# More of one denomination than any drawer holds: almost certainly a typing slip (an amount keyed as a count).
MAX_COUNT = 10_000


@dataclass(frozen=True, slots=True)
class Denomination:
    code: str
    label: str
    cents: int


DENOMINATIONS: tuple[Denomination, ...] = (
    Denomination("100", "$100", 10_000),
    Denomination("50", "$50", 5_000),
    Denomination("20", "$20", 2_000),
    Denomination("10", "$10", 1_000),
    Denomination("5", "$5", 500),
    Denomination("2", "Toonie ($2)", 200),
    Denomination("1", "Loonie ($1)", 100),
    Denomination("0.25", "25¢", 25),
    Denomination("0.10", "10¢", 10),
    Denomination("0.05", "5¢", 5),
)
_BY_CODE = {d.code: d for d in DENOMINATIONS}


class InvalidCashCount(DomainError):
    code = "invalid_cash_count"


def checked_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """The counts in drawer order, every code known and every count a whole number from 0 to 10,000."""
    unknown = [code for code in counts if code not in _BY_CODE]
    if unknown:
        known = ", ".join(d.code for d in DENOMINATIONS)
        raise InvalidCashCount("invalid_cash_count.unknown", unknown=repr(unknown[0]), known=known)
    checked = {}
    for denomination in DENOMINATIONS:
        if denomination.code not in counts:
            continue
        count = counts[denomination.code]
        if isinstance(count, bool) or not isinstance(count, int):
            raise InvalidCashCount("invalid_cash_count.not_whole", label=denomination.label)
        if count < 0:
            raise InvalidCashCount("invalid_cash_count.negative", label=denomination.label)
        if count > MAX_COUNT:
            raise InvalidCashCount("invalid_cash_count.too_many", count=Count(count), label=denomination.label,
                                   max_count=Count(MAX_COUNT))
        checked[denomination.code] = count
    return checked


def count_total(counts: Mapping[str, int]) -> Money:
    return sum_money(
        Money.from_cents(_BY_CODE[code].cents * count) for code, count in checked_counts(counts).items()
    )


def counts_for(amount: Money) -> dict[str, int]:
    """The fewest bills and coins that make up ``amount`` (a multiple of 5 cents), largest first."""
    left, counts = amount.cents, {}
    for denomination in DENOMINATIONS:
        count, left = divmod(left, denomination.cents)
        if count:
            counts[denomination.code] = count
    if left:
        raise InvalidCashCount("invalid_cash_count.not_nickels", amount=amount)
    return counts
