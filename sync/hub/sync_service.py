"""Pair, push and pull (DESIGN §4): the rules, apart from HTTP."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.batch_rows import gathered_rows, write_gathered
from sync.hub.client_ids import client_for_pull, client_for_push, note_restore_answered
from sync.hub.database import Database, WriteConflict
from sync.hub.feed.pages import Page, read_page
from sync.hub.feed.record import savepoint
from sync.hub.handlers import Context, Rejection, handle, knows
from sync.hub.inventory import deferred_levels, deferred_mark, drop_deferred_since, settle_deferred
from sync.hub.models import PairingCode, Store, SyncClient, SyncMutation, Tenant, Terminal
from sync.hub.store_summary import store_day_summary
from sync.hub.tokens import Principal, digest, issue_token, normalize_code, store_ticket_key, tenant_pin_pepper
from sync.protocol import (
    Mutation,
    MutationResult,
    PairRequest,
    PairResponse,
    PullRequest,
    PushRequest,
    PushResponse,
    StoreDaySummary,
    StoreSummaryRequest,
)

_CONFLICT_RETRIES = 2
log = logging.getLogger(__name__)


class Forbidden(Exception):
    """The token's scope does not cover what was asked (another store, tenant or terminal)."""


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
                            pin_pepper=pepper, ticket_key=store_ticket_key(store))


def _check_store_active(session: Session, principal: Principal) -> None:
    store = session.get(Store, principal.store_id)
    if store is None or store.tenant_id != principal.tenant_id:
        raise Forbidden("This token's store no longer exists.")
    if store.status != "active":
        raise Forbidden("This store is deactivated; its terminals cannot sync until it is activated again.")


def _previous_results(session: Session, client_id: uuid.UUID, mutations: list[Mutation], lmid: int):
    """The recorded outcome of each mutation of the batch the hub already has, in one query."""
    ids = [m.id for m in mutations if m.id <= lmid]
    if not ids:
        return {}
    rows = session.scalars(select(SyncMutation).where(SyncMutation.client_id == client_id,
                                                      SyncMutation.mutation_id.in_(ids)))
    return {row.mutation_id: row for row in rows}


def _previous_result(prior: SyncMutation | None, mutation: Mutation) -> MutationResult:
    if prior is not None and prior.hash != mutation.hash:
        raise HashMismatch(mutation.id)
    # Past the retention window only the LMID is left; a resend of a purged id is still a resend.
    code = prior.code if prior is not None else None
    message = prior.message if prior is not None else None
    return MutationResult(id=mutation.id, status="already_applied", code=code, message=message)


@contextmanager
def _mutation_savepoint(session: Session) -> Iterator[None]:
    """One mutation's effects: rolled back alone (stock moves and feed versions included) when it fails."""
    mark = deferred_mark(session)
    try:
        with savepoint(session):
            yield
    except BaseException:
        drop_deferred_since(session, mark)
        raise


class _NeedsCare(Exception):
    """The quick run of a batch met a rejection or a clash: run it again one savepoint per mutation."""


def _apply_quickly(session: Session, ctx: Context, mutation: Mutation) -> None:
    # No savepoint: any rejection or error drops the whole quick run, so nothing of it can stay half done.
    try:
        handle(session, ctx, mutation.name, mutation.args)
    except (Rejection, IntegrityError, DataError) as error:
        raise _NeedsCare from error


def apply_carefully(session: Session, ctx: Context, name: str, args: dict) -> Rejection | None:
    """Apply one mutation in its own savepoint: a rejection or a clash rolls back its effects alone."""
    try:
        with _mutation_savepoint(session):
            handle(session, ctx, name, args)
    except Rejection as rejection:
        return rejection
    except IntegrityError:
        return Rejection("conflict", "The mutation clashes with a record the hub already has.")
    except DataError:
        return Rejection("invalid_args", "A value of the mutation does not fit the hub's records (too long or "
                                         "out of range).")
    return None


def _push_batch(db: Database, principal: Principal, request: PushRequest, *, careful: bool) -> PushResponse:
    results: list[MutationResult] = []
    with db.write() as session, deferred_levels(session), (nullcontext() if careful else gathered_rows(session)):
        _check_store_active(session, principal)
        client = client_for_push(session, principal, request.client_id)
        lmid = client.last_mutation_id
        priors = _previous_results(session, client.client_id, request.mutations, lmid)
        records = []
        now = utcnow()
        for mutation in request.mutations:
            if mutation.id <= lmid:
                results.append(_previous_result(priors.get(mutation.id), mutation))
                continue
            if mutation.id > lmid + 1:
                raise GapDetected(lmid + 1)  # ids in a batch follow each other: only the first can leave a gap
            ctx = Context(principal.tenant_id, client.store_id, client.terminal_id, client.client_id, mutation.id)
            status, code, message = _outcome(session, ctx, mutation, careful)
            records.append({"client_id": client.client_id, "mutation_id": mutation.id, "store_id": client.store_id,
                            "name": mutation.name, "hash": mutation.hash, "args": mutation.args, "status": status,
                            "code": code, "message": None if message is None else message[:500],
                            "received_at": now})
            results.append(MutationResult(id=mutation.id, status=status, code=code, message=message))
            lmid = mutation.id
        if not careful:
            settle_deferred(session)  # levels first: the ledger rows still gathered take their time in lock order
            _write_quick_rows(session)
        if records:
            session.execute(insert(SyncMutation.__table__), records)
            client.last_mutation_id = lmid
            client.last_push_at = now
    return PushResponse(last_mutation_id=lmid, results=results)


def _outcome(session: Session, ctx: Context, mutation: Mutation, careful: bool) -> tuple[str, str | None, str | None]:
    if not knows(mutation.name):
        # A newer terminal's mutation: kept with its args and hash, applied once this hub is upgraded.
        return "deferred", None, (f"The hub does not know {mutation.name} yet. It is kept and will be applied once "
                                  "the hub is upgraded.")
    if not careful:
        _apply_quickly(session, ctx, mutation)  # raises _NeedsCare on any rejection
        return "applied", None, None
    rejection = apply_carefully(session, ctx, mutation.name, mutation.args)
    return ("applied", None, None) if rejection is None else ("rejected", rejection.code, rejection.message)


def _write_quick_rows(session: Session) -> None:
    try:
        write_gathered(session)
    except (IntegrityError, DataError) as error:
        raise _NeedsCare from error


def push(db: Database, principal: Principal, request: PushRequest, correlation: str | None = None) -> PushResponse:
    """Apply a batch in one transaction, and log each mutation's outcome (see `sync.logs`). A batch of N costs one
    commit; if it fails as a whole nothing of
    it is recorded, and the terminal sends the same ids again.

    The quick run gathers the rows of all mutations and writes them table by table. When a mutation is
    rejected or clashes, the batch runs again carefully: each mutation in its own savepoint, so a rejection
    rolls back its own effects only and is recorded with the rest.
    """
    answer = _push(db, principal, request)
    names = {m.id: m.name for m in request.mutations}
    for result in answer.results:
        log.info("mutation %s %s", names.get(result.id, "?"), result.status, extra={
            "client_id": str(request.client_id), "mutation_id": result.id, "mutation": names.get(result.id),
            "status": result.status, "code": result.code, "correlation_id": correlation,
            "store_id": str(principal.store_id), "terminal_id": str(principal.terminal_id)})
    return answer


def _push(db: Database, principal: Principal, request: PushRequest) -> PushResponse:
    careful = False
    for _attempt in range(_CONFLICT_RETRIES + 1):
        try:
            return _push_batch(db, principal, request, careful=careful)
        except _NeedsCare:
            careful = True
        except WriteConflict:
            if _attempt == _CONFLICT_RETRIES:
                raise
            # PostgreSQL broke a deadlock with another writer by aborting this batch; run it again.
    return _push_batch(db, principal, request, careful=True)


def pull(db: Database, principal: Principal, request: PullRequest) -> Page:
    """The next page of the store's feed with the client's LMID; `Page.wire_json` is the pull answer."""
    with db.read() as session:
        _check_store_active(session, principal)
        client = client_for_pull(session, principal, request.client_id)
        page = read_page(session, principal.store_id, request.cursor, request.limit)
        # Read in the same snapshot as the changes: the LMID says which of the terminal's own deltas they hold.
        page.last_mutation_id = 0 if client is None else client.last_mutation_id
    return page


def store_summary(db: Database, principal: Principal, request: StoreSummaryRequest) -> StoreDaySummary:
    """One day of the terminal's store's sales, asked as a pull is: by the terminal's current client id."""
    with db.read() as session:
        _check_store_active(session, principal)
        client_for_pull(session, principal, request.client_id)
        return store_day_summary(session, principal.store_id, request.day)


def note_restored(db: Database, principal: Principal, client_id: uuid.UUID) -> None:
    """The hub answered 422 (a restored terminal database): the terminal may take one new client id."""
    with db.write() as session:
        note_restore_answered(session, principal, client_id)
