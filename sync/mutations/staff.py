"""Lockouts that hold on every terminal: `staff.locked.v1` and `staff.unlocked.v1`.

A terminal that locks a staff member after too many wrong PINs tells the hub, and the hub locks that member on
every terminal of the tenant through the feed. A manager's unlock travels the same way. `unlocks` counts the
unlocks a staff row has had: a terminal takes the hub's (lower) failure count and lock only from a row that has
seen more unlocks than its own, so a stale or re-sent row never opens a lock (see `pos_app.persistence.replica`).
"""

from __future__ import annotations

import uuid

from pydantic import Field

from sync.mutations.base import MutationArgs, WireTime


class StaffLockedV1(MutationArgs):
    staff_id: uuid.UUID
    failed_login_attempts: int = Field(ge=1)
    locked_until: WireTime
    locked_at: WireTime | None = Field(default=None, description="The terminal's clock, for reports only.")


class StaffUnlockedV1(MutationArgs):
    staff_id: uuid.UUID
    unlocked_by: uuid.UUID = Field(description="The manager or admin who entered their PIN.")
    unlocks: int = Field(ge=1, description="The staff row's unlock count once this unlock is made.")
    unlocked_at: WireTime | None = Field(default=None, description="The terminal's clock, for reports only.")
