"""Staff on every terminal: `staff.locked.v1`, `staff.unlocked.v1` and `staff.pin_changed.v1`.

A terminal that locks a staff member after too many wrong PINs tells the hub, and the hub locks that member on
every terminal of the tenant through the feed. A manager's unlock travels the same way. `unlocks` counts the
unlocks a staff row has had: a terminal takes the hub's (lower) failure count and lock only from a row that has
seen more unlocks than its own, so a stale or re-sent row never opens a lock (see `pos_app.persistence.replica`).

A cashier who replaced the temporary PIN a manager set sends only the new PIN's hash (argon2 over an HMAC with the
tenant's pepper, as every PIN hash on the hub and its terminals); the PIN itself never leaves the register's PIN
pad. ``replaces_hash`` is the temporary PIN's hash the register checked: if a manager has reset the PIN again
since, the hub keeps the manager's. What a PIN must be is `sync.pin_policy`.
"""

from __future__ import annotations

import uuid

from pydantic import Field, model_serializer

from sync.mutations.base import MutationArgs, WireTime


class StaffLockedV1(MutationArgs):
    staff_id: uuid.UUID
    failed_login_attempts: int = Field(ge=1)
    locked_until: WireTime
    locked_at: WireTime | None = Field(default=None, description="The terminal's clock, for reports only.")
    unlocks: int | None = Field(default=None, ge=0, description=(
        "The staff row's unlock count on the terminal when it locked: a lock that reaches the hub after a later "
        "unlock (a manager's, at the console or another register) is not applied. Left out when unknown."))

    @model_serializer(mode="wrap")
    def _leave_out_unknown_unlocks(self, handler):
        data = handler(self)
        if self.unlocks is None:
            data.pop("unlocks", None)  # sent as before the field existed: the same hash
        return data


class StaffUnlockedV1(MutationArgs):
    staff_id: uuid.UUID
    unlocked_by: uuid.UUID = Field(description="The manager or admin who entered their PIN.")
    unlocks: int = Field(ge=1, description="The staff row's unlock count once this unlock is made.")
    unlocked_at: WireTime | None = Field(default=None, description="The terminal's clock, for reports only.")


class StaffPinChangedV1(MutationArgs):
    staff_id: uuid.UUID
    store_id: uuid.UUID | None = None
    pin_hash: str = Field(description="argon2 of HMAC-SHA256(tenant pepper, PIN); never the PIN.")
    replaces_hash: str = Field(description="The temporary PIN's hash the register checked before the change.")
    changed_at: WireTime
