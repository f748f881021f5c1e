"""Signing in at the PIN pad, manager overrides, and unlocking an account (DESIGN §5, Staff).

Wrong PINs are counted in ``users.failed_login_attempts``; the fifth locks the account for a while
(``locked_until``) and tells the hub (`staff.locked.v1`), which locks it on every terminal of the tenant. Only
time or a manager's unlock opens it; the unlock is audited and goes to the hub too (`staff.unlocked.v1`). Pulling
a staff row never loosens a lock (`pos_app.persistence.staff_locks`). Every success, refusal and lock goes to the
audit trail, which never holds a PIN, nor the code typed for an unknown staff member (a PIN keyed into the wrong
field must not end up stored).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from pos_app.i18n.catalog import Message
from pos_app.persistence.audit import append_audit
from pos_app.persistence.kiosk_tickets import local_version
from pos_app.persistence.models import User
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.store_repository import active_staff, staff_by_code, store_zone
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import (
    NewPinNeeded,
    NewPinRefused,
    NotPermitted,
    OverrideRefused,
    SignInRefused,
    StaffNotFound,
)
from pos_app.services.mutations import staff_locked, staff_pin_changed, staff_unlocked
from pos_app.services.pin_rules import pin_refusal
from pos_app.services.pins import hash_pin, pin_matches
from pos_app.services.staff import StaffMember, is_manager, staff_member_from
from pos_app.services.terminal import TerminalContext
from sync.staff_rules import works_in

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Check:
    """The outcome of checking a staff code and PIN: the member, or why not (a sentence and a reason code)."""

    member: StaffMember | None
    refusal: str = ""
    reason: str = ""


class LoginService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        context: TerminalContext,
        pepper: str,
        *,
        clock: Clock = utc_clock,
        max_failures: int = 5,
        lock_minutes: int = 15,
    ) -> None:
        self._session_factory = session_factory
        self._context = context
        self._pepper = pepper
        self._clock = clock
        self._max_failures = max_failures
        self._lock = timedelta(minutes=lock_minutes)

    def sign_in_choices(self) -> list[StaffMember]:
        """Active staff for the PIN pad's name buttons, by name."""
        with self._session_factory() as session:
            members = [staff_member_from(user) for user in active_staff(session) if self._works_here(user)]
        return sorted(members, key=lambda m: (m.name.casefold(), m.staff_code))

    def sign_in(self, staff_code: str, pin: str) -> StaffMember:
        """The member for a right PIN; `NewPinNeeded` when a manager set it (then `choose_new_pin`)."""
        uow = UnitOfWork(self._session_factory)
        temporary = False
        with uow as session:
            check = self._check(session, staff_code, pin, purpose={})
            if check.member is not None:
                user = staff_by_code(session, check.member.staff_code)
                assert user is not None
                temporary = user.pin_temporary
                if temporary:
                    self._audit(session, "staff.new_pin_asked", check.member)
                else:
                    user.last_login = self._clock()
                    self._audit(session, "staff.signed_in", check.member)
            uow.commit()
        if check.member is None:
            raise SignInRefused(check.refusal)
        if temporary:
            raise NewPinNeeded(check.member)
        log.info("Staff %s signed in", check.member.staff_code)
        return check.member

    def new_pin_refusal(self, staff_code: str, pin: str) -> str | None:
        """Why a new PIN cannot be used by this staff member, before it is typed a second time (the hub's rule
        too: `sync.pin_policy`; an unknown code gets the strictest)."""
        with self._session_factory() as session:
            user = staff_by_code(session, staff_code)
            return pin_refusal(pin or "", user.role if user is not None else "admin")

    def choose_new_pin(self, staff_code: str, temporary_pin: str, new_pin: str, again: str) -> StaffMember:
        """Replace a temporary PIN with the cashier's own (typed twice) and sign in. The new PIN's hash goes to the
        hub (`staff.pin_changed.v1`), which passes it to every terminal of the staff member's stores."""
        refusal = None
        if new_pin != again:
            refusal = Message("new_pin_refused.mismatch")
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            check = self._check(session, staff_code, temporary_pin, purpose={"for": "new_pin"})
            user = staff_by_code(session, check.member.staff_code) if check.member else None
            if user is not None:
                refusal = pin_refusal(new_pin or "", user.role) or refusal
            if user is not None and not user.pin_temporary:
                refusal = Message("new_pin_refused.already_own")
            if user is not None and refusal is None and pin_matches(user.pin_hash, new_pin, self._pepper):
                refusal = Message("new_pin_refused.same_as_given")
            if user is not None and refusal is None:
                old_hash, user.pin_hash = user.pin_hash, hash_pin(new_pin, self._pepper)
                user.pin_temporary, user.last_login = False, self._clock()
                mutation_id = enqueue_mutation(session, staff_pin_changed(
                    staff_id=user.id, store_id=self._context.store_id, pin_hash=user.pin_hash,
                    replaces_hash=old_hash, changed_at=self._clock()))
                user.version = local_version(mutation_id)  # the hub's older copy does not undo it meanwhile
                self._audit(session, "staff.pin_changed", check.member)
                self._audit(session, "staff.signed_in", check.member)
            uow.commit()
        if check.member is None:
            raise SignInRefused(check.refusal)
        if refusal is not None:
            raise NewPinRefused(refusal)
        log.info("Staff %s chose a new PIN and signed in", check.member.staff_code)
        return check.member

    def verify_override(self, staff_code: str, pin: str, *, action: str) -> StaffMember:
        """A manager's or admin's PIN approving one action on someone else's screen."""
        details = {"action": action}
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            check = self._check(session, staff_code, pin, purpose=details)
            member = check.member
            if member is not None and not is_manager(member):
                check = _Check(None, Message("override_refused.role", name=member.name,
                                             role=Message(f"role.{member.role.value}")), "not_a_manager")
            if check.member is None:
                self._audit(session, "override.refused", member, details={**details, "reason": check.reason})
            else:
                self._audit(session, "override.approved", member, approved_by=member, details=details)
            uow.commit()
        if check.member is None:
            raise OverrideRefused(check.refusal)
        return check.member

    def sign_out(self, staff: StaffMember) -> None:
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            self._audit(session, "staff.signed_out", staff)
            uow.commit()
        log.info("Staff %s signed out", staff.staff_code)

    def unlock(self, staff_code: str, *, by: StaffMember) -> None:
        if not is_manager(by):
            raise NotPermitted("not_permitted.unlock")
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            user = staff_by_code(session, staff_code.strip())
            if user is None:
                raise StaffNotFound(staff_code.strip())
            now = self._clock()
            was_locked = user.locked_until is not None and user.locked_until > now
            user.failed_login_attempts, user.locked_until = 0, None
            user.unlocks = (user.unlocks or 0) + 1  # the hub's row takes over again once it has this unlock
            self._audit(session, "staff.unlocked", by, entity_id=user.staff_code, approved_by=by,
                        details={"was_locked": was_locked})
            enqueue_mutation(session, staff_unlocked(user.id, by=by.id, unlocks=user.unlocks, now=now))
            uow.commit()

    # --- checking a code and PIN (inside the caller's transaction, so a failure is counted even if refused) ---

    def _check(self, session: Session, staff_code: str, pin: str, *, purpose: dict[str, Any]) -> _Check:
        code = (staff_code or "").strip()
        user = staff_by_code(session, code) if code else None
        if user is None or not user.is_active:
            self._audit(session, "staff.sign_in_failed", None, entity_id=None,
                        details={**purpose, "reason": "unknown_code" if user is None else "inactive"})
            if user is None:
                return _Check(None, Message("sign_in_refused.unknown_code" if code else "sign_in_refused.no_code",
                                            code=code), "unknown_code")
            return _Check(None, Message("sign_in_refused.inactive", code=code), "inactive")
        if not self._works_here(user):  # taken off this store on the hub: the row that says so came with a sync
            self._audit(session, "staff.sign_in_failed", None, entity_id=None,
                        details={**purpose, "reason": "other_store"})
            return _Check(None, Message("sign_in_refused.other_store", code=code), "other_store")
        now = self._clock()
        member = staff_member_from(user)
        if user.locked_until is not None and user.locked_until > now:
            self._audit(session, "staff.sign_in_failed", member, details={**purpose, "reason": "locked"})
            return _Check(None, self._locked_sentence(session, user), "locked")
        if user.locked_until is not None:  # the lock has run out: a fresh set of tries
            user.failed_login_attempts, user.locked_until = 0, None
        if not (pin or "").strip():
            return _Check(None, Message("sign_in_refused.no_pin"), "no_pin")
        if pin_matches(user.pin_hash, pin, self._pepper):
            user.failed_login_attempts = 0
            return _Check(member)
        return self._count_failure(session, user, member, now, purpose)

    def _works_here(self, user: User) -> bool:
        return works_in(self._context.store_id, user.store_id, user.store_ids)

    def _count_failure(self, session: Session, user: User, member: StaffMember, now: datetime,
                       purpose: dict[str, Any]) -> _Check:
        user.failed_login_attempts = (user.failed_login_attempts or 0) + 1
        failures = user.failed_login_attempts
        self._audit(session, "staff.sign_in_failed", member,
                    details={**purpose, "reason": "wrong_pin", "failures": failures})
        log.warning("Wrong PIN for staff %s (%d of %d)", user.staff_code, failures, self._max_failures)
        if failures >= self._max_failures:
            user.locked_until = now + self._lock
            self._audit(session, "staff.locked", member,
                        details={"failures": failures, "until": user.locked_until.isoformat()})
            # Every terminal of the tenant locks this member too, once the hub has it.
            enqueue_mutation(session, staff_locked(user.id, failures, user.locked_until, now=now,
                                                    unlocks=user.unlocks or 0))
            log.warning("Staff %s is locked until %s", user.staff_code, user.locked_until.isoformat())
            return _Check(None, self._locked_sentence(session, user), "locked")
        left = self._max_failures - failures
        return _Check(None, Message("sign_in_refused.wrong_pin_last" if left == 1 else "sign_in_refused.wrong_pin",
                                    left=left), "wrong_pin")

    def _locked_sentence(self, session: Session, user: User) -> Message:
        assert user.locked_until is not None
        unlocks = user.locked_until.astimezone(store_zone(session))
        return Message("sign_in_refused.locked", failures=self._max_failures, unlocks=f"{unlocks:%H:%M}")

    def _audit(self, session: Session, action: str, member: StaffMember | None, *, entity_id: str | None = "",
               approved_by: StaffMember | None = None, details: dict[str, Any] | None = None) -> None:
        append_audit(
            session, action, staff_id=member.id if member else None, store_id=self._context.store_id,
            approved_by=approved_by.id if approved_by else None, entity_type="staff",
            entity_id=(member.staff_code if member else None) if entity_id == "" else entity_id,
            details=details,
        )
