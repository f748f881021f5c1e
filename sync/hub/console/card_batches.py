"""Console page for a store's card batch closes: each terminal's daily batch against the POS's card payments, with
every transaction of a batch that does not match. It reads `sync.hub.settlements`, as the admin API does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from sync.hub import tenancy
from sync.hub.console.auth import Visitor, signed_in
from sync.hub.console.web import render
from sync.hub.settlements import settlements_query

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]
PAGE = 50


@router.get("/stores/{store_id}/card-batches")
def card_batches_page(request: Request, me: Me, store_id: uuid.UUID, mismatched: bool = False,
                      page: int = 1) -> Response:
    page = max(1, min(page, 10_000))
    with request.app.state.db.read() as session:
        store = tenancy.scoped_store(session, me.scope, store_id)
        rows = list(session.scalars(settlements_query([store.id], mismatched_only=mismatched)
                                    .limit(PAGE + 1).offset((page - 1) * PAGE)))
        session.expunge_all()
    return render(request, "card_batches.html", me=me, store=store, batches=rows[:PAGE], mismatched=mismatched,
                  page=page, more=len(rows) > PAGE)
