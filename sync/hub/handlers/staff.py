"""Lockouts pushed by terminals: `staff.locked.v1` and `staff.unlocked.v1` (see `sync.hub.lockouts`)."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from sync.hub.handlers.base import Context, Rejection
from sync.hub.lockouts import lock_staff, unlock_staff
from sync.hub.models import User
from sync.mutations import StaffLockedV1, StaffUnlockedV1


def _staff(session: Session, ctx: Context, staff_id: uuid.UUID) -> User:
    user = session.get(User, staff_id, with_for_update=True)
    if user is None or user.tenant_id != ctx.tenant_id:
        raise Rejection("unknown_staff", "The hub has no such staff member in this tenant.")
    return user


def staff_locked(session: Session, ctx: Context, args: StaffLockedV1) -> None:
    lock_staff(session, _staff(session, ctx, args.staff_id), failed_login_attempts=args.failed_login_attempts,
               locked_until=args.locked_until)


def staff_unlocked(session: Session, ctx: Context, args: StaffUnlockedV1) -> None:
    manager = _staff(session, ctx, args.unlocked_by)
    if manager.role not in ("manager", "admin"):
        raise Rejection("not_a_manager", "Only a manager or admin can unlock an account.")
    unlock_staff(session, _staff(session, ctx, args.staff_id), via="terminal", by_staff=manager.id,
                 store_id=ctx.store_id, unlocks=args.unlocks)
