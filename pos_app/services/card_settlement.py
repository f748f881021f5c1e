"""Closing the card terminal's batch at the end of the day, and checking it against our own card payments.

The close is written before SETTLE goes out, under a reference chosen here: if the answer is lost or the app
stops, the next close asks again under the same reference and the terminal answers with the same batch, so one
day's payments are never split over two batches by a retry. The check, its audit entry and the
``card.settled.v1`` outbox row are written in one transaction.
"""

from __future__ import annotations

import logging
import secrets
import uuid

from sqlalchemy.orm import Session, sessionmaker

from hardware.payments.link import PaymentError
from hardware.ports import PaymentTerminal
from pos_app.domain.card_settlement import CardBatchCheck, CardTransaction, check_batch
from pos_app.domain.money import Money
from pos_app.persistence import card_settlements as closes
from pos_app.persistence.audit import append_audit
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import ServiceError
from pos_app.services.mutations import card_settled
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext

log = logging.getLogger(__name__)


class CardBatchNotClosed(ServiceError):
    code = "card_batch_not_closed"


class CardSettlementService:
    def __init__(self, session_factory: sessionmaker[Session], terminal: PaymentTerminal | None,
                 context: TerminalContext, *, clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._terminal = terminal
        self._context = context
        self._clock = clock

    @property
    def available(self) -> bool:
        """Whether this register has a card terminal whose batch it closes."""
        return self._terminal is not None

    def close_batch(self, staff: StaffMember) -> CardBatchCheck:
        if self._terminal is None:
            raise CardBatchNotClosed("card_batch_not_closed.no_terminal")
        row_id, reference = self._ask(staff)
        try:
            batch = self._terminal.settle(reference)
        except PaymentError as error:
            raise CardBatchNotClosed("card_batch_not_closed.failed", error=error) \
                from error
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = closes.close_by_id(session, row_id)
            since = closes.previous_close_at(session, row.terminal_no, row.requested_at)
            check = check_batch(
                closes.pos_card_transactions(session, since, row.requested_at),
                [CardTransaction(e.kind.value, e.reference, Money.from_cents(e.approved_cents)) for e in batch.entries],
                batch_number=batch.batch_number, settled_at=self._clock(),
            )
            closes.record_check(row, check)
            append_audit(session, "card_batch.settled", staff_id=staff.id, store_id=row.store_id,
                         entity_type="card_settlement", entity_id=reference, details={
                             "batch_number": check.batch_number, "terminal_net_cents": check.terminal_net.cents,
                             "pos_net_cents": check.pos_net.cents, "mismatches": len(check.mismatches)})
            enqueue_mutation(session, card_settled(check, settlement_id=row.id, store_id=row.store_id,
                                                   terminal_no=row.terminal_no, reference=reference,
                                                   settled_by=staff.id))
            uow.commit()
        log.info("Card batch %s closed: terminal %s, POS %s, %d mismatched", check.batch_number, check.terminal_net,
                 check.pos_net, len(check.mismatches))
        return check

    def _ask(self, staff: StaffMember) -> tuple[uuid.UUID, str]:
        """The close to ask the terminal for: one left pending, or a new one written before SETTLE goes out."""
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = closes.pending_close(session, self._context.terminal_no)
            if row is None:
                row = closes.new_close(session, reference=f"B{secrets.token_hex(8).upper()}",
                                       store_id=self._context.store_id, terminal_no=self._context.terminal_no,
                                       now=self._clock(), staff_id=staff.id)
            uow.commit()
            return row.id, row.reference
