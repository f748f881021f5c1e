"""The audit trail is a hash chain: an edited or removed entry is found (also by `pos-app audit verify`), and each
entry is queued for the hub."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError

from pos_app.cli import main
from pos_app.persistence.audit import append_audit, verify_audit_chain
from pos_app.persistence.models import AuditLog, SyncOutbox
from pos_app.persistence.unit_of_work import UnitOfWork
from sync.column_types import utcnow
from sync.retention import REFUSAL
from tests.integration.helpers import staff
from tests.retention import retention_guard_lifted


def _three_entries(terminal):
    manager = staff(terminal, "2001")
    uow = UnitOfWork(terminal.session_factory)
    with uow as session:
        for action in ("login", "drawer.no_sale", "override.approved"):
            append_audit(session, action, staff_id=manager.id, details={"note": action})
        uow.commit()


def test_an_intact_trail_verifies_and_every_entry_has_its_outbox_row(terminal):
    _three_entries(terminal)
    with terminal.session_factory() as session:
        assert verify_audit_chain(session) is None
        names = session.scalars(select(SyncOutbox.name)).all()
    assert names == ["audit.logged.v1"] * 3


def test_an_edited_entry_breaks_the_chain_at_that_entry(terminal):
    _three_entries(terminal)
    with terminal.session_factory() as session:
        session.execute(update(AuditLog).where(AuditLog.seq == 2).values(details={"note": "nothing to see"}))
        session.commit()
        assert verify_audit_chain(session) == 2


def test_a_removed_entry_breaks_the_chain_after_the_gap(terminal):
    _three_entries(terminal)
    with terminal.session_factory() as session:
        with retention_guard_lifted(session, "audit_log"):
            session.execute(delete(AuditLog).where(AuditLog.seq == 2))
        session.commit()
        assert verify_audit_chain(session) == 3


def _verify(terminal, capsys) -> tuple[int, str, str]:
    folder = terminal.settings.data_dir
    terminal.close()
    status = main(["audit", "verify", "--data-dir", str(folder)])
    out = capsys.readouterr()
    return status, out.out.strip(), out.err.strip()


def test_audit_verify_counts_an_intact_trail(terminal, capsys):
    with terminal.session_factory() as session:
        before = session.scalar(select(func.count()).select_from(AuditLog))
    _three_entries(terminal)
    status, out, err = _verify(terminal, capsys)
    assert (status, out, err) == (0, f"{before + 3} entries, chain intact.", "")


def test_audit_verify_names_a_tampered_entry_and_fails(terminal, capsys):
    _three_entries(terminal)
    with terminal.session_factory() as session:
        tampered = session.scalar(select(AuditLog).where(AuditLog.action == "drawer.no_sale"))
        session.execute(update(AuditLog).where(AuditLog.id == tampered.id).values(details={"note": "nothing"}))
        session.commit()
        seq = tampered.seq
    status, out, err = _verify(terminal, capsys)
    assert status == 1 and out == ""
    assert err.startswith(f"The audit trail is broken at entry {seq} (drawer.no_sale, ")
    assert "that entry was changed, or one before it was removed" in err


def test_audit_verify_finds_entries_cut_off_the_end(terminal, capsys):
    _three_entries(terminal)
    with terminal.session_factory() as session:
        last = session.scalar(select(func.max(AuditLog.seq)))
        with retention_guard_lifted(session, "audit_log"):
            session.execute(delete(AuditLog).where(AuditLog.seq >= last - 1))
        session.commit()
    status, _, err = _verify(terminal, capsys)
    assert status == 1
    assert f"its last 2 entries, from entry {last - 1}, are missing" in err


def test_an_entry_younger_than_three_years_cannot_be_deleted_even_by_sql(terminal):
    _three_entries(terminal)
    with terminal.session_factory() as session:
        oldest = session.scalar(select(func.min(AuditLog.seq)))
        with pytest.raises(DatabaseError) as refused:
            session.execute(delete(AuditLog).where(AuditLog.seq == oldest))
        session.rollback()
        assert REFUSAL in str(refused.value)
        session.execute(update(AuditLog).where(AuditLog.seq == oldest).values(
            created_at=utcnow() - timedelta(days=3 * 366)))
        assert session.execute(delete(AuditLog).where(AuditLog.seq == oldest)).rowcount == 1, "older: it may go"
        session.rollback()
