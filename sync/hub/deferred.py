"""Deferred mutations: pushed by a terminal newer than this hub, kept with their args and hash, applied later.

The push stores a name the hub has no handler for as `deferred` and moves the LMID past it, so the terminal's
queue never waits for the hub's upgrade. Once the hub knows the name (it runs at start, and in
`pos-hub db maintain`), each client's deferred mutations are applied in id order, each in its own savepoint:
applied, or rejected with its code like any other. A client's mutations after one the hub still does not know
keep waiting behind it, so they are never applied out of order among themselves.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from sync.hub.database import Database
from sync.hub.handlers import Context, knows
from sync.hub.inventory import deferred_levels
from sync.hub.models import SyncClient, SyncMutation
from sync.hub.sync_service import apply_carefully

DEFERRED = "deferred"
log = logging.getLogger(__name__)


@dataclass
class DeferredRun:
    applied: int = 0
    rejected: int = 0
    waiting: int = 0


def apply_deferred(db: Database) -> DeferredRun:
    """Apply every deferred mutation the hub now knows, client by client, each client in one transaction."""
    run = DeferredRun()
    for client_id, ready in _clients_with_deferred(db).items():
        if ready:
            _apply_client(db, client_id, run)
        else:
            run.waiting += _count(db, client_id)
    if run.applied or run.rejected:
        log.info("Deferred mutations: %d applied, %d rejected, %d still waiting.", run.applied, run.rejected,
                 run.waiting)
    return run


def _clients_with_deferred(db: Database) -> dict[uuid.UUID, bool]:
    """Each client with deferred mutations, and whether the hub knows the first of them (so work can start)."""
    with db.read() as session:
        rows = session.execute(select(SyncMutation.client_id, SyncMutation.name)
                               .where(SyncMutation.status == DEFERRED)
                               .order_by(SyncMutation.client_id, SyncMutation.mutation_id)).all()
    first: dict[uuid.UUID, bool] = {}
    for client_id, name in rows:
        first.setdefault(client_id, knows(name))
    return first


def _count(db: Database, client_id: uuid.UUID) -> int:
    with db.read() as session:
        return len(session.scalars(select(SyncMutation.mutation_id).where(
            SyncMutation.client_id == client_id, SyncMutation.status == DEFERRED)).all())


def _apply_client(db: Database, client_id: uuid.UUID, run: DeferredRun) -> None:
    with db.write() as session, deferred_levels(session):
        # The client's row lock: a push of the same client waits until its deferred mutations are settled.
        client = session.scalars(select(SyncClient).where(SyncClient.client_id == client_id).with_for_update()
                                 .execution_options(populate_existing=True)).one()
        rows = session.scalars(select(SyncMutation).where(
            SyncMutation.client_id == client_id, SyncMutation.status == DEFERRED)
            .order_by(SyncMutation.mutation_id)).all()
        for index, row in enumerate(rows):
            if not knows(row.name):
                run.waiting += len(rows) - index
                return
            ctx = Context(client.tenant_id, row.store_id, client.terminal_id, client.client_id, row.mutation_id)
            rejection = apply_carefully(session, ctx, row.name, row.args)
            if rejection is None:
                row.status, row.code, row.message = "applied", None, None
                run.applied += 1
            else:
                row.status, row.code, row.message = "rejected", rejection.code, rejection.message[:500]
                run.rejected += 1
