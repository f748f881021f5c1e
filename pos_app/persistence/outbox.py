"""The transactional outbox (DESIGN §3, §4): writing mutations inside the caller's transaction, and the
sync client's side of it (``SqlOutbox``): batches under wire ids, acks up to the hub's LMID, renewal."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from pos_app.persistence.models import SyncOutbox
from pos_app.persistence.sync_state import ensure_sync_state, take_counter
from pos_app.persistence.types import utcnow
from pos_app.persistence.unit_of_work import UnitOfWork
from sync.canonical import mutation_hash
from sync.client.ports import LocalState
from sync.mutations import MutationArgs, name_of
from sync.protocol import Mutation, MutationResult


def take_mutation_id(session: Session) -> int:
    """Bump the counter row and return the id it held; gap-free because it shares the caller's transaction."""
    return take_counter(session, "next_mutation_id")


def enqueue_mutation(session: Session, mutation: MutationArgs) -> int:
    """Queue one mutation under the name the registry gives its model; returns its mutation id."""
    args = mutation.payload()  # plain JSON values: the stored args are exactly what the hash covers
    mutation_id = take_mutation_id(session)
    # A Core insert: the row is written now, in order, without an ORM object or a flush of the session.
    session.execute(insert(SyncOutbox.__table__).values(
        mutation_id=mutation_id, name=name_of(mutation), args=args, hash=mutation_hash(args)))
    return mutation_id


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.status == "pending"))


def rejected_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.status == "rejected"))


@dataclass(frozen=True)
class RejectedMutation:
    mutation_id: int
    name: str
    code: str | None
    message: str | None
    created_at: datetime
    args: dict[str, Any]


def rejected_mutations(session: Session, limit: int = 500) -> list[RejectedMutation]:
    rows = session.scalars(select(SyncOutbox).where(SyncOutbox.status == "rejected")
                           .order_by(SyncOutbox.mutation_id.desc()).limit(limit))
    return [RejectedMutation(r.mutation_id, r.name, r.result_code, r.result_message, r.created_at, r.args)
            for r in rows]


def _was_rejected(result: MutationResult | None) -> bool:
    # A resend of a rejected id comes back already_applied, with the rejection's code kept by the hub. A deferred
    # one (a name the hub does not know yet) is kept there and applied later: for the terminal it is done.
    if result is None or result.status == "deferred":
        return False
    return result.status == "rejected" or bool(result.code)


class SqlOutbox:
    """``sync.client.ports.OutboxStore`` over the terminal's SQLite file."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def state(self) -> LocalState:
        with self._session_factory() as session:
            state = ensure_sync_state(session)
            local = LocalState(state.client_id, pending_count(session), rejected_count(session),
                               state.last_good_sync_at, state.alert)
            session.commit()
            return local

    def batch(self, limit: int, from_id: int | None = None) -> list[Mutation]:
        with self._session_factory() as session:
            base = ensure_sync_state(session).mutation_id_base
            query = select(SyncOutbox).where(SyncOutbox.mutation_id > base)
            if from_id is None:
                query = query.where(SyncOutbox.status == "pending")
            else:
                query = query.where(SyncOutbox.mutation_id >= base + from_id)
            rows = session.scalars(query.order_by(SyncOutbox.mutation_id).limit(limit)).all()
            # The hash is made again from the stored (canonical) args, so a damaged hash cannot wedge the queue.
            return [Mutation(id=row.mutation_id - base, name=row.name, args=row.args, hash=mutation_hash(row.args))
                    for row in rows]

    def acknowledge(self, client_id: uuid.UUID, last_mutation_id: int, results: Sequence[MutationResult]) -> int:
        by_id = {result.id: result for result in results}
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            state = ensure_sync_state(session)
            if state.client_id != client_id:
                return 0  # renewed while the batch was out; its rows will go again under the new id
            base, now = state.mutation_id_base, utcnow()
            through = base + last_mutation_id
            rows = session.scalars(select(SyncOutbox).where(
                SyncOutbox.mutation_id > base, SyncOutbox.mutation_id <= through, SyncOutbox.status == "pending"))
            count = 0
            for row in rows:
                result = by_id.get(row.mutation_id - base)
                if _was_rejected(result):
                    row.status, row.result_code = "rejected", result.code
                    row.result_message = (result.message or "")[:500] or None
                else:
                    row.status = "applied"
                row.acked_at = now
                count += 1
            state.last_acked_mutation_id = max(state.last_acked_mutation_id, through)
            state.last_push_at = now
            uow.commit()
            return count

    def renew_client_id(self, old_client_id: uuid.UUID, alert: str) -> uuid.UUID:
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            state = ensure_sync_state(session)
            if state.client_id != old_client_id:
                return state.client_id
            first_pending = session.scalar(select(func.min(SyncOutbox.mutation_id))
                                           .where(SyncOutbox.status == "pending"))
            state.mutation_id_base = (first_pending or state.next_mutation_id) - 1
            state.client_id = uuid.uuid4()
            state.pulled_through_mutation_id = 0  # the new client's count on the hub starts at zero
            state.alert, state.alert_at = alert[:500], utcnow()
            uow.commit()
            return state.client_id
