"""Merging pulled staff rows with the terminal's own PIN lockouts, so a resync or a re-sent row never opens a lock.

A terminal counts wrong PINs and locks on its own, offline; the hub's copy of a staff row learns of a lock only
when the terminal pushes it (`staff.locked.v1`). Pulling a row therefore keeps the stricter of the two states: the
higher failure count and the later lock. The one way down is a manager's unlock, which the hub counts in
``unlocks``: a row that has seen more unlocks than the terminal's copy is taken as it is. A row with fewer is older
than an unlock made here and not yet applied by the hub, so the terminal keeps its own (unlocked) state.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class LockState:
    failed_login_attempts: int
    locked_until: datetime | None
    unlocks: int


def staff_locks(conn: Connection, users: Table) -> dict[uuid.UUID, LockState]:
    """Every staff row's lockout state, read before a page replaces the rows."""
    rows = conn.execute(select(users.c.id, users.c.failed_login_attempts, users.c.locked_until, users.c.unlocks))
    return {row.id: LockState(row.failed_login_attempts or 0, row.locked_until, row.unlocks or 0) for row in rows}


def stricter(local: LockState, pulled: LockState) -> LockState:
    """What a staff row's lockout becomes when `pulled` arrives over the terminal's `local` state."""
    if pulled.unlocks > local.unlocks:
        return pulled  # a manager unlocked it since: the hub's state (and any lock since) is the truth
    if pulled.unlocks < local.unlocks:
        return local  # unlocked here; the hub has not applied that unlock yet
    ends = [end for end in (local.locked_until, pulled.locked_until) if end is not None]
    return LockState(max(local.failed_login_attempts, pulled.failed_login_attempts), max(ends, default=None),
                     local.unlocks)


def keep_stricter_locks(conn: Connection, users: Table, before: dict[uuid.UUID, LockState]) -> None:
    """After a page's staff rows are written: put back whatever of the terminal's lockouts they would loosen."""
    if not before:
        return
    for user_id, pulled in staff_locks(conn, users).items():
        local = before.get(user_id)
        if local is None:
            continue
        merged = stricter(local, pulled)
        if merged != pulled:
            conn.execute(update(users).where(users.c.id == user_id).values(
                failed_login_attempts=merged.failed_login_attempts, locked_until=merged.locked_until,
                unlocks=merged.unlocks))
