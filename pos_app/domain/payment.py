"""How much is paid, still due and owed back, given the tenders on a sale."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pos_app.domain.cash_rounding import round_cash
from pos_app.domain.money import Money, sum_money
from pos_app.domain.tenders import CardTender, CashTender, Tender


@dataclass(frozen=True, slots=True)
class PaymentStatus:
    total: Money  # the sale total before cash rounding
    amount_due: Money  # total + cash_rounding
    card_paid: Money
    cash_tendered: Money
    paid: Money  # card_paid + cash_tendered
    remaining: Money  # cash-rounded once cash is in play; exact otherwise, as a card would pay it
    cash_remaining: Money  # what to ask for if the rest is paid in cash
    card_remaining: Money  # the most a further card payment may be for
    change_due: Money  # from cash only; card never gives change
    cash_rounding: Money  # recorded on the order; negative when rounded down
    is_settled: bool


def payment_status(total: Money, tenders: Iterable[Tender]) -> PaymentStatus:
    tenders = list(tenders)
    zero = Money.zero()
    card_paid = sum_money(t.amount for t in tenders if isinstance(t, CardTender))
    cash_tendered = sum_money(t.amount for t in tenders if isinstance(t, CashTender))
    cash_portion = max(total - card_paid, zero)
    cash_due = round_cash(cash_portion)
    # A balance of 1 or 2 cents rounds to nothing in cash, so it is settled as if paid in cash.
    cash_in_play = bool(cash_tendered) or (bool(cash_portion) and not cash_due)
    if cash_in_play:
        rounding = cash_due - cash_portion
        remaining = max(cash_due - cash_tendered, zero)
        change = max(cash_tendered - cash_due, zero)
    else:
        rounding, remaining, change = zero, cash_portion, zero
    return PaymentStatus(
        total=total,
        amount_due=total + rounding,
        card_paid=card_paid,
        cash_tendered=cash_tendered,
        paid=card_paid + cash_tendered,
        remaining=remaining,
        cash_remaining=max(cash_due - cash_tendered, zero),
        card_remaining=max(cash_portion - cash_tendered, zero),
        change_due=change,
        cash_rounding=rounding,
        is_settled=not remaining,
    )
