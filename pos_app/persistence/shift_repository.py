"""Cash sessions (shifts), their drawer movements, and the facts an X or Z report is built from.

Orders carry the shift they were rung up in (``orders.cash_session_id``). Refunds do not: ``order_refunds`` has
no shift column, so a refund belongs to the shift that was open on this terminal when it was made (every refund
in this database was made on this terminal). A refund made while no shift was open is on no report.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime

from sqlalchemy import Integer, func, select, true, type_coerce
from sqlalchemy.orm import Session

from pos_app.domain.money import Money
from pos_app.domain.shift_report import MovementFacts, OrderFacts, PaymentFacts, RefundFacts
from pos_app.persistence.models import CashMovement, CashSession, Order, OrderRefund, PaymentTransaction

OPEN, CLOSED = "open", "closed"


def open_cash_session(session: Session, store_id: uuid.UUID, terminal_no: int) -> CashSession | None:
    return session.scalar(
        select(CashSession)
        .where(CashSession.store_id == store_id, CashSession.terminal_no == terminal_no,
               CashSession.status == OPEN)
        .order_by(CashSession.opened_at.desc())
        .limit(1)
    )


def add_cash_session(
    session: Session, *, store_id: uuid.UUID, terminal_no: int, opened_by: uuid.UUID, opened_at: datetime,
    opening_float: Money, opening_counts: dict[str, int],
) -> CashSession:
    row = CashSession(
        id=uuid.uuid4(), store_id=store_id, terminal_no=terminal_no, status=OPEN, opened_by=opened_by,
        opened_at=opened_at, opening_float=opening_float.amount, opening_counts=dict(opening_counts),
    )
    session.add(row)
    session.flush()
    return row


def add_cash_movement(
    session: Session, cash_session_id: uuid.UUID, *, kind: str, amount: Money, reason: str | None,
    staff_id: uuid.UUID, now: datetime,
) -> CashMovement:
    row = CashMovement(id=uuid.uuid4(), cash_session_id=cash_session_id, kind=kind, amount=amount.amount,
                       reason=reason, staff_id=staff_id, created_at=now)
    session.add(row)
    session.flush()
    return row


def _cents_sum(column):
    # The money columns hold integer cents, so the database adds them exactly.
    return func.coalesce(func.sum(type_coerce(column, Integer)), 0)


def order_facts(session: Session, cash_session_id: uuid.UUID) -> list[OrderFacts]:
    """The shift's orders added up per status in SQL: one ``OrderFacts`` per status, with its count.

    ``build_shift_report`` still decides what each figure means; only the adding moves into the database.
    """
    in_shift = Order.cash_session_id == cash_session_id
    taxes: dict[str, dict[str, Money]] = defaultdict(dict)
    breakdown = func.json_each(Order.tax_breakdown).table_valued("key", "value")
    for status, code, cents in session.execute(
        select(Order.status, breakdown.c.key, _cents_sum(breakdown.c.value))
        .select_from(Order).join(breakdown, true()).where(in_shift)
        .group_by(Order.status, breakdown.c.key).order_by(Order.status, breakdown.c.key)
    ):
        taxes[status][code] = Money.from_cents(int(cents))
    payments: dict[str, list[PaymentFacts]] = defaultdict(list)
    # Only the payments taken for the sale: refunds are counted from order_refunds, and the negative rows a
    # void adds are left out together with the voided order itself.
    for status, method, cents in session.execute(
        select(Order.status, PaymentTransaction.payment_method, _cents_sum(PaymentTransaction.amount))
        .join(Order, Order.id == PaymentTransaction.order_id)
        .where(in_shift, PaymentTransaction.refund_id.is_(None), PaymentTransaction.status == "captured")
        .group_by(Order.status, PaymentTransaction.payment_method)
        .order_by(Order.status, PaymentTransaction.payment_method)
    ):
        payments[status].append(PaymentFacts(method, Money.from_cents(int(cents))))
    return [
        OrderFacts(
            status=status, subtotal=Money.from_cents(int(subtotal)), discount=Money.from_cents(int(discount)),
            taxes=taxes[status], total=Money.from_cents(int(total)), cash_rounding=Money.from_cents(int(rounding)),
            payments=tuple(payments[status]), count=count,
        )
        for status, count, subtotal, discount, total, rounding in session.execute(
            select(Order.status, func.count(), _cents_sum(Order.subtotal), _cents_sum(Order.discount_amount),
                   _cents_sum(Order.total_amount), _cents_sum(Order.cash_rounding))
            .where(in_shift).group_by(Order.status).order_by(Order.status)
        )
    ]


def refund_facts(session: Session, since: datetime, until: datetime) -> list[RefundFacts]:
    refunds = session.scalars(
        select(OrderRefund)
        .where(OrderRefund.created_at >= since, OrderRefund.created_at <= until)
        .order_by(OrderRefund.created_at)
    )
    return [
        RefundFacts(method=refund.method, paid_back=Money.of(refund.total_amount + refund.cash_rounding),
                    cash_rounding=Money.of(refund.cash_rounding))
        for refund in refunds
    ]


def movement_facts(session: Session, cash_session_id: uuid.UUID) -> list[MovementFacts]:
    rows = session.scalars(
        select(CashMovement).where(CashMovement.cash_session_id == cash_session_id).order_by(CashMovement.created_at)
    )
    return [MovementFacts(kind=row.kind, amount=Money.of(row.amount)) for row in rows]


def close_cash_session(
    row: CashSession, *, closed_by: uuid.UUID, closed_at: datetime, expected: Money, counted: Money,
    closing_counts: dict[str, int], approved_by: uuid.UUID | None,
) -> None:
    row.status = CLOSED
    row.closed_by, row.closed_at = closed_by, closed_at
    row.expected_cash, row.counted_cash = expected.amount, counted.amount
    row.variance = (counted - expected).amount
    row.closing_counts = dict(closing_counts)
    row.variance_approved_by = approved_by
