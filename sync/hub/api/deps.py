"""Request-scoped helpers: the database and the caller's scope, always taken from the bearer token."""

from __future__ import annotations

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.hub.database import Database
from sync.hub.tokens import Principal, principal_for

bearer = HTTPBearer(auto_error=False, description="A terminal token (sync) or a tenant admin token (/api/v1).")


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_principal(
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer), db: Database = Depends(get_db)
) -> Principal:
    if credentials is None or not credentials.credentials:
        raise HTTPException(401, "Send the hub token as 'Authorization: Bearer <token>'.",
                            headers={"WWW-Authenticate": "Bearer"})
    with db.read() as session:
        principal = principal_for(session, credentials.credentials)
    if principal is None:
        raise HTTPException(401, "That token is unknown or was revoked.", headers={"WWW-Authenticate": "Bearer"})
    return principal


def terminal_principal(principal: Principal = Depends(get_principal)) -> Principal:
    if principal.kind != "terminal":
        raise HTTPException(403, "Sync endpoints take a terminal token, not an admin token.")
    return principal


def admin_principal(principal: Principal = Depends(get_principal)) -> Principal:
    if principal.kind != "admin":
        raise HTTPException(403, "The admin API takes a tenant admin token; a terminal token cannot use it.")
    return principal
