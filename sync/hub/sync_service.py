"""Pair, push and pull (DESIGN §4): the rules, apart from HTTP."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.database import Database
from sync.hub.feed import Page, read_page
from sync.hub.handlers import Context, Rejection, handle
from sync.hub.models import PairingCode, Store, SyncClient, SyncMutation, Tenant, Terminal
from sync.hub.tokens import Principal, digest, issue_token, normalize_code, tenant_pin_pepper
from sync.protocol import (
    Mutation,
    MutationResult,
    PairRequest,
    PairResponse,
    PullRequest,
    PushRequest,
    PushResponse,
)


class Forbidden(Exception):
    """The token's scope does not cover what was asked (another store, tenant or terminal)."""


class NotFound(Exception):
    pass


class Conflict(Exception):
    pass


@dataclass
class GapDetected(Exception):
    expected_id: int


@dataclass
class HashMismatch(Exception):
    mutation_id: int


class BadPairingCode(Exception):
    pass


def pair(db: Database, request: PairRequest) -> PairResponse:
    with db.write() as session:
        code = session.scalar(select(PairingCode).where(
            PairingCode.code_hash == digest(normalize_code(request.pairing_code))))
        if code is None or code.used_at is not None or code.expires_at < utcnow():
            raise BadPairingCode("That pairing code is unknown, used or expired. Ask a manager for a new one.")
        store = session.get(Store, code.store_id)
        if store is None or store.status != "active":
            raise BadPairingCode("The store of that pairing code is not active.")
        client = session.get(SyncClient, request.client_id)
        if client is not None and client.store_id != store.id:
            raise Conflict("This client id is already paired with another store; reset the terminal first.")
        code.used_at = utcnow()
        terminal = Terminal(tenant_id=store.tenant_id, store_id=store.id, name=request.terminal_name)
        session.add(terminal)
        session.flush()
        if client is None:
            session.add(SyncClient(client_id=request.client_id, tenant_id=store.tenant_id, store_id=store.id,
                                   terminal_id=terminal.id, last_mutation_id=0))
        else:
            client.terminal_id = terminal.id  # re-pairing the same database keeps its LMID
        token = issue_token(session, kind="terminal", tenant_id=store.tenant_id, store_id=store.id,
                            terminal_id=terminal.id)
        pepper = tenant_pin_pepper(session.get_one(Tenant, store.tenant_id))
        return PairResponse(terminal_id=terminal.id, tenant_id=store.tenant_id, store_id=store.id, token=token,
                            pin_pepper=pepper)


def _check_store_active(session: Session, principal: Principal) -> None:
    store = session.get(Store, principal.store_id)
    if store is None or store.tenant_id != principal.tenant_id:
        raise Forbidden("This token's store no longer exists.")
    if store.status != "active":
        raise Forbidden("This store is deactivated; its terminals cannot sync until it is activated again.")


def _check_client_scope(client: SyncClient, principal: Principal) -> None:
    if (client.tenant_id, client.store_id, client.terminal_id) != (
            principal.tenant_id, principal.store_id, principal.terminal_id):
        raise Forbidden("This client id belongs to another terminal, store or tenant.")


def ensure_client(db: Database, principal: Principal, client_id: uuid.UUID) -> None:
    """Find the client, or register a new client id for the token's terminal (after a DB restore, say)."""
    for _attempt in range(2):
        try:
            with db.write() as session:
                _check_store_active(session, principal)
                client = session.get(SyncClient, client_id)
                if client is not None:
                    _check_client_scope(client, principal)
                    return
                session.add(SyncClient(client_id=client_id, tenant_id=principal.tenant_id,
                                       store_id=principal.store_id, terminal_id=principal.terminal_id))
            return
        except IntegrityError:
            continue  # another push registered it at the same moment; look again


def _lock_client(session: Session, client_id: uuid.UUID) -> SyncClient:
    return session.execute(
        select(SyncClient).where(SyncClient.client_id == client_id).with_for_update()
    ).scalar_one()


def _previous_result(session: Session, client_id: uuid.UUID, mutation: Mutation) -> MutationResult:
    prior = session.get(SyncMutation, (client_id, mutation.id))
    if prior is not None and prior.hash != mutation.hash:
        raise HashMismatch(mutation.id)
    # Past the retention window only the LMID is left; a resend of a purged id is still a resend.
    code = prior.code if prior is not None else None
    message = prior.message if prior is not None else None
    return MutationResult(id=mutation.id, status="already_applied", code=code, message=message)


def _record(session: Session, client: SyncClient, mutation: Mutation, status: str, code=None, message=None):
    client.last_mutation_id = mutation.id
    client.last_push_at = utcnow()
    session.add(SyncMutation(client_id=client.client_id, mutation_id=mutation.id, store_id=client.store_id,
                             name=mutation.name, hash=mutation.hash, args=mutation.args, status=status, code=code,
                             message=message))


def apply_mutation(db: Database, principal: Principal, client_id: uuid.UUID, mutation: Mutation) -> MutationResult:
    try:
        with db.write() as session:
            client = _lock_client(session, client_id)
            if mutation.id <= client.last_mutation_id:
                return _previous_result(session, client_id, mutation)
            if mutation.id > client.last_mutation_id + 1:
                raise GapDetected(client.last_mutation_id + 1)
            ctx = Context(principal.tenant_id, client.store_id, client.terminal_id, client_id, mutation.id)
            try:
                with session.begin_nested():
                    handle(session, ctx, mutation.name, mutation.args)
            except IntegrityError as error:
                raise Rejection("conflict", "The mutation clashes with a record the hub already has.") from error
            _record(session, client, mutation, "applied")
        return MutationResult(id=mutation.id, status="applied")
    except Rejection as rejection:
        return _record_rejection(db, client_id, mutation, rejection)


def _record_rejection(db: Database, client_id: uuid.UUID, mutation: Mutation, rejection: Rejection):
    # The effects were rolled back with their transaction; the LMID moves on in a new one.
    with db.write() as session:
        client = _lock_client(session, client_id)
        if mutation.id <= client.last_mutation_id:
            return _previous_result(session, client_id, mutation)
        if mutation.id > client.last_mutation_id + 1:
            raise GapDetected(client.last_mutation_id + 1)
        _record(session, client, mutation, "rejected", rejection.code, rejection.message[:500])
    return MutationResult(id=mutation.id, status="rejected", code=rejection.code, message=rejection.message)


def push(db: Database, principal: Principal, request: PushRequest) -> PushResponse:
    ensure_client(db, principal, request.client_id)
    results = [apply_mutation(db, principal, request.client_id, m) for m in request.mutations]
    with db.read() as session:
        lmid = session.get(SyncClient, request.client_id).last_mutation_id
    return PushResponse(last_mutation_id=lmid, results=results)


def pull(db: Database, principal: Principal, request: PullRequest) -> Page:
    """The next page of the store's feed with the client's LMID; `Page.wire_json` is the pull answer."""
    with db.read() as session:
        _check_store_active(session, principal)
        client = session.get(SyncClient, request.client_id)
        if client is not None:
            _check_client_scope(client, principal)
        page = read_page(session, principal.store_id, request.cursor, request.limit)
        # Read in the same snapshot as the changes: the LMID says which of the terminal's own deltas they hold.
        page.last_mutation_id = 0 if client is None else client.last_mutation_id
    return page


def current_version(db: Database, store_id: uuid.UUID) -> int:
    from sync.hub.models import StoreFeed

    with db.read() as session:
        feed = session.get(StoreFeed, store_id)
        return 0 if feed is None else feed.version
