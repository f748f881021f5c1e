"""Compliance records on the hub can't be deleted within three years of being written, by anyone."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError

from sync.column_types import utcnow
from sync.hub.models import AgeVerificationLog, AuditLog, OcsInventoryTransaction
from sync.retention import REFUSAL


def _audit_entry(session, terminal) -> uuid.UUID:
    entry = AuditLog(terminal_id=terminal.terminal_id, seq=1, store_id=terminal.store_id, action="sale.completed",
                     prev_hash="0" * 64, entry_hash="1" * 64)
    session.add(entry)
    session.flush()
    return entry.id


def _age_check(session, terminal) -> uuid.UUID:
    check = AgeVerificationLog(store_id=terminal.store_id, method="visual", result="pass", min_age=19)
    session.add(check)
    session.flush()
    return check.id


def _ledger_row(session, terminal) -> uuid.UUID:
    return session.scalar(select(OcsInventoryTransaction.id).where(
        OcsInventoryTransaction.store_id == terminal.store_id).limit(1))


@pytest.mark.parametrize(("model", "make"), [(AuditLog, _audit_entry), (AgeVerificationLog, _age_check),
                                             (OcsInventoryTransaction, _ledger_row)])
def test_a_record_younger_than_three_years_is_refused_with_a_sentence_and_one_older_may_go(world, hub_app, model,
                                                                                              make):
    db, terminal = hub_app.state.db, world.terminals["A2"]
    with db.write() as session:
        young, old = make(session, terminal), None
        if model is not OcsInventoryTransaction:
            old = make(session, world.terminals["A1"] if model is AuditLog else terminal)
            session.execute(update(model).where(model.id == old).values(
                created_at=utcnow() - timedelta(days=3 * 366)))
    with pytest.raises(DatabaseError) as refused, db.write() as session:
        session.execute(delete(model).where(model.id == young))
    assert REFUSAL in str(refused.value)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(model).where(model.id == young)) == 1
    if old is not None:
        with db.write() as session:
            assert session.execute(delete(model).where(model.id == old)).rowcount == 1
