"""The hub's traces: with tracing on, a push is a request span carrying the terminal's correlation id, with the
SQL it ran as spans beneath it (the SDK's in-memory exporter stands in for an OTLP collector, which this machine
does not run); with it off, nothing is instrumented."""

from __future__ import annotations

from fastapi.testclient import TestClient
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from sync.hub.app import create_app
from sync.hub.migrate import upgrade
from sync.hub.tracing import CORRELATION_ATTRIBUTE, install_tracing
from sync.logs import CORRELATION_HEADER
from tests.sync.hub.helpers import build_world, mutation, push

SHIFT = {"cash_session_id": "5f1d2c7a-3b4e-4f6a-8c9d-0e1f2a3b4c5d", "terminal_no": 1, "closed_by":
         "3c1c7f0e-8a53-4d4e-9d1e-2b6f4e0a9c11", "closed_at": "2026-12-06T04:00:00+00:00"}


def test_a_push_is_traced_with_its_correlation_id_and_its_sql(tmp_path):
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    upgrade(url)
    app = create_app(url)
    assert not hasattr(app.state, "tracer_provider"), "tracing is off unless POS_HUB_OTLP_ENDPOINT is set"
    spans = InMemorySpanExporter()
    install_tracing(app, app.state.db.engine, spans, batch=False)
    with TestClient(app) as client:
        till = build_world(app.state.db, client).terminals["A1"]
        spans.clear()
        correlation = f"{till.client_id}:1-1"
        answer = push(client, till, [mutation(1, "shift.closed.v1", SHIFT | {"store_id": str(till.store_id)})],
                      headers={CORRELATION_HEADER: correlation})
    assert answer.status_code == 200, answer.text
    finished = spans.get_finished_spans()
    [request] = [s for s in finished if s.kind.name == "SERVER" and "/sync/v1/push" in s.name]
    assert request.attributes[CORRELATION_ATTRIBUTE] == correlation
    statements = [s.attributes.get("db.statement") or s.attributes.get("db.query.text") or "" for s in finished
                  if s.context.trace_id == request.context.trace_id]
    assert any("cash_sessions" in statement for statement in statements), "the push's SQL is in its trace"
    app.state.db.dispose()
