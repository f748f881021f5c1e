"""The managers' web console at /console: server-rendered pages (Jinja2 + htmx), assets in the package."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from sync.hub import tenancy
from sync.hub.console import (
    audit,
    auth,
    card_batches,
    catalog,
    catalog_import,
    health,
    prices,
    promotions,
    purchasing,
    reports,
    sales,
    staff,
    stores,
    suppliers,
    taxes,
    terminals,
)
from sync.hub.console.language import LanguageMiddleware
from sync.hub.console.web import HERE, PageError, SignInNeeded, error_text, redirect, render, sign_in_url


def mount(app: FastAPI) -> None:
    for module in (auth, stores, terminals, staff, prices, catalog, catalog_import, taxes, suppliers, purchasing,
                   card_batches, audit, reports, sales, health, promotions):
        app.include_router(module.router)
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    app.add_middleware(LanguageMiddleware)  # outside the routes and their error pages: all of them follow it
    app.add_exception_handler(SignInNeeded, _sign_in_needed)
    app.add_exception_handler(PageError, _page_error)
    app.add_exception_handler(tenancy.TenancyError, _tenancy_error)


async def _sign_in_needed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInNeeded)
    return redirect(sign_in_url(exc.next_url), request)


async def _page_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PageError)
    return render(request, "error.html", exc.status, message=error_text(exc))


async def _tenancy_error(request: Request, exc: Exception) -> Response:
    status = 403 if isinstance(exc, tenancy.OutOfScope) else 404 if isinstance(exc, tenancy.NotFound) else 422
    return render(request, "error.html", status, message=error_text(exc))
