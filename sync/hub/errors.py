"""Errors as plain sentences: bad JSON, wrong types, oversized bodies and an unreachable database."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from sync.hub.database import DatabaseUnavailable

MAX_BODY_BYTES = 2 * 1024 * 1024


def _plain(error: dict) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{where}: {error.get('msg', 'is not valid')}" if where else str(error.get("msg", "is not valid"))


async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(error.get("type") == "json_invalid" for error in errors):
        return JSONResponse(status_code=400, content={"detail": "The request body is not valid JSON."})
    summary = "; ".join(_plain(error) for error in errors[:5])
    # `detail` keeps FastAPI's documented list; `message` says the same in one sentence for people.
    items = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
             for e in errors]
    return JSONResponse(status_code=422, content=jsonable_encoder(
        {"detail": items, "message": f"The request was refused, nothing was written: {summary}."}))


async def database_unavailable(_request: Request, _exc: DatabaseUnavailable) -> JSONResponse:
    return JSONResponse(status_code=503, headers={"Retry-After": "5"}, content={
        "detail": "The hub's database cannot be reached right now; nothing was changed. Try again shortly."})


class BodyLimit:
    """Refuse bodies over the limit with 413 before the app reads them, chunked uploads included."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._too_large(send)
        if declared is not None:
            return await self.app(scope, receive, send)
        # A chunked body has no declared length: buffer it (it is small or it is refused) before the app reads it.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                return await self._too_large(send)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, send) -> None:
        response = JSONResponse(status_code=413, content={
            "detail": f"The request body is over {self.max_bytes // (1024 * 1024)} MB; send smaller batches."})
        await response({"type": "http"}, None, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(DatabaseUnavailable, database_unavailable)
