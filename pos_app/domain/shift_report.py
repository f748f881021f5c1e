"""X and Z reports: what one shift sold, took in, paid back and should have left in the drawer. Pure.

The report is built from plain facts (orders with their payments, refunds, drawer movements), so the same
arithmetic serves the X report taken mid-shift and the Z report that closes it. The cash the drawer should
hold is

    expected_cash = opening_float + cash tenders − cash refunds − drops − paid-outs

where the cash tenders are what stayed in the drawer (handed over less change, so rounding to the nickel is
already in them) and cash refunds are what was handed back (also rounded).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from uuid import UUID

from pos_app.domain.card_settlement import CardBatchCheck
from pos_app.domain.cash_count import checked_counts, count_total
from pos_app.domain.money import Money, sum_money

VOIDED = "voided"
CASH, CARD = "cash", "card"
DROP, PAID_OUT = "drop", "paid_out"
ReportKind = Literal["X", "Z"]


@dataclass(frozen=True, slots=True)
class ShiftFacts:
    shift_id: UUID
    terminal_no: int
    opened_at: datetime
    opened_by: str  # the name printed on the report
    opening_float: Money
    closed_at: datetime | None = None
    closed_by: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentFacts:
    method: str  # cash, card
    amount: Money  # cash: what stayed in the drawer (handed over less change); card: what was charged


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """One order, or ``count`` orders of one status with their figures already added up (the database sums
    a shift's orders faster than they can be loaded one by one)."""

    status: str  # completed, voided
    subtotal: Money  # before discounts and tax
    discount: Money
    taxes: dict[str, Money]  # per component code
    total: Money  # before cash rounding
    cash_rounding: Money
    payments: tuple[PaymentFacts, ...] = ()
    count: int = 1

    @property
    def amount_paid(self) -> Money:
        return self.total + self.cash_rounding


@dataclass(frozen=True, slots=True)
class RefundFacts:
    method: str  # cash, card
    paid_back: Money  # what went back to the customer, after cash rounding
    cash_rounding: Money  # paid_back − refund total


@dataclass(frozen=True, slots=True)
class MovementFacts:
    kind: str  # drop, paid_out
    amount: Money


@dataclass(frozen=True)
class ShiftReport:
    kind: ReportKind
    shift_id: UUID
    terminal_no: int
    opened_at: datetime
    opened_by: str
    as_of: datetime  # when an X was taken; when a Z closed the shift
    closed_at: datetime | None
    closed_by: str | None
    sales_count: int
    gross_sales: Money  # before discounts and tax
    discounts: Money
    net_sales: Money  # gross − discounts, before tax
    taxes: dict[str, Money]
    tenders: dict[str, Money]  # "cash" (net of change) and "card", always present
    cash_rounding: Money  # what rounding to the nickel added to the drawer on sales, less on cash refunds
    refunds: dict[str, Money]  # paid back, by method
    refunds_count: int
    voids_count: int
    voids_total: Money
    drops: Money
    paid_outs: Money
    opening_float: Money
    expected_cash: Money
    counted_cash: Money | None = None
    variance: Money | None = None  # counted − expected: negative when the drawer is short
    closing_counts: dict[str, int] = field(default_factory=dict)
    card_batch: CardBatchCheck | None = None  # the card terminal's batch closed with this Z, checked
    card_batch_problem: str | None = None  # why the batch could not be closed with this Z

    @property
    def total_taken(self) -> Money:
        return sum_money(self.tenders.values())


def variance_needs_approval(variance: Money, limit: Money) -> bool:
    return abs(variance) > limit


def _by_key(pairs: Iterable[tuple[str, Money]], always: Iterable[str] = ()) -> dict[str, Money]:
    totals = {key: Money.zero() for key in always}
    for key, amount in pairs:
        totals[key] = totals.get(key, Money.zero()) + amount
    return totals


def build_shift_report(
    kind: ReportKind,
    shift: ShiftFacts,
    orders: Iterable[OrderFacts],
    refunds: Iterable[RefundFacts],
    movements: Iterable[MovementFacts],
    *,
    as_of: datetime,
    closing_counts: Mapping[str, int] | None = None,
) -> ShiftReport:
    orders, refunds, movements = list(orders), list(refunds), list(movements)
    if kind == "Z" and closing_counts is None:
        raise ValueError("A Z report needs the closing count of the drawer.")
    # A voided sale gave its money back in full, so it counts under voids and nowhere else.
    sold = [o for o in orders if o.status != VOIDED]
    voided = [o for o in orders if o.status == VOIDED]
    gross = sum_money(o.subtotal for o in sold)
    discounts = sum_money(o.discount for o in sold)
    tenders = _by_key(((p.method, p.amount) for o in sold for p in o.payments), always=(CASH, CARD))
    refunded = _by_key((r.method, r.paid_back) for r in refunds)
    drops = sum_money(m.amount for m in movements if m.kind == DROP)
    paid_outs = sum_money(m.amount for m in movements if m.kind == PAID_OUT)
    expected = shift.opening_float + tenders[CASH] - refunded.get(CASH, Money.zero()) - drops - paid_outs
    counts = checked_counts(closing_counts) if closing_counts is not None else {}
    counted = count_total(counts) if closing_counts is not None else None
    return ShiftReport(
        kind=kind,
        shift_id=shift.shift_id,
        terminal_no=shift.terminal_no,
        opened_at=shift.opened_at,
        opened_by=shift.opened_by,
        as_of=as_of,
        closed_at=as_of if kind == "Z" else None,
        closed_by=shift.closed_by if kind == "Z" else None,
        sales_count=sum(o.count for o in sold),
        gross_sales=gross,
        discounts=discounts,
        net_sales=gross - discounts,
        taxes=_by_key((code, amount) for o in sold for code, amount in o.taxes.items()),
        tenders=tenders,
        cash_rounding=sum_money(o.cash_rounding for o in sold)
        - sum_money(r.cash_rounding for r in refunds if r.method == CASH),
        refunds=refunded,
        refunds_count=len(refunds),
        voids_count=sum(o.count for o in voided),
        voids_total=sum_money(o.amount_paid for o in voided),
        drops=drops,
        paid_outs=paid_outs,
        opening_float=shift.opening_float,
        expected_cash=expected,
        counted_cash=counted,
        variance=None if counted is None else counted - expected,
        closing_counts=counts,
    )
