"""Checking the terminal's hash-chained audit trail (DESIGN §5), for ``pos-app audit verify``."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from pos_app.persistence.audit import AuditChainReport, audit_chain_report


def verify_audit_trail(session_factory: sessionmaker[Session]) -> AuditChainReport:
    """Every entry re-hashed in order; read-only, so it is safe while the terminal sells."""
    with session_factory() as session:
        return audit_chain_report(session)
