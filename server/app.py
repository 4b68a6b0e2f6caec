"""create_app(settings) → the Starlette application: /graphql, /healthz, /readyz and the built web app at /."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute

from server.clock import Clock
from server.exports.routes import routes as export_routes
from server.gc_tuning import tune_after_start_up
from server.hardening.middleware import harden
from server.hardening.planner_statistics import check_autovacuum
from server.hardening.probes import probe_routes
from server.idempotency import IdempotentEndpoint
from server.integrations.orders import order_routes
from server.limits.rate import RateLimiter
from server.observability import metrics, tracing
from server.observability.endpoint import metrics_routes
from server.observability.logs import configure_logging
from server.observability.middleware import observe
from server.runtime import Runtime
from server.schema.build import build_schema
from server.schema.view import GraphQLView
from server.services.sweeper import Sweeper
from server.settings import Settings, get_settings
from server.web_assets import AssetFiles
from server.webhooks.delivery import WebhookDelivery


def _spa(web_dist: Path):  # noqa: ANN202
    index = web_dist / "index.html"

    async def spa(request: Request) -> Response:
        if not index.exists():
            return PlainTextResponse(
                "The web app is not built. Run `make run` (or `make web`).", status_code=503
            )
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    return spa


def create_app(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    runtime: Runtime | None = None,
    schema: strawberry.Schema | None = None,
) -> Starlette:
    """`schema`: one built by build_schema(settings) to use instead of building it (tests share one per process)."""
    settings = settings or get_settings()
    configure_logging(settings)  # JSON lines, or text in dev (server/observability/logs.py)
    metrics.switch.on = settings.metrics_token is not None
    rt = runtime or Runtime.build(settings, clock=clock)
    rate = RateLimiter(settings)  # one per process: GraphQL and the order endpoint share its store
    schema = schema or build_schema(settings)
    graphql = GraphQLView(
        schema, rt, rate, ide=settings.ide_enabled, suggestions=settings.suggestions_enabled
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await rt.start()
        await check_autovacuum(rt)
        sweeper = Sweeper(rt)
        sweeper.start()
        webhooks = WebhookDelivery(rt, schema)
        webhooks.start()
        tune_after_start_up(settings.gc_tuning)  # gc.freeze() + thresholds (server/gc_tuning.py)
        try:
            yield
        finally:
            await webhooks.stop()
            await sweeper.stop()
            if traces is not None:
                traces.uninstall()
            metrics.mark_process_dead()
            await rate.aclose()
            await rt.stop()

    spa = _spa(settings.web_dist)
    routes = [
        Route("/graphql", IdempotentEndpoint(graphql, rt), methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        *probe_routes(rt),
        *export_routes,
        *order_routes(rt, rate),
        *metrics_routes(settings),
    ]
    assets = settings.web_dist / "assets"
    if assets.is_dir():
        # Precompressed, immutable hashed files; source maps only in dev (server/web_assets.py).
        routes.append(
            Mount("/assets", AssetFiles(directory=assets, source_maps=settings.env == "dev"), name="assets")
        )
    routes.append(Route("/{path:path}", spa))
    app = observe(harden(Starlette(routes=routes, lifespan=lifespan), settings))
    if metrics.switch.on:
        metrics.watch_pool(rt.engine)
    # Only with MATCHUP_OTLP_ENDPOINT: otherwise nothing of OpenTelemetry is imported (server/observability/tracing.py).
    traces = tracing.install(settings, app, rt.engine)
    app.state.runtime = rt
    app.state.schema = schema
    app.state.live = graphql.live
    app.state.rate = rate
    return app
