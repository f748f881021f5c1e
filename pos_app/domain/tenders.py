"""Payments on a sale. The POS never holds a card number: only its last four digits."""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.domain.errors import InvalidTender
from pos_app.domain.money import Money


@dataclass(frozen=True, slots=True)
class CashTender:
    amount: Money  # what the customer handed over, before change

    def __post_init__(self) -> None:
        if self.amount <= Money.zero():
            raise InvalidTender("invalid_tender.cash_not_positive", zero=Money.zero())


@dataclass(frozen=True, slots=True)
class CardApproval:
    amount: Money
    reference: str  # our payment-attempt reference, sent to the terminal before the request
    last4: str
    brand: str
    auth_code: str

    def __post_init__(self) -> None:
        if len(self.last4) != 4 or not self.last4.isascii() or not self.last4.isdigit():
            raise InvalidTender("invalid_tender.last4")
        if self.amount <= Money.zero():
            raise InvalidTender("invalid_tender.card_not_positive", zero=Money.zero())


@dataclass(frozen=True, slots=True)
class CardTender:
    approval: CardApproval

    @property
    def amount(self) -> Money:
        return self.approval.amount


Tender = CashTender | CardTender
