"""The single ``sync_state`` row: terminal identity and the counters that must never go backwards."""

from __future__ import annotations

import uuid
from functools import cache

from sqlalchemy import Update, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from pos_app.persistence.models import SyncState
from pos_app.persistence.types import utcnow


def ensure_sync_state(session: Session) -> SyncState:
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1)
        session.add(state)
        session.flush()
    return state


@cache
def _bump(column: str) -> Update:
    # Built once per counter: a checkout takes two of these, and building the expression costs more than running it.
    table = SyncState.__table__
    return update(table).where(table.c.id == 1).values({column: table.c[column] + 1}).returning(table.c[column])


def take_counter(session: Session, column: str) -> int:
    """Bump one ``next_*`` counter and return the value it held, in one statement of the caller's transaction.

    A single ``UPDATE ... RETURNING`` on the table (not the mapped class) neither reads the row first nor
    autoflushes whatever the caller has pending, which is most of what a checkout used to spend here.
    """
    bumped = session.execute(_bump(column)).scalar_one_or_none()
    if bumped is None:  # a brand-new file has no row yet
        ensure_sync_state(session)
        return take_counter(session, column)
    loaded = session.identity_map.get(session.identity_key(SyncState, 1))
    if loaded is not None:  # keep a row already loaded in this session in step with the database
        set_committed_value(loaded, column, bumped)
    return int(bumped) - 1


def take_receipt_seq(session: Session) -> int:
    return take_counter(session, "next_receipt_seq")


def record_pairing(session: Session, *, hub_url: str, terminal_id: uuid.UUID, store_id: uuid.UUID,
                   terminal_no: int | None) -> bool:
    """Remember the hub and this terminal's place there; True when the store changed (start a new snapshot)."""
    state = ensure_sync_state(session)
    new_store = state.store_id != store_id
    state.hub_url, state.terminal_id, state.store_id = hub_url, terminal_id, store_id
    if terminal_no is not None:
        state.terminal_no = terminal_no
    if new_store:
        state.pull_cursor = None
    return new_store


def forget_pairing(session: Session) -> None:
    state = ensure_sync_state(session)
    state.hub_url = state.terminal_id = None


def set_alert(session: Session, message: str | None) -> None:
    state = ensure_sync_state(session)
    state.alert = None if message is None else message[:500]
    state.alert_at = None if message is None else utcnow()
