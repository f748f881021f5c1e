"""The card-payment write-ahead journal on the replica: ``hardware``'s ``AttemptJournal`` over
``payment_attempts``. Each call commits on its own, so the attempt is durable before the terminal hears of it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from hardware.payments.journal import DuplicateReference, PendingAttempt
from hardware.ports import PaymentKind, PaymentResult, PaymentStatus
from pos_app.domain.money import Money
from pos_app.persistence.models import PaymentAttempt
from pos_app.persistence.unit_of_work import UnitOfWork


class SqlAttemptJournal:
    def __init__(self, session_factory: sessionmaker[Session], sale_id: uuid.UUID,
                 clock: Callable[[], datetime]) -> None:
        self._session_factory = session_factory
        self._sale_id = sale_id
        self._clock = clock

    def record_pending(self, reference: str, kind: PaymentKind, amount_cents: int) -> None:
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            session.add(PaymentAttempt(reference=reference, sale_id=self._sale_id, kind=kind.value,
                                       amount=Money.from_cents(amount_cents).amount, status="pending",
                                       created_at=self._clock()))
            try:
                uow.commit()
            except IntegrityError:
                raise DuplicateReference(reference) from None

    def mark_result(self, reference: str, result: PaymentResult) -> None:
        if result.status is PaymentStatus.PENDING:
            return
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            attempt = session.scalars(select(PaymentAttempt).where(PaymentAttempt.reference == reference)).one()
            attempt.status = result.status.value
            attempt.approved_amount = Money.from_cents(result.approved_cents).amount if result.status.charged \
                else None
            attempt.card_last_four = result.last4 or None
            attempt.card_brand = result.brand or None
            attempt.authorization_code = result.auth_code or None
            attempt.terminal_reference = result.terminal_ref or None
            attempt.resolved_at = self._clock()
            uow.commit()

    def pending(self) -> list[PendingAttempt]:
        with self._session_factory() as session:
            rows = session.scalars(select(PaymentAttempt).where(PaymentAttempt.status == "pending")
                                   .order_by(PaymentAttempt.created_at))
            return [PendingAttempt(r.reference, PaymentKind(r.kind), Money.of(r.amount).cents) for r in rows]
