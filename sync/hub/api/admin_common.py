"""Shared pieces of the admin API: paging, scope checks (403 across tenants) and row output."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import HTTPException, Query
from pydantic import BaseModel
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from sync.hub.feed.entities import json_value
from sync.hub.models import Store
from sync.hub.models.base import Base
from sync.hub.tokens import Principal
from sync.protocol import ProblemBody


class ErrorOut(BaseModel):
    detail: str


RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut},
    409: {"model": ErrorOut}, 413: {"model": ErrorOut}, 422: {"model": ProblemBody}, 503: {"model": ErrorOut},
}


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class Paging:
    def __init__(self, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)) -> None:
        self.limit = limit
        self.offset = offset


def row_out(obj: Base) -> dict[str, Any]:
    return {prop.columns[0].name: json_value(getattr(obj, prop.key)) for prop in obj.__mapper__.column_attrs}


def page_of(session: Session, query: Select, paging: Paging) -> Page:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.scalars(query.limit(paging.limit).offset(paging.offset))
    return Page(items=[row_out(r) for r in rows], total=total or 0, limit=paging.limit, offset=paging.offset)


def forbidden() -> HTTPException:
    return HTTPException(403, "That belongs to another tenant; this token cannot reach it.")


def scoped_store(session: Session, principal: Principal, store_id: uuid.UUID) -> Store:
    store = session.get(Store, store_id)
    if store is None:
        raise HTTPException(404, "There is no such store.")
    if store.tenant_id != principal.tenant_id:
        raise forbidden()
    return store


def store_ids(session: Session, principal: Principal, store_id: uuid.UUID | None) -> list[uuid.UUID]:
    """The stores a list covers: the one asked for (if the tenant owns it) or all of the tenant's."""
    if store_id is not None:
        return [scoped_store(session, principal, store_id).id]
    return list(session.scalars(select(Store.id).where(Store.tenant_id == principal.tenant_id)))


def owned(obj: Base | None, tenant_id: uuid.UUID | None, principal: Principal, what: str) -> Base:
    if obj is None:
        raise HTTPException(404, f"There is no such {what}.")
    if tenant_id != principal.tenant_id:
        raise forbidden()
    return obj
