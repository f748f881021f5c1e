"""Staff mutations pushed by terminals: `staff.locked.v1` and `staff.unlocked.v1` (see `sync.hub.lockouts`), and
`staff.pin_changed.v1`, the PIN a cashier chose at a register in place of the temporary one a manager set.

The hub stores the new PIN's hash as the register made it (the tenant's pepper is the same everywhere) and puts the
row in the feed, so every terminal of the staff member's stores takes it. A manager's reset after the one the
register saw wins: the mutation names the temporary hash it replaces.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from sync.hub.feed.record import record_put
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.lockouts import lock_staff, unlock_staff
from sync.hub.models import User
from sync.hub.tenancy import Scope, audit
from sync.mutations import StaffLockedV1, StaffPinChangedV1, StaffUnlockedV1


def _staff(session: Session, ctx: Context, staff_id: uuid.UUID) -> User:
    user = session.get(User, staff_id, with_for_update=True)
    if user is None or user.tenant_id != ctx.tenant_id:
        raise Rejection("unknown_staff", "The hub has no such staff member in this tenant.")
    return user


def staff_locked(session: Session, ctx: Context, args: StaffLockedV1) -> None:
    user = _staff(session, ctx, args.staff_id)
    if args.unlocks is not None and args.unlocks < (user.unlocks or 0):
        return  # locked before an unlock the hub already has: that unlock opened this lock too
    lock_staff(session, user, failed_login_attempts=args.failed_login_attempts, locked_until=args.locked_until)


def staff_unlocked(session: Session, ctx: Context, args: StaffUnlockedV1) -> None:
    manager = _staff(session, ctx, args.unlocked_by)
    if manager.role not in ("manager", "admin"):
        raise Rejection("not_a_manager", "Only a manager or admin can unlock an account.")
    unlock_staff(session, _staff(session, ctx, args.staff_id), via="terminal", by_staff=manager.id,
                 store_id=ctx.store_id, unlocks=args.unlocks)


def pin_changed(session: Session, ctx: Context, args: StaffPinChangedV1) -> None:
    require_own_store(ctx, args.store_id)
    user = session.get(User, args.staff_id, with_for_update=True)
    if user is None or user.tenant_id != ctx.tenant_id or not user.works_in(ctx.store_id):
        raise Rejection("unknown_staff", "The new PIN is for a staff member who does not work in this store.")
    if not user.is_active:
        raise Rejection("inactive_staff", f"Staff {user.staff_code} was deactivated; their new PIN was not kept.")
    if user.pin_hash != args.replaces_hash:
        raise Rejection("pin_reset_again", f"A manager set a new PIN for staff {user.staff_code} after the one "
                                           "this register replaced; the manager's PIN stands.")
    if not args.pin_hash.startswith("$argon2"):
        raise Rejection("invalid_args", "The new PIN arrived as something other than an argon2 hash.")
    user.pin_hash, user.pin_temporary = args.pin_hash, False
    record_put(session, user)
    audit(session, Scope(ctx.tenant_id, via="sync"), "staff.pin_changed", store_id=ctx.store_id, entity=user,
          details={"terminal_id": str(ctx.terminal_id)})
