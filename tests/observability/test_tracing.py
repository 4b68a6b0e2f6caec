"""Traces: with an exporter (here the SDK's in-memory one instead of OTLP) a GraphQL request gives the HTTP server
span, a span for the operation, one per loader batch and the SQL statements under them; without an endpoint
nothing of OpenTelemetry is installed."""

from __future__ import annotations

import subprocess
import sys

import httpx
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from server.app import create_app
from server.ids import encode_id
from server.observability import tracing
from tests.plugins.api import login_token

QUERY = "query ProductCard($id: ID!) { node(id: $id) { ... on Product { title shop { name } } } }"


async def test_a_graphql_request_produces_the_described_spans(rt, world) -> None:  # noqa: ANN001
    exporter = InMemorySpanExporter()
    app = create_app(rt.settings, runtime=rt)
    with tracing.installed(rt.settings, app, rt.engine, exporter=exporter):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            token = await login_token(http, world["seller_a"].email)
            exporter.clear()
            product = encode_id("Product", world.products["seller_a"][0])
            response = await http.post(
                "/graphql",
                json={"query": QUERY, "variables": {"id": product}},
                headers={"Authorization": f"Bearer {token}"},
            )
        body = response.json()
        assert body["data"]["node"]["title"] == "Shop A Serum 0", body
    spans = exporter.get_finished_spans()
    by_name: dict[str, list] = {}
    for span in spans:
        by_name.setdefault(span.name, []).append(span)
    [operation] = by_name["query ProductCard"]
    assert operation.attributes["graphql.operation.name"] == "ProductCard"
    assert operation.attributes["graphql.operation.type"] == "query"
    assert operation.attributes["graphql.errors"] is False
    [server] = [s for s in spans if s.kind.name == "SERVER"]
    assert operation.parent is not None and operation.parent.span_id == server.context.span_id
    assert all(s.context.trace_id == server.context.trace_id for s in spans)
    batches = by_name["loader.batch"]
    assert {b.attributes["matchup.loader.type"] for b in batches} >= {"Product", "Shop"}
    assert all(b.parent.span_id == operation.context.span_id for b in batches)
    sql = [s for s in spans if s.attributes.get("db.statement") or s.attributes.get("db.query.text")]
    assert sql, [s.name for s in spans]
    batch_ids = {b.context.span_id for b in batches}
    assert any(s.parent is not None and s.parent.span_id in batch_ids for s in sql)
    assert tracing.state.tracer is None  # uninstalled again


def test_without_an_endpoint_opentelemetry_is_never_imported() -> None:
    code = (
        "import sys\n"
        "from server.app import create_app\n"
        "from tests.conftest import make_settings\n"
        "app = create_app(make_settings('sqlite+aiosqlite:///:memory:'))\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('opentelemetry'))\n"
        "assert loaded == [], loaded\n"
        "print('clean')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "clean", result.stderr
