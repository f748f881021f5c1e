"""Writing mutations to the transactional outbox, inside the caller's transaction (DESIGN §3, §4)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos_app.domain.outbox import canonical_json, mutation_hash
from pos_app.persistence.models import SyncOutbox, SyncState
from pos_app.persistence.sync_state import ensure_sync_state


def take_mutation_id(session: Session) -> int:
    """Bump the counter row and return the id it held; gap-free because it shares the caller's transaction."""
    ensure_sync_state(session)
    taken = session.execute(
        update(SyncState)
        .where(SyncState.id == 1)
        .values(next_mutation_id=SyncState.next_mutation_id + 1)
        .returning(SyncState.next_mutation_id - 1)
    ).scalar_one()
    return int(taken)


def enqueue_mutation(session: Session, name: str, args: dict[str, Any]) -> int:
    # Round-trip through canonical JSON so the stored args are exactly what the hash covers.
    canonical = canonical_json(args)
    mutation_id = take_mutation_id(session)
    session.add(
        SyncOutbox(mutation_id=mutation_id, name=name, args=json.loads(canonical), hash=mutation_hash(args))
    )
    session.flush()
    return mutation_id


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.status == "pending"))
