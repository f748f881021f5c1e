"""What the console's audit and age-check pages list, paged and filtered on the server; the admin API lists the
same rows. An age check is shown by method, result and staff member: never an ID number, nor its hash."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from sync.hub.models import AgeVerificationLog, AuditLog, Terminal, User
from sync.hub.store_time import day_bounds

PAGE = 50


@dataclass(frozen=True)
class AuditFilter:
    staff_id: uuid.UUID | None = None
    action: str = ""
    terminal_id: uuid.UUID | None = None
    since: date | None = None  # store-local days, both included
    until: date | None = None


@dataclass(frozen=True)
class ChainBadge:
    """A terminal's chain as checked when each entry arrived: intact, or the first entry that did not link."""

    terminal_id: uuid.UUID
    terminal_name: str
    entries: int
    first_broken_seq: int | None

    @property
    def intact(self) -> bool:
        return self.first_broken_seq is None


def _between(column, since: date | None, until: date | None, zone: ZoneInfo) -> list:
    conditions = []
    if since is not None:
        conditions.append(column >= day_bounds(since, zone)[0])
    if until is not None:
        conditions.append(column < day_bounds(until, zone)[1])
    return conditions


def audit_query(store_id: uuid.UUID, wanted: AuditFilter, zone: ZoneInfo) -> Select:
    query = select(AuditLog).where(AuditLog.store_id == store_id,
                                   *_between(AuditLog.created_at, wanted.since, wanted.until, zone))
    if wanted.staff_id is not None:
        query = query.where((AuditLog.staff_id == wanted.staff_id) | (AuditLog.approved_by == wanted.staff_id))
    if wanted.action:
        query = query.where(AuditLog.action.startswith(wanted.action.strip(), autoescape=True))
    if wanted.terminal_id is not None:
        query = query.where(AuditLog.terminal_id == wanted.terminal_id)
    return query.order_by(AuditLog.created_at.desc(), AuditLog.seq.desc())


def chain_badges(session: Session, store_id: uuid.UUID) -> list[ChainBadge]:
    rows = session.execute(
        select(AuditLog.terminal_id, Terminal.name, func.count(),
               func.min(case((AuditLog.chain_ok.is_(False), AuditLog.seq))))
        .join(Terminal, Terminal.id == AuditLog.terminal_id).where(AuditLog.store_id == store_id)
        .group_by(AuditLog.terminal_id, Terminal.name).order_by(Terminal.name))
    return [ChainBadge(terminal_id, name, count, broken) for terminal_id, name, count, broken in rows]


def actions(session: Session, store_id: uuid.UUID) -> list[str]:
    return list(session.scalars(select(AuditLog.action).where(AuditLog.store_id == store_id).distinct()
                                .order_by(AuditLog.action)))


def age_checks_query(store_id: uuid.UUID, *, result: str = "", since: date | None = None,
                     until: date | None = None, zone: ZoneInfo) -> Select:
    query = select(AgeVerificationLog.created_at, AgeVerificationLog.terminal_id, AgeVerificationLog.staff_id,
                   AgeVerificationLog.method, AgeVerificationLog.result, AgeVerificationLog.customer_age,
                   AgeVerificationLog.min_age, AgeVerificationLog.failure_reason).where(
        AgeVerificationLog.store_id == store_id,
        *_between(AgeVerificationLog.created_at, since, until, zone))
    if result:
        query = query.where(AgeVerificationLog.result == result)
    return query.order_by(AgeVerificationLog.created_at.desc())


def names(session: Session, staff_ids: set[uuid.UUID | None], terminal_ids: set[uuid.UUID | None]) -> dict:
    """Display names for the staff and terminals a page shows, in two queries (not one per row)."""
    found: dict[uuid.UUID, str] = {}
    staff = {i for i in staff_ids if i}
    if staff:
        for user_id, first, last, code in session.execute(
                select(User.id, User.first_name, User.last_name, User.staff_code).where(User.id.in_(staff))):
            found[user_id] = " ".join(part for part in (first, last) if part) or code
    terminals = {i for i in terminal_ids if i}
    if terminals:
        found.update(session.execute(select(Terminal.id, Terminal.name).where(Terminal.id.in_(terminals))).all())
    return found


def staff_of_store(session: Session, store_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """The staff who appear in the store's audit trail, for the filter."""
    ids = select(AuditLog.staff_id).where(AuditLog.store_id == store_id, AuditLog.staff_id.is_not(None)).distinct()
    rows = session.execute(select(User.id, User.first_name, User.last_name, User.staff_code)
                           .where(User.id.in_(ids)).order_by(User.first_name, User.last_name))
    return [(user_id, " ".join(p for p in (first, last) if p) or code) for user_id, first, last, code in rows]


def page_of(session: Session, query: Select, page: int) -> tuple[list, bool]:
    rows = list(session.execute(query.limit(PAGE + 1).offset((page - 1) * PAGE)))
    return rows[:PAGE], len(rows) > PAGE

