"""The audit trail is a hash chain: an edited or removed entry is found, and each entry is queued for the hub."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from pos_app.persistence.audit import append_audit, verify_audit_chain
from pos_app.persistence.models import AuditLog, SyncOutbox
from pos_app.persistence.unit_of_work import UnitOfWork
from tests.integration.helpers import staff


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
        session.execute(delete(AuditLog).where(AuditLog.seq == 2))
        session.commit()
        assert verify_audit_chain(session) == 3
