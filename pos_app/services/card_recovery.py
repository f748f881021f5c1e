"""No approved card payment is left without a sale or a reversal (DESIGN §5).

At start, card requests left pending by a crash are settled by asking the terminal about their reference
(``recover_pending``): an approval for the sale this till left open goes back on it; any other is reversed. Then
the journal is checked for approvals that no order was paid with and no open sale holds. Each one is an alert,
on the register and in the log, until a manager voids it here, through the terminal.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from hardware.payments.attempts import Outcome, recover_pending
from hardware.payments.link import PaymentError
from hardware.ports import PaymentKind, PaymentStatus, PaymentTerminal
from pos_app.domain.money import Money
from pos_app.domain.staff import can_supervise
from pos_app.i18n.catalog import Message
from pos_app.persistence import open_sales
from pos_app.persistence.audit import append_audit
from pos_app.persistence.models import PaymentAttempt
from pos_app.persistence.payment_attempts import SqlAttemptJournal
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.card_payments import card_result_text
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import NotPermitted, ServiceError
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext

log = logging.getLogger(__name__)


class CardNotReversed(ServiceError):
    code = "card_not_reversed"


@dataclass(frozen=True)
class UnsettledCard:
    """An approved card payment with no sale behind it: the customer paid for nothing."""

    reference: str
    sale_id: uuid.UUID
    amount: Money
    brand: str
    last4: str
    taken_at: datetime

    @property
    def sentence(self) -> str:
        if not self.last4:
            return Message("card_recovery.stranded_any_card", amount=self.amount)
        return Message("card_recovery.stranded", amount=self.amount, card=f"{self.brand} ****{self.last4}".strip())


class CardRecovery:
    def __init__(self, session_factory: sessionmaker[Session], terminal: PaymentTerminal | None,
                 context: TerminalContext, *, clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._terminal = terminal
        self._context = context
        self._clock = clock

    def settle_pending(self) -> None:
        """Ask the terminal about requests a crash left unanswered. Without a terminal they wait for one."""
        journal = SqlAttemptJournal(self._session_factory, uuid.uuid4(), self._clock)
        pending = journal.pending()
        if self._terminal is None or not pending:
            return
        with self._session_factory() as session:
            open_ids = set(open_sales.open_sale_ids(session))
            kept = {a.reference for a in pending if open_sales.attempt_sale_id(session, a.reference) in open_ids}

        def keep_approval(attempt, _result) -> bool:
            # A refund found approved has paid the customer back: never reverse it here.
            return attempt.kind is PaymentKind.REFUND or attempt.reference in kept

        recoveries = recover_pending(journal, self._terminal, keep_approval=keep_approval)
        for recovery in recoveries:
            log.warning("A card request left unanswered at the last stop (%s, %s) was settled: %s.",
                        recovery.attempt.kind, Money.from_cents(recovery.attempt.amount_cents),
                        recovery.outcome.value)
            if recovery.outcome is Outcome.STILL_PENDING:
                log.warning("The card terminal could not say what became of it; it will be asked again.")

    def unsettled(self) -> list[UnsettledCard]:
        """Approved card payments that no order was paid with and no open sale holds; each is logged."""
        with self._session_factory() as session:
            rows = open_sales.charges_without_sale(session, open_sales.open_sale_ids(session))
            found = [_unsettled(row) for row in rows]
        for card in found:
            log.warning("%s (payment reference %s, taken %s.)", card.sentence, card.reference,
                        card.taken_at.isoformat(timespec="minutes"))
        return found

    def void(self, card: UnsettledCard, *, staff: StaffMember, approver: StaffMember | None) -> None:
        """Reverse it at the terminal, record that in the journal, and audit who did it."""
        if not can_supervise(staff.role) and (approver is None or not can_supervise(approver.role)):
            raise NotPermitted("not_permitted.card_void")
        if self._terminal is None:
            raise CardNotReversed("card_not_reversed.no_terminal")
        try:
            result = self._terminal.void(card.reference)
        except PaymentError as error:
            raise CardNotReversed("card_not_reversed.no_answer", error=error) from None
        if result.status is not PaymentStatus.VOIDED:
            raise CardNotReversed("card_not_reversed.refused",
                                  amount=card.amount, reason=card_result_text(result))
        SqlAttemptJournal(self._session_factory, card.sale_id, self._clock).mark_result(card.reference, result)
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            append_audit(session, "card_payment.voided", staff_id=staff.id, store_id=self._context.store_id,
                         approved_by=approver.id if approver else None, entity_type="payment_attempt",
                         entity_id=card.reference,
                         details={"amount_cents": card.amount.cents, "reason": "approved with no sale"})
            uow.commit()
        log.warning("The card payment of %s with no sale (reference %s) was voided.", card.amount, card.reference)


def _unsettled(row: PaymentAttempt) -> UnsettledCard:
    amount = row.approved_amount if row.approved_amount is not None else row.amount
    return UnsettledCard(reference=row.reference, sale_id=row.sale_id, amount=Money.of(amount),
                         brand=row.card_brand or "", last4=row.card_last_four or "", taken_at=row.created_at)
