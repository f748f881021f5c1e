"""The card batch closes on the replica (``card_settlements``) and the card payments each batch should hold.

The POS's side of a batch is read from the payment journal (``payment_attempts``): every approval this terminal
was told of, whichever sale or refund it became, less the ones reversed at the terminal by a void. A batch holds
the approvals made since the previous close was asked for.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.domain.card_settlement import CardBatchCheck, CardTransaction
from pos_app.domain.money import Money
from pos_app.persistence.models import CardSettlement, PaymentAttempt, PaymentTransaction

CHARGED = ("approved", "partial")
CARD_KINDS = ("sale", "refund")


def pending_close(session: Session, terminal_no: int) -> CardSettlement | None:
    """A close asked for but never answered (a crash, a lost answer): ask again under its reference."""
    return session.scalars(select(CardSettlement).where(
        CardSettlement.terminal_no == terminal_no, CardSettlement.status == "pending")
        .order_by(CardSettlement.requested_at.desc())).first()


def close_by_id(session: Session, close_id: uuid.UUID) -> CardSettlement:
    row = session.get(CardSettlement, close_id)
    assert row is not None, "a close is never deleted"
    return row


def previous_close_at(session: Session, terminal_no: int, before: datetime) -> datetime | None:
    return session.scalar(select(CardSettlement.requested_at).where(
        CardSettlement.terminal_no == terminal_no, CardSettlement.status == "settled",
        CardSettlement.requested_at < before).order_by(CardSettlement.requested_at.desc()).limit(1))


def new_close(session: Session, *, reference: str, store_id: uuid.UUID, terminal_no: int, now: datetime,
              staff_id: uuid.UUID | None) -> CardSettlement:
    row = CardSettlement(reference=reference, store_id=store_id, terminal_no=terminal_no, requested_at=now,
                         requested_by=staff_id, status="pending", mismatches=[])
    session.add(row)
    return row


def pos_card_transactions(session: Session, after: datetime | None, until: datetime) -> list[CardTransaction]:
    voided = select(PaymentTransaction.transaction_id).where(
        PaymentTransaction.status == "voided", PaymentTransaction.transaction_id.is_not(None))
    query = select(PaymentAttempt).where(
        PaymentAttempt.status.in_(CHARGED), PaymentAttempt.kind.in_(CARD_KINDS), PaymentAttempt.created_at <= until,
        PaymentAttempt.reference.not_in(voided))
    if after is not None:
        query = query.where(PaymentAttempt.created_at > after)
    return [CardTransaction(row.kind, row.reference, Money.of(row.approved_amount or row.amount))
            for row in session.scalars(query)]


def record_check(row: CardSettlement, check: CardBatchCheck) -> None:
    row.status = "settled"
    row.settled_at = check.settled_at
    row.batch_number = check.batch_number
    row.terminal_sales, row.terminal_refunds = check.terminal_sales.amount, check.terminal_refunds.amount
    row.pos_sales, row.pos_refunds = check.pos_sales.amount, check.pos_refunds.amount
    row.terminal_count, row.pos_count = check.terminal_count, check.pos_count
    row.mismatches = [
        {"kind": m.kind.value, "transaction_kind": m.transaction_kind, "reference": m.reference,
         "pos_cents": m.pos_amount.cents if m.pos_amount is not None else None,
         "terminal_cents": m.terminal_amount.cents if m.terminal_amount is not None else None}
        for m in check.mismatches
    ]
