"""Appending to the chained ``audit_log``, inside the caller's transaction, with its ``audit.logged.v1``."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.domain.audit_chain import GENESIS_HASH, entry_hash, first_broken_link
from pos_app.persistence.models import AuditLog, SyncState
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.sync_state import take_counter
from pos_app.persistence.types import utcnow
from sync.canonical import canonical_json
from sync.mutations import AuditLoggedV1


def _chained_fields(entry: AuditLog) -> dict[str, Any]:
    return {
        "id": entry.id,
        "seq": entry.seq,
        "action": entry.action,
        "staff_id": entry.staff_id,
        "approved_by": entry.approved_by,
        "entity_type": entry.entity_type,
        "entity_id": entry.entity_id,
        "details": entry.details,
        "created_at": entry.created_at,
    }


def append_audit(
    session: Session,
    action: str,
    *,
    staff_id: uuid.UUID | None,
    store_id: uuid.UUID | None = None,
    approved_by: uuid.UUID | None = None,
    entity_type: str | None = None,
    entity_id: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditLog:
    seq = take_counter(session, "next_audit_seq")
    previous = session.scalar(select(AuditLog.entry_hash).order_by(AuditLog.seq.desc()).limit(1))
    entry = AuditLog(
        id=uuid.uuid4(), seq=seq, store_id=store_id, staff_id=staff_id, approved_by=approved_by,
        action=action, entity_type=entity_type, entity_id=entity_id, details=details or {},
        created_at=utcnow(), prev_hash=previous or GENESIS_HASH,
    )
    entry.entry_hash = entry_hash(entry.prev_hash, _chained_fields(entry))
    session.add(entry)
    enqueue_mutation(session, audit_logged(entry))
    return entry


def audit_logged(entry: AuditLog) -> AuditLoggedV1:
    """The entry as the hub re-checks its chain: every chained field in the exact text its hash covers."""
    chained = json.loads(canonical_json(_chained_fields(entry)))
    return AuditLoggedV1(**chained, store_id=entry.store_id, prev_hash=entry.prev_hash, entry_hash=entry.entry_hash)


def verify_audit_chain(session: Session) -> int | None:
    """The seq of the first entry that breaks the chain, or None when the trail is intact."""
    entries = list(session.scalars(select(AuditLog).order_by(AuditLog.seq)))
    broken = first_broken_link((e.prev_hash, e.entry_hash, _chained_fields(e)) for e in entries)
    return None if broken is None else entries[broken].seq


@dataclass(frozen=True)
class AuditChainReport:
    """What ``pos-app audit verify`` says: how many entries, and the first that breaks the chain, if any."""

    entries: int
    broken_seq: int | None = None
    broken_action: str | None = None  # None when the broken entry is missing rather than changed
    broken_at: datetime | None = None
    missing_at_end: int = 0  # entries the audit counter handed out that are no longer there

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def audit_chain_report(session: Session) -> AuditChainReport:
    entries = list(session.scalars(select(AuditLog).order_by(AuditLog.seq)))
    broken = first_broken_link((e.prev_hash, e.entry_hash, _chained_fields(e)) for e in entries)
    if broken is not None:
        entry = entries[broken]
        return AuditChainReport(len(entries), entry.seq, entry.action, entry.created_at)
    # The chain cannot show entries cut off its end; the counter that numbered them can.
    state = session.get(SyncState, 1)
    handed_out = state.next_audit_seq - 1 if state is not None else 0
    last = entries[-1].seq if entries else 0
    if handed_out > last:
        return AuditChainReport(len(entries), last + 1, missing_at_end=handed_out - last)
    return AuditChainReport(len(entries))
