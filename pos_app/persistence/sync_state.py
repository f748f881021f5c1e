"""The single ``sync_state`` row: terminal identity and the counters that must never go backwards."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from pos_app.persistence.models import SyncState
from pos_app.persistence.types import utcnow


def ensure_sync_state(session: Session) -> SyncState:
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1)
        session.add(state)
        session.flush()
    return state


def take_receipt_seq(session: Session) -> int:
    state = ensure_sync_state(session)
    seq = state.next_receipt_seq
    state.next_receipt_seq = seq + 1
    session.flush()
    return seq


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
