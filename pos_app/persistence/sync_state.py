"""The single ``sync_state`` row: terminal identity and the counters that must never go backwards."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pos_app.persistence.models import SyncState


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
