"""`staff.pin_changed.v1`: a cashier replaced the temporary PIN a manager set, at a register.

Only the new PIN's hash travels (argon2 over an HMAC with the tenant's pepper, as every PIN hash on the hub and
its terminals); the PIN itself never leaves the register's PIN pad. ``replaces_hash`` is the temporary PIN's hash
the register checked: if a manager has reset the PIN again since, the hub keeps the manager's.
"""

from __future__ import annotations

import uuid

from pydantic import Field

from sync.mutations.base import MutationArgs, WireTime

MIN_PIN = 4
MAX_PIN = 8


def pin_refusal(pin: str) -> str | None:
    """Why a PIN cannot be used (a sentence), or None: the one rule for the console and the register."""
    if not pin.isdigit() or not pin.isascii():
        return "A PIN is digits only; type it again with digits 0 to 9."
    if len(pin) < MIN_PIN:
        return f"That PIN is too short: use {MIN_PIN} to {MAX_PIN} digits."
    if len(pin) > MAX_PIN:
        return f"That PIN is too long: use {MIN_PIN} to {MAX_PIN} digits."
    if len(set(pin)) == 1:
        return "A PIN of one digit repeated is too easy to guess; choose another."
    return None


class StaffPinChangedV1(MutationArgs):
    staff_id: uuid.UUID
    store_id: uuid.UUID | None = None
    pin_hash: str = Field(description="argon2 of HMAC-SHA256(tenant pepper, PIN); never the PIN.")
    replaces_hash: str = Field(description="The temporary PIN's hash the register checked before the change.")
    changed_at: WireTime
