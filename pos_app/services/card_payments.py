"""Card tenders through the ``PaymentTerminal`` port (DESIGN §5).

``hardware.payments.take_payment`` writes the attempt to our journal before the request goes out and, on
a timeout, asks the terminal about the same reference: a payment is never sent again under a new one, so a
customer is never charged twice. An approval becomes a card tender on the open sale.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session, sessionmaker

from hardware.payments.attempts import new_reference, take_payment
from hardware.payments.link import PaymentError
from hardware.payments.messages import message_for
from hardware.ports import PaymentKind, PaymentResult, PaymentStatus, PaymentTerminal
from pos_app.domain.money import Money
from pos_app.domain.tenders import CardApproval, CardTender
from pos_app.i18n.catalog import Amounts, Message
from pos_app.persistence.payment_attempts import SqlAttemptJournal
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import ServiceError
from pos_app.services.selling import SaleService


class CardNotApproved(ServiceError):
    code = "card_not_approved"


class CardVoidRefused(ServiceError):
    code = "card_void_refused"


class CardOutcomeUnknown(ServiceError):
    code = "card_outcome_unknown"

    def __init__(self, reference: str) -> None:
        super().__init__()
        self.reference = reference


class CardPayments:
    def __init__(self, session_factory: sessionmaker[Session], terminal: PaymentTerminal, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._terminal = terminal
        self._clock = clock

    def charge(self, sales: SaleService, amount: Money, reference: str | None = None) -> CardApproval:
        """Charge ``amount`` for the open sale; the approval is added to it as a card tender."""
        self.charge_check(sales)
        journal = SqlAttemptJournal(self._session_factory, sales.sale.sale_id, self._clock)
        result = take_payment(journal, self._terminal, PaymentKind.SALE, amount.cents,
                              reference or new_reference())
        return self._to_tender(sales, result)

    def charge_check(self, sales: SaleService) -> None:
        """Refuse before the terminal is asked: a charge the sale then rejects would be money taken for nothing."""
        sales.sale.check_ready_for_payment()

    def refund_to_card(self, refund_id: uuid.UUID, amount: Money) -> CardApproval:
        """Pay a refund back to a card through the terminal; the attempt is journalled under the refund's id."""
        journal = SqlAttemptJournal(self._session_factory, refund_id, self._clock)
        result = take_payment(journal, self._terminal, PaymentKind.REFUND, amount.cents, new_reference())
        if result.status is PaymentStatus.PENDING or not result.status.final:
            raise CardOutcomeUnknown(result.reference)
        if not result.status.charged:
            raise CardNotApproved(card_result_text(result))
        return CardApproval(amount=Money.from_cents(result.approved_cents), reference=result.reference,
                            last4=result.last4, brand=result.brand, auth_code=result.auth_code)

    def check(self, sales: SaleService, reference: str) -> CardApproval:
        """Ask the terminal again about a payment whose outcome was unknown."""
        journal = SqlAttemptJournal(self._session_factory, sales.sale.sale_id, self._clock)
        result = self._terminal.status(reference)
        if result.status is PaymentStatus.NOT_FOUND:
            # The request may still be on its way to the terminal; only start-up recovery may close it.
            raise CardOutcomeUnknown(reference)
        journal.mark_result(reference, result)
        return self._to_tender(sales, result)

    def void_card_tenders(self, sales: SaleService) -> list[CardApproval]:
        """Reverse, at the terminal, every card payment on the open sale and take it off the sale (the customer
        is not buying after all, or the register is closing). The sale stays open with its cart. A reversal the
        terminal refuses stops here with a sentence; the cards reversed before it stay reversed."""
        journal = SqlAttemptJournal(self._session_factory, sales.sale.sale_id, self._clock)
        voided: list[CardApproval] = []
        for tender in [t for t in sales.sale.tenders if isinstance(t, CardTender)]:
            approval = tender.approval
            try:
                result = self._terminal.void(approval.reference)
            except PaymentError as error:
                raise CardVoidRefused(_void_refusal(approval, str(error), voided)) from None
            if result.status is not PaymentStatus.VOIDED:
                raise CardVoidRefused(_void_refusal(approval, card_result_text(result), voided))
            journal.mark_result(approval.reference, result)
            sales.remove_tender(tender)
            voided.append(approval)
        return voided

    def cancel(self) -> None:
        """Ask the terminal to stop waiting for a card (the customer changed their mind)."""
        self._terminal.cancel()

    def _to_tender(self, sales: SaleService, result: PaymentResult) -> CardApproval:
        if result.status is PaymentStatus.PENDING or not result.status.final:
            raise CardOutcomeUnknown(result.reference)
        if not result.status.charged:
            raise CardNotApproved(card_result_text(result))
        approval = CardApproval(amount=Money.from_cents(result.approved_cents), reference=result.reference,
                                last4=result.last4, brand=result.brand, auth_code=result.auth_code)
        sales.tender_card(approval)
        return approval


def _void_refusal(approval: CardApproval, detail: str, voided: list[CardApproval]) -> Message:
    card = f"{approval.brand} ****{approval.last4}"
    if voided:
        return Message("card_void_refused.some_reversed", amount=approval.amount, card=card, detail=detail,
                       done=Amounts(a.amount for a in voided))
    return Message("card_void_refused.not_reversed", amount=approval.amount, card=card, detail=detail)


def card_result_text(result: PaymentResult) -> str:
    """What the card terminal answered, as a sentence of the catalog when it is one of its standard answers (the
    terminal's own words, such as a network error, pass through as they are)."""
    if not result.message or result.message == message_for(result.status):
        return Message(f"card_status.{result.status.value}")
    return result.message
