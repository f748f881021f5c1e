"""Voiding a completed sale within the shift it was rung up in (DESIGN §4: a void is a new fact).

Card payments are reversed at the card terminal first; only when every reversal is confirmed are the order's
status, its negative payment rows, the stock put back, the audit entry and the ``order.voided.v1`` outbox row
written, in one SQLite transaction. A reversal the terminal refuses leaves the sale not voided; a card reversed
before it stays reversed, and the message says so.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session, sessionmaker

from hardware.ports import PaymentStatus, PaymentTerminal
from pos_app.domain.money import Money
from pos_app.domain.order import Order, void_inventory_deltas
from pos_app.domain.staff import can_supervise
from pos_app.domain.tenders import CardTender
from pos_app.i18n.catalog import Amounts, Message
from pos_app.persistence import order_repository
from pos_app.persistence.audit import append_audit
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import NotPermitted, OrderNotFound, ServiceError
from pos_app.services.mutations import order_voided
from pos_app.services.staff import StaffMember


class VoidRefused(ServiceError):
    code = "void_refused"


class VoidService:
    def __init__(self, session_factory: sessionmaker[Session], card_terminal: PaymentTerminal | None = None, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._card_terminal = card_terminal
        self._clock = clock

    def check(self, order_number: str, current_shift_id: uuid.UUID | None) -> Order:
        """The order, if it may be voided now; otherwise a sentence saying why not and what to do."""
        with self._session_factory() as session:
            order_id = order_repository.find_order_id(session, order_number)
            order = order_repository.load_order(session, order_id) if order_id else None
            if order is None:
                raise OrderNotFound(order_number)
            status, shift_id = order_repository.order_state(session, order.order_id)
            refunded = order_repository.refunded_quantities(session, order.order_id)
        if status == "voided":
            raise VoidRefused("void_refused.already", order_number=order_number)
        if refunded or status != "completed":
            raise VoidRefused("void_refused.refunded", order_number=order_number)
        if current_shift_id is None or shift_id != current_shift_id:
            raise VoidRefused("void_refused.other_shift", order_number=order_number)
        return order

    def void(self, order_number: str, *, staff: StaffMember, approver: StaffMember | None,
             current_shift_id: uuid.UUID | None, reason: str | None = None) -> Order:
        if not can_supervise(staff.role) and (approver is None or not can_supervise(approver.role)):
            raise NotPermitted("not_permitted.void")
        order = self.check(order_number, current_shift_id)
        self._reverse_cards(order)
        now = self._clock()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            order_repository.save_void(session, order, staff_id=staff.id, reason=reason, now=now)
            mutation_id = enqueue_mutation(session, order_voided(
                order, staff_id=staff.id, approved_by=approver.id if approver else None, reason=reason, now=now))
            order_repository.add_inventory_transactions(
                session, void_inventory_deltas(order), store_id=order.store_id, reference_type="order",
                reference_id=order.order_id, staff_id=staff.id, mutation_id=mutation_id, now=now,
            )
            append_audit(session, "order.voided", staff_id=staff.id, store_id=order.store_id,
                         approved_by=approver.id if approver else None, entity_type="order",
                         entity_id=order.order_number,
                         details={"total_cents": order.total_amount.cents, "reason": reason})
            uow.commit()
        return order

    def _reverse_cards(self, order: Order) -> None:
        cards = [t.approval for t in order.tenders if isinstance(t, CardTender)]
        if cards and self._card_terminal is None:
            raise VoidRefused("void_refused.card_no_terminal")
        reversed_amounts: list[Money] = []
        for approval in cards:
            assert self._card_terminal is not None
            result = self._card_terminal.void(approval.reference)
            if result.status is not PaymentStatus.VOIDED:
                detail = result.message or result.status.value
                raise VoidRefused(_refusal(approval.amount, detail, reversed_amounts))
            reversed_amounts.append(approval.amount)


def _refusal(amount: Money, detail: str, reversed_amounts: list[Money]) -> Message:
    if not reversed_amounts:
        return Message("void_refused.not_reversed", amount=amount, detail=detail)
    # Asking the terminal again to reverse a payment it already reversed answers "voided" and moves no money.
    return Message("void_refused.partly_reversed", amount=amount, detail=detail, done=Amounts(reversed_amounts))
