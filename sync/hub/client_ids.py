"""Client ids bound to their terminal (DESIGN §4): a token pushes and pulls only with its terminal's current
client id. A new one is taken only on the restored-database path: the hub answered 422 to the current id, and
the terminal comes back with a new id, which retires the old one. At most `NEW_CLIENT_IDS_PER_HOUR` a terminal,
each in the hub's audit trail; without this a valid token could fill `sync_clients` with made-up ids.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.models import HubAudit, SyncClient, Terminal
from sync.hub.tokens import Principal

NEW_CLIENT_IDS_PER_HOUR = 3  # a terminal restored from a backup takes one; more in an hour is someone probing


class ClientIdRefused(Exception):
    """This client id is not the token's terminal's current one (a 403)."""


class TooManyClientIds(Exception):
    """The terminal took `NEW_CLIENT_IDS_PER_HOUR` new client ids in the past hour already (a 429)."""


def lock_client(session: Session, client_id: uuid.UUID) -> SyncClient | None:
    # populate_existing: after waiting for the lock, the row is read again rather than taken from the session.
    return session.execute(
        select(SyncClient).where(SyncClient.client_id == client_id).with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()


def check_scope(client: SyncClient, principal: Principal) -> None:
    if (client.tenant_id, client.store_id, client.terminal_id) != (
            principal.tenant_id, principal.store_id, principal.terminal_id):
        raise ClientIdRefused("This client id belongs to another terminal, store or tenant.")
    if client.retired_at is not None:
        raise ClientIdRefused("This client id was replaced by a newer one of this terminal after a restored "
                              "database; the terminal must use its new client id.")


def _current(session: Session, principal: Principal) -> list[SyncClient]:
    return list(session.scalars(select(SyncClient).where(SyncClient.terminal_id == principal.terminal_id,
                                                         SyncClient.retired_at.is_(None))
                                .with_for_update()))


def client_for_pull(session: Session, principal: Principal, client_id: uuid.UUID) -> SyncClient | None:
    """The client row when it is the terminal's current one; an unknown id pulls only when it may be taken."""
    client = session.get(SyncClient, client_id)
    if client is not None:
        check_scope(client, principal)
        return client
    current = session.scalars(select(SyncClient).where(SyncClient.terminal_id == principal.terminal_id,
                                                       SyncClient.retired_at.is_(None))).all()
    if current and all(row.restore_answered_at is None for row in current):
        raise ClientIdRefused(_NOT_CURRENT)
    return None


_NOT_CURRENT = ("This client id is not this terminal's. A terminal takes a new client id only after the hub said "
                "its database was restored (422); pair the terminal again if it was replaced.")


def client_for_push(session: Session, principal: Principal, client_id: uuid.UUID) -> SyncClient:
    """The client row, locked until commit (pushes of one client run one at a time); a new id is registered
    only on the restored-database path, within the hourly limit, and audited."""
    client = lock_client(session, client_id)
    if client is None:
        _take_new_id(session, principal, client_id)
        client = lock_client(session, client_id)
    check_scope(client, principal)
    return client


def _take_new_id(session: Session, principal: Principal, client_id: uuid.UUID) -> None:
    session.get(Terminal, principal.terminal_id, with_for_update=True)  # one new id at a time per terminal
    current = _current(session, principal)
    if lock_client(session, client_id) is not None:
        return  # another push registered it while this one waited; its scope is checked by the caller
    if current and all(row.restore_answered_at is None for row in current):
        raise ClientIdRefused(_NOT_CURRENT)
    now = utcnow()
    recent = session.scalar(select(func.count()).select_from(HubAudit).where(
        HubAudit.action == "sync.client_id_renewed", HubAudit.entity_id == str(principal.terminal_id),
        HubAudit.created_at > now - timedelta(hours=1)))
    if current and recent >= NEW_CLIENT_IDS_PER_HOUR:
        raise TooManyClientIds(f"This terminal took {recent} new client ids in the past hour, the most the hub "
                               "allows. Wait an hour, or ask support: its database keeps being restored.")
    try:
        with session.begin_nested():
            session.add(SyncClient(client_id=client_id, tenant_id=principal.tenant_id, store_id=principal.store_id,
                                   terminal_id=principal.terminal_id, last_mutation_id=0))
    except IntegrityError:
        return  # the id exists (another terminal's, maybe): the caller's scope check decides
    for row in current:
        row.retired_at = now
    if current:
        session.add(HubAudit(tenant_id=principal.tenant_id, store_id=principal.store_id, via="sync",
                             action="sync.client_id_renewed", entity_type="terminal",
                             entity_id=str(principal.terminal_id), created_at=now,
                             details={"terminal_id": str(principal.terminal_id), "client_id": str(client_id),
                                      "replaces": [str(row.client_id) for row in current]}))


def note_restore_answered(session: Session, principal: Principal, client_id: uuid.UUID) -> None:
    """After a 422 for a restored database: this client may now be replaced by one new id."""
    client = lock_client(session, client_id)
    if client is not None and client.terminal_id == principal.terminal_id and client.retired_at is None:
        client.restore_answered_at = utcnow()
