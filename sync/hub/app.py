"""The hub's ASGI app: `create_app(database_url)` wires the database, the routers and the error handlers.

`app_from_environment` builds the same app from `POS_HUB_DB`: each uvicorn worker process calls it, since a
multi-worker server takes an import string rather than an app object.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import text

from sync.hub import console
from sync.hub.api import (
    admin_catalog,
    admin_counts,
    admin_health,
    admin_prices,
    admin_promotions,
    admin_purchasing,
    admin_recalls,
    admin_reports,
    admin_sales,
    admin_staff,
    admin_stock,
    admin_tenancy,
    sync_routes,
)
from sync.hub.api.allow import AllowedMethods
from sync.hub.database import Database, DatabaseUnavailable
from sync.hub.deferred import apply_deferred
from sync.hub.errors import BodyLimit, install
from sync.hub.notify import FeedListener, StoreVersions
from sync.hub.tracing import tracing_from_environment
from sync.protocol import ErrorBody


def create_app(database_url: str, *, busy_timeout_ms: int = 15000) -> FastAPI:
    db = Database(database_url, busy_timeout_ms=busy_timeout_ms)
    db.notifier = StoreVersions()
    db.listeners.append(db.notifier.committed)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(_apply_deferred_at_start, db)
        listener = None if db.is_sqlite else FeedListener(_libpq_url(db), db.notifier)
        if listener is not None:
            listener.start()
        try:
            yield
        finally:
            if listener is not None:
                await run_in_threadpool(listener.stop)

    app = FastAPI(title="POS hub", version="1.0.0", lifespan=lifespan,
                  description="Central service of the offline-first POS: sync protocol v1 and the admin API.")
    app.state.db = db
    install(app)
    app.include_router(sync_routes.router)
    for router in (admin_catalog.router, admin_stock.router, admin_sales.router, admin_counts.router,
                   admin_tenancy.router, admin_recalls.router, admin_staff.router, admin_prices.router,
                   admin_health.router, admin_promotions.router, admin_purchasing.router, admin_reports.router):
        app.include_router(router)
    console.mount(app)
    app.add_middleware(AllowedMethods, routes=app.router.routes)

    @app.get("/healthz", tags=["health"], responses={503: {"model": ErrorBody}})
    def healthz() -> dict[str, str]:
        with db.read() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok"}

    app.add_middleware(BodyLimit)
    tracing_from_environment(app, db.engine)
    return app


def app_from_environment() -> FastAPI:
    """The app of one `pos-hub serve --workers N` worker: the database URL comes through the environment."""
    from sync.hub.cli_common import DB_ENV

    return create_app(os.environ[DB_ENV])


def _libpq_url(db: Database) -> str:
    return db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _apply_deferred_at_start(db: Database) -> None:
    """A hub upgraded since a terminal pushed names it did not know applies them now; an unreachable database
    only postpones that to the next start or `pos-hub db maintain`."""
    try:
        apply_deferred(db)
    except DatabaseUnavailable as error:
        logging.getLogger(__name__).warning("Deferred mutations were not applied at start: %s", error)
