"""Staff lockouts on the hub: a lock reported by one terminal, or a manager's unlock, for every terminal.

The hub's `users` row is what every terminal of the tenant pulls, so changing it here (and feeding it) locks or
unlocks that staff member everywhere. A lock only ever makes the row stricter; an unlock clears it and counts
itself in ``unlocks``, the one thing that lets a terminal take a lower failure count from the feed. Each unlock is
in the hub's audit trail. The console's unlock calls `unlock_staff` too.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from sync.hub.feed.record import record_put
from sync.hub.models import HubAudit, User


def lock_staff(session: Session, user: User, *, failed_login_attempts: int, locked_until: datetime) -> None:
    """Keep the stricter of the hub's state and the reported lock: more failures, the later end."""
    user.failed_login_attempts = max(user.failed_login_attempts or 0, failed_login_attempts)
    if user.locked_until is None or user.locked_until < locked_until:
        user.locked_until = locked_until
    record_put(session, user)


def unlock_staff(session: Session, user: User, *, via: str, by_staff: uuid.UUID | None = None,
                 by_console_user: uuid.UUID | None = None, store_id: uuid.UUID | None = None,
                 unlocks: int | None = None) -> None:
    """Open the lock on every terminal: no failures, no lock, one more unlock (at least `unlocks`), audited."""
    was_locked = user.locked_until is not None
    user.failed_login_attempts, user.locked_until = 0, None
    user.unlocks = max((user.unlocks or 0) + 1, unlocks or 0)
    record_put(session, user)
    details = {"staff_code": user.staff_code, "was_locked": was_locked, "unlocks": user.unlocks}
    if by_staff is not None:
        details["by_staff_id"] = str(by_staff)
    session.add(HubAudit(tenant_id=user.tenant_id, store_id=store_id or user.store_id, user_id=by_console_user,
                         via=via, action="staff.unlocked", entity_type="staff", entity_id=str(user.id),
                         details=details))
