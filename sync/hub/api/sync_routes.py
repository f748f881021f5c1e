"""`/sync/v1/pair`, `/sync/v1/push` and `/sync/v1/pull` (DESIGN §4), plus long-poll on pull, and the store's day
for the back office's Reports tab."""

from __future__ import annotations

import asyncio
import time

from fastapi import APIRouter, Depends, Header, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from sync.hub import sync_service
from sync.hub.api.deps import get_db, terminal_principal
from sync.hub.client_ids import ClientIdRefused, TooManyClientIds
from sync.hub.database import Database
from sync.hub.tokens import Principal
from sync.hub.tracing import mark_correlation
from sync.logs import CORRELATION_HEADER
from sync.protocol import (
    RESTORED_DATABASE,
    ErrorBody,
    GapError,
    PairRequest,
    PairResponse,
    ProblemBody,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    StoreDaySummary,
    StoreSummaryRequest,
)

router = APIRouter(prefix="/sync/v1", tags=["sync"])
ERRORS = {400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody},
          413: {"model": ErrorBody}, 422: {"model": ProblemBody}, 503: {"model": ErrorBody}}
DB_POLL_SECONDS = 1.0


@router.post("/pair", response_model=PairResponse, responses={**ERRORS, 409: {"model": ErrorBody}})
def pair(request: PairRequest, db: Database = Depends(get_db)) -> PairResponse:
    try:
        return sync_service.pair(db, request)
    except sync_service.BadPairingCode as error:
        raise HTTPException(400, str(error)) from None
    except sync_service.Conflict as error:
        raise HTTPException(409, str(error)) from None


@router.post("/push", response_model=PushResponse,
             responses={**ERRORS, 409: {"model": GapError}, 422: {"model": ProblemBody}, 429: {"model": ErrorBody}})
def push(request: PushRequest, principal: Principal = Depends(terminal_principal), db: Database = Depends(get_db),
         correlation: str | None = Header(None, alias=CORRELATION_HEADER, max_length=120)):
    for mutation in request.mutations:
        if not mutation.hash_matches():
            raise HTTPException(422, f"Mutation {mutation.id}'s hash does not match its args; nothing was applied.")
    try:
        mark_correlation(correlation)
        return sync_service.push(db, principal, request, correlation)
    except (sync_service.Forbidden, ClientIdRefused) as error:
        raise HTTPException(403, str(error)) from None
    except TooManyClientIds as error:
        raise HTTPException(429, str(error)) from None
    except sync_service.GapDetected as gap:
        return JSONResponse(status_code=409, content={
            "detail": f"Mutations must follow the hub's last one; send from id {gap.expected_id}.",
            "expected_id": gap.expected_id})
    except sync_service.HashMismatch as error:
        sync_service.note_restored(db, principal, request.client_id)  # now it may take one new client id
        return JSONResponse(status_code=422, content={"code": RESTORED_DATABASE, "detail": (
            f"Mutation {error.mutation_id} was already applied with different content: this terminal's database "
            "was restored or copied. Take a new client id and alert a manager.")})


@router.post("/pull", response_model=PullResponse, responses=ERRORS)
async def pull(request: PullRequest, principal: Principal = Depends(terminal_principal),
               db: Database = Depends(get_db)) -> Response:
    try:
        page = await run_in_threadpool(sync_service.pull, db, principal, request)
        deadline = time.monotonic() + request.wait_seconds
        while not page.changes and not page.has_more and time.monotonic() < deadline:
            await _wait_for_change(db, principal, deadline)
            page = await run_in_threadpool(sync_service.pull, db, principal, request)
        # Written from the feed rows, not through a model per change: a PullResponse on the wire all the same.
        return Response(page.wire_json(), media_type="application/json")
    except (sync_service.Forbidden, ClientIdRefused) as error:
        raise HTTPException(403, str(error)) from None


@router.post("/store-summary", response_model=StoreDaySummary, responses=ERRORS)
def store_summary(request: StoreSummaryRequest, principal: Principal = Depends(terminal_principal),
                  db: Database = Depends(get_db)) -> StoreDaySummary:
    """One day of the terminal's store's sales, for its back office's Reports tab."""
    try:
        return sync_service.store_summary(db, principal, request)
    except (sync_service.Forbidden, ClientIdRefused) as error:
        raise HTTPException(403, str(error)) from None


async def _wait_for_change(db: Database, principal: Principal, deadline: float) -> None:
    """Sleep until this worker commits to the store, or a short poll of the DB (other workers) is due."""
    notifier = db.notifier
    seen = notifier.version(principal.store_id)
    poll_at = min(deadline, time.monotonic() + DB_POLL_SECONDS)
    while time.monotonic() < poll_at:
        if notifier.version(principal.store_id) != seen:
            return
        await asyncio.sleep(0.05)
