"""OpenTelemetry traces of the hub: each request (FastAPI) and each SQL statement (SQLAlchemy) as spans, a push's
span carrying the terminal's correlation id (`sync.logs`), so a slow or failed push is found by the same id as in
the logs. Off by default: `POS_HUB_OTLP_ENDPOINT` (an OTLP/HTTP traces URL, e.g. http://collector:4318/v1/traces)
turns tracing and its export on; without it nothing is instrumented and a request costs nothing extra.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from opentelemetry import trace

if TYPE_CHECKING:  # the SDK and the instrumentations are imported only when tracing is turned on
    from fastapi import FastAPI
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from sqlalchemy import Engine

OTLP_ENV = "POS_HUB_OTLP_ENDPOINT"
CORRELATION_ATTRIBUTE = "pos.correlation_id"
log = logging.getLogger(__name__)


def tracing_from_environment(app: FastAPI, engine: Engine) -> TracerProvider | None:
    endpoint = os.environ.get(OTLP_ENV, "").strip()
    if not endpoint:
        return None
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    provider = install_tracing(app, engine, OTLPSpanExporter(endpoint=endpoint), batch=True)
    log.info("Traces are exported by OTLP", extra={"endpoint": endpoint})
    return provider


def install_tracing(app: FastAPI, engine: Engine, exporter: SpanExporter, *, batch: bool = True) -> TracerProvider:
    """Instrument this app and its engine with a provider of their own (not the process's global one, so two apps
    in one process, as in the tests, keep their spans apart)."""
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": "pos-hub"}))
    provider.add_span_processor(BatchSpanProcessor(exporter) if batch else SimpleSpanProcessor(exporter))
    FastAPIInstrumentor.instrument_app(app, tracer_provider=provider, excluded_urls="healthz")
    # The instrumentation's own version check stops at SQLAlchemy 2.0; the engine events it hooks are the same in
    # 2.1, so it is told to skip the check rather than instrument nothing.
    SQLAlchemyInstrumentor().instrument(engine=engine, tracer_provider=provider, skip_dep_check=True)
    app.state.tracer_provider = provider
    return provider


def mark_correlation(correlation: str | None) -> None:
    """Put the push's correlation id on the request's span (a no-op when tracing is off)."""
    if correlation:
        trace.get_current_span().set_attribute(CORRELATION_ATTRIBUTE, correlation)
