"""OPTIONS answers with every method a path really has.

Starlette answers OPTIONS with a 405 naming the methods of the first route that matches the path only, so
``/api/v1/stores`` (GET and POST) said ``Allow: GET``. This middleware gathers the methods of every route that
matches, and answers 204 with them; a path no route has stays a 404.
"""

from __future__ import annotations

from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send


def _methods(routes, scope: Scope) -> set[str]:
    found: set[str] = set()
    for route in routes:
        inner = getattr(route, "original_router", None)  # an included router keeps its own routes
        if inner is not None:
            found |= _methods(inner.routes, scope)
            continue
        methods = getattr(route, "methods", None)
        if methods is None:
            continue
        match, _child = route.matches({**scope, "method": next(iter(methods))})
        if match == Match.FULL:
            found |= methods
    return found


class AllowedMethods:
    def __init__(self, app: ASGIApp, routes) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS":
            await self.app(scope, receive, send)
            return
        methods = _methods(self.routes, scope)
        if not methods:
            await self.app(scope, receive, send)
            return
        allow = ", ".join(sorted(methods | {"OPTIONS"}))
        await send({"type": "http.response.start", "status": 204, "headers": [(b"allow", allow.encode())]})
        await send({"type": "http.response.body", "body": b""})
