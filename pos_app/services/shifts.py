"""Shifts at one till: open with a counted float, drops and paid-outs, the X report, and closing with a Z.

A shift is a ``cash_sessions`` row per terminal number; at most one is open at a time. Sales are tied to it by
``SaleService.cash_session_id``, which the caller sets from ``open_shift`` or ``current()``. Closing writes the
closed row, its audit entry and the ``shift.closed.v1`` outbox row in one transaction.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.card_settlement import CardBatchCheck
from pos_app.domain.cash_count import checked_counts, count_total
from pos_app.domain.errors import InvalidAmount
from pos_app.domain.money import Money
from pos_app.domain.shift_report import (
    DROP,
    PAID_OUT,
    ReportKind,
    ShiftFacts,
    ShiftReport,
    build_shift_report,
    variance_needs_approval,
)
from pos_app.persistence import shift_repository as shifts
from pos_app.persistence.audit import append_audit
from pos_app.persistence.models import CashSession
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.store_repository import staff_by_id, store_settings, store_zone
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import CashMovementRefused, NoOpenShift, ShiftAlreadyOpen, VarianceNeedsManager
from pos_app.services.mutations import shift_closed
from pos_app.services.staff import StaffMember, is_manager, staff_member_from
from pos_app.services.terminal import TerminalContext

__all__ = ["ShiftInfo", "ShiftReport", "ShiftService", "VarianceNeedsManager"]

log = logging.getLogger(__name__)

DEFAULT_VARIANCE_LIMIT_CENTS = 500
MAX_REASON = 200
MOVEMENT_ACTIONS = {DROP: "shift.cash_drop", PAID_OUT: "shift.paid_out"}


@dataclass(frozen=True)
class ShiftInfo:
    id: uuid.UUID
    opened_by: StaffMember | uuid.UUID  # the id alone when the staff member is no longer on this terminal
    opened_at: datetime
    opening_float: Money
    status: str


class ShiftService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._context = context
        self._clock = clock

    def current(self) -> ShiftInfo | None:
        with self._session_factory() as session:
            row = self._open_row(session)
            return None if row is None else self._info(session, row)

    def open_shift(self, staff: StaffMember, counts: Mapping[str, int]) -> ShiftInfo:
        counts = checked_counts(counts)
        now = self._clock()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            existing = self._open_row(session)
            if existing is not None:
                info = self._info(session, existing)
                who = info.opened_by.name if isinstance(info.opened_by, StaffMember) else "someone"
                at = existing.opened_at.astimezone(store_zone(session))
                raise ShiftAlreadyOpen("shift_already_open.by", who=who, at=f"{at:%H:%M}")
            row = shifts.add_cash_session(
                session, store_id=self._context.store_id, terminal_no=self._context.terminal_no,
                opened_by=staff.id, opened_at=now, opening_float=count_total(counts), opening_counts=counts,
            )
            self._audit(session, "shift.opened", staff, row, {"opening_float_cents": count_total(counts).cents})
            info = self._info(session, row)
            uow.commit()
        log.info("Shift %s opened by staff %s", info.id, staff.staff_code)
        return info

    def cash_drop(self, staff: StaffMember, amount: Money, reason: str | None = None) -> None:
        self._move_cash(staff, DROP, amount, reason)

    def paid_out(self, staff: StaffMember, amount: Money, reason: str) -> None:
        self._move_cash(staff, PAID_OUT, amount, reason)

    def x_report(self) -> ShiftReport:
        with self._session_factory() as session:
            row = self._require_open(session)
            return self._report(session, row, "X", as_of=self._clock())

    def variance_limit(self) -> Money:
        with self._session_factory() as session:
            return _variance_limit(store_settings(session))

    def close_shift(self, staff: StaffMember, counts: Mapping[str, int], *, approver: StaffMember | None = None,
                    card_batch: CardBatchCheck | None = None, card_batch_problem: str | None = None) -> ShiftReport:
        counts = checked_counts(counts)
        now = self._clock()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = self._require_open(session)
            report = self._report(session, row, "Z", as_of=now, closing_counts=counts, closed_by=staff)
            assert report.variance is not None and report.counted_cash is not None
            approved_by = None
            limit = _variance_limit(store_settings(session))
            if variance_needs_approval(report.variance, limit):
                approved_by = approver if is_manager(approver) else staff if is_manager(staff) else None
                if approved_by is None:
                    raise VarianceNeedsManager(report.variance, limit)
            shifts.close_cash_session(
                row, closed_by=staff.id, closed_at=now, expected=report.expected_cash, counted=report.counted_cash,
                closing_counts=counts, approved_by=approved_by.id if approved_by else None,
            )
            self._audit(session, "shift.closed", staff, row, {
                "expected_cents": report.expected_cash.cents, "counted_cents": report.counted_cash.cents,
                "variance_cents": report.variance.cents,
            }, approved_by=approved_by)
            enqueue_mutation(session, shift_closed(
                report, store_id=row.store_id, opened_by=row.opened_by, closed_by=staff.id,
                opening_counts=row.opening_counts, variance_approved_by=approved_by.id if approved_by else None,
            ))
            uow.commit()
        log.info("Shift %s closed by staff %s, variance %s", report.shift_id, staff.staff_code, report.variance)
        return dataclasses.replace(report, card_batch=card_batch, card_batch_problem=card_batch_problem)

    # --- internals -------------------------------------------------------------------------------------

    def _move_cash(self, staff: StaffMember, kind: str, amount: Money, reason: str | None) -> None:
        label = "drop" if kind == DROP else "paid_out"
        if not isinstance(amount, Money):
            raise InvalidAmount(amount)
        if amount <= Money.zero():
            raise CashMovementRefused(f"cash_movement_refused.{label}_not_positive", zero=Money.zero())
        reason = (reason or "").strip() or None
        if kind == PAID_OUT and reason is None:
            raise CashMovementRefused("cash_movement_refused.paid_out_reason")
        if reason is not None and len(reason) > MAX_REASON:
            raise CashMovementRefused("cash_movement_refused.reason_too_long",
                                      length=len(reason), max_reason=MAX_REASON)
        now = self._clock()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = self._require_open(session)
            expected = self._report(session, row, "X", as_of=now).expected_cash
            if amount > expected:
                raise CashMovementRefused(f"cash_movement_refused.{label}_over_drawer", expected=expected,
                                          amount=amount)
            shifts.add_cash_movement(session, row.id, kind=kind, amount=amount, reason=reason, staff_id=staff.id,
                                     now=now)
            self._audit(session, MOVEMENT_ACTIONS[kind], staff, row, {"amount_cents": amount.cents, "reason": reason})
            uow.commit()

    def _open_row(self, session: Session) -> CashSession | None:
        return shifts.open_cash_session(session, self._context.store_id, self._context.terminal_no)

    def _require_open(self, session: Session) -> CashSession:
        row = self._open_row(session)
        if row is None:
            raise NoOpenShift()
        return row

    def _info(self, session: Session, row: CashSession) -> ShiftInfo:
        user = staff_by_id(session, row.opened_by)
        return ShiftInfo(id=row.id, opened_by=staff_member_from(user) if user else row.opened_by,
                         opened_at=row.opened_at, opening_float=Money.of(row.opening_float), status=row.status)

    def _report(self, session: Session, row: CashSession, kind: ReportKind, *, as_of: datetime,
                closing_counts: Mapping[str, int] | None = None, closed_by: StaffMember | None = None) -> ShiftReport:
        opened_by = self._info(session, row).opened_by
        facts = ShiftFacts(
            shift_id=row.id, terminal_no=row.terminal_no, opened_at=row.opened_at,
            opened_by=opened_by.name if isinstance(opened_by, StaffMember) else str(opened_by),
            opening_float=Money.of(row.opening_float), closed_by=closed_by.name if closed_by else None,
        )
        return build_shift_report(
            kind, facts, shifts.order_facts(session, row.id), shifts.refund_facts(session, row.opened_at, as_of),
            shifts.movement_facts(session, row.id), as_of=as_of, closing_counts=closing_counts,
        )

    def _audit(self, session: Session, action: str, staff: StaffMember, row: CashSession, details: dict, *,
               approved_by: StaffMember | None = None) -> None:
        append_audit(session, action, staff_id=staff.id, store_id=self._context.store_id,
                     approved_by=approved_by.id if approved_by else None, entity_type="cash_session",
                     entity_id=str(row.id), details=details)


def _variance_limit(settings: Mapping) -> Money:
    """``cash_variance_limit_cents``; the hub's ``cash_variance_limit`` in dollars ("10.00") is read too."""
    try:
        if "cash_variance_limit_cents" in settings:
            return abs(Money.from_cents(int(settings["cash_variance_limit_cents"])))
        if "cash_variance_limit" in settings:
            return abs(Money.of(str(settings["cash_variance_limit"])))
    except (TypeError, ValueError):
        log.warning("The store's cash variance limit is not a number; using the default")
    return Money.from_cents(DEFAULT_VARIANCE_LIMIT_CENTS)
