"""The sync_state counters taken in one UPDATE ... RETURNING: gap-free, and right on a fresh file too."""

from __future__ import annotations

from sqlalchemy import delete

from pos_app.persistence.models import SyncState
from pos_app.persistence.sync_state import ensure_sync_state, take_counter, take_receipt_seq


def test_counters_go_up_by_one_and_a_loaded_row_sees_it(terminal):
    with terminal.session_factory() as session:
        state = ensure_sync_state(session)
        first = state.next_receipt_seq
        assert [take_receipt_seq(session) for _ in range(3)] == [first, first + 1, first + 2]
        assert state.next_receipt_seq == first + 3, "the row loaded in this session is kept in step"
        session.commit()
    with terminal.session_factory() as session:
        assert session.get(SyncState, 1).next_receipt_seq == first + 3


def test_a_file_without_the_counter_row_starts_at_one(terminal):
    with terminal.session_factory() as session:
        session.execute(delete(SyncState))
        assert take_counter(session, "next_mutation_id") == 1
        assert take_counter(session, "next_mutation_id") == 2
        assert take_counter(session, "next_audit_seq") == 1
