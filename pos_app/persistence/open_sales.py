"""The saved open sale of each till, and what the card payment journal says about the money taken on sales."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from pos_app.persistence.models import OpenSale, PaymentAttempt, PaymentTransaction

CHARGED = ("approved", "partial")
# Built once, its values bound at each scan: building it and working out its cache key cost more than the UPDATE.
_SAVE = (update(OpenSale).where(OpenSale.terminal_no == bindparam("till"))
         .values(sale_id=bindparam("sale"), staff_id=bindparam("staff"), snapshot=bindparam("saved"),
                 updated_at=bindparam("at"))
         .execution_options(synchronize_session=False))


def save(session: Session, *, terminal_no: int, sale_id: uuid.UUID, staff_id: uuid.UUID,
         snapshot: dict[str, Any], now: datetime) -> None:
    """Every scan saves the cart: one UPDATE of the till's row (reading it first cost as much again), and an
    INSERT only when the till has no row yet."""
    changed = session.execute(_SAVE, {"till": terminal_no, "sale": sale_id, "staff": staff_id, "saved": snapshot,
                                      "at": now})
    if changed.rowcount == 0:
        session.add(OpenSale(terminal_no=terminal_no, sale_id=sale_id, staff_id=staff_id, snapshot=snapshot,
                             updated_at=now))
    session.flush()


def clear(session: Session, terminal_no: int) -> None:
    session.execute(delete(OpenSale).where(OpenSale.terminal_no == terminal_no))


def load(session: Session, terminal_no: int) -> OpenSale | None:
    return session.get(OpenSale, terminal_no)


def charged_attempts(session: Session, sale_id: uuid.UUID) -> list[PaymentAttempt]:
    """The card charges the journal says went through for this sale and were not reversed, oldest first."""
    return list(session.scalars(
        select(PaymentAttempt).where(PaymentAttempt.sale_id == sale_id, PaymentAttempt.kind == "sale",
                                     PaymentAttempt.status.in_(CHARGED))
        .order_by(PaymentAttempt.created_at)))


def charges_without_sale(session: Session, open_sale_ids: list[uuid.UUID]) -> list[PaymentAttempt]:
    """Approved card charges that no order was paid with and no open sale holds: money taken for nothing."""
    paid_with = select(PaymentTransaction.transaction_id).where(PaymentTransaction.transaction_id.is_not(None),
                                                                PaymentTransaction.refund_id.is_(None))
    query = (select(PaymentAttempt)
             .where(PaymentAttempt.kind == "sale", PaymentAttempt.status.in_(CHARGED),
                    PaymentAttempt.reference.not_in(paid_with))
             .order_by(PaymentAttempt.created_at))
    if open_sale_ids:
        query = query.where(PaymentAttempt.sale_id.not_in(open_sale_ids))
    return list(session.scalars(query))


def attempt_sale_id(session: Session, reference: str) -> uuid.UUID | None:
    return session.scalar(select(PaymentAttempt.sale_id).where(PaymentAttempt.reference == reference))


def open_sale_ids(session: Session) -> list[uuid.UUID]:
    return list(session.scalars(select(OpenSale.sale_id)))
