"""Refunding some or all of a completed order's lines (DESIGN §4: a refund is a new fact, never an edit).

The refund, its payment back, the stock returned to its lots, the audit entry and the
``order.refunded.v1`` outbox row commit in one SQLite transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.order import Order
from pos_app.domain.reason_codes import refund_reason
from pos_app.domain.refund import Refund, plan_refund, refund_inventory_deltas
from pos_app.domain.tenders import CardApproval
from pos_app.persistence import order_repository
from pos_app.persistence.audit import append_audit
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import OrderNotFound
from pos_app.services.mutations import order_refunded
from pos_app.services.staff import StaffMember


class RefundService:
    def __init__(self, session_factory: sessionmaker[Session], *, clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._clock = clock

    def find_order(self, order_number: str) -> tuple[Order, dict[uuid.UUID, int]]:
        """The order and how many units of each line were already refunded."""
        with self._session_factory() as session:
            order_id = order_repository.find_order_id(session, order_number)
            order = order_repository.load_order(session, order_id) if order_id else None
            if order is None:
                raise OrderNotFound(order_number)
            return order, order_repository.refunded_quantities(session, order.order_id)

    def preview(self, order_number: str, quantities: Mapping[uuid.UUID, int], *,
                restock: bool | Mapping[uuid.UUID, bool] = True) -> Refund:
        """What a refund would pay back, checked by the same rules, with nothing written."""
        order, done = self.find_order(order_number)
        return plan_refund(order, quantities, done, refund_id=uuid.uuid4(), restock=restock)

    def refund(
        self,
        order_number: str,
        quantities: Mapping[uuid.UUID, int],
        *,
        staff: StaffMember,
        approver: StaffMember | None = None,
        method: str = "cash",
        restock: bool | Mapping[uuid.UUID, bool] = True,
        reason: str | None = None,
        reason_code: str | None = None,
        card_approval: CardApproval | None = None,
        refund_id: uuid.UUID | None = None,
    ) -> Refund:
        """``reason_code``: why, from the fixed list (pos_app.domain.reason_codes); ``reason``: free text."""
        code = None if reason_code is None else refund_reason(reason_code).value
        now = self._clock()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            order_id = order_repository.find_order_id(session, order_number)
            order = order_repository.load_order(session, order_id) if order_id else None
            if order is None:
                raise OrderNotFound(order_number)
            done = order_repository.refunded_quantities(session, order.order_id)
            refund = plan_refund(order, quantities, done, refund_id=refund_id or uuid.uuid4(),
                                 restock=restock).paid_back_by(method, card_approval)
            order_repository.save_refund(
                session, refund, order, staff_id=staff.id, approved_by=approver.id if approver else None,
                method=method, reason=reason, reason_code=code, card_approval=card_approval, now=now,
            )
            mutation_id = enqueue_mutation(session, order_refunded(
                refund, order, method=method, staff_id=staff.id, approved_by=approver.id if approver else None,
                paid_back=refund.paid_back(), now=now))
            order_repository.add_inventory_transactions(
                session, refund_inventory_deltas(refund), store_id=order.store_id, reference_type="refund",
                reference_id=refund.refund_id, staff_id=staff.id, mutation_id=mutation_id, now=now,
            )
            append_audit(session, "order.refunded", staff_id=staff.id, store_id=order.store_id,
                         approved_by=approver.id if approver else None, entity_type="order",
                         entity_id=order.order_number,
                         details={"refund_id": str(refund.refund_id), "total_cents": refund.total.cents,
                                  "method": method, "reason": code})
            uow.commit()
        return refund
