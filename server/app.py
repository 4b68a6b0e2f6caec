"""create_app(settings) → the Starlette application: /graphql, /healthz and the built web app at /."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute

from server.clock import Clock
from server.exports.routes import routes as export_routes
from server.integrations.orders import order_routes
from server.runtime import Runtime
from server.schema.build import build_schema
from server.schema.view import GraphQLView
from server.services.sweeper import Sweeper
from server.settings import Settings, get_settings
from server.web_assets import AssetFiles


def _spa(web_dist: Path):  # noqa: ANN202
    index = web_dist / "index.html"

    async def spa(request: Request) -> Response:
        if not index.exists():
            return PlainTextResponse("The web app is not built. Run `make run` (or `make web`).", status_code=503)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    return spa


def create_app(settings: Settings | None = None, *, clock: Clock | None = None, runtime: Runtime | None = None) -> Starlette:
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    rt = runtime or Runtime.build(settings, clock=clock)
    schema = build_schema(settings)
    graphql = GraphQLView(schema, rt, ide=settings.ide_enabled)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await rt.start()
        sweeper = Sweeper(rt)
        sweeper.start()
        try:
            yield
        finally:
            await sweeper.stop()
            await rt.stop()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"ok": True, "broker": "healthy" if rt.broker.healthy else "degraded"})

    spa = _spa(settings.web_dist)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz),
        *export_routes,
        *order_routes(rt),
    ]
    assets = settings.web_dist / "assets"
    if assets.is_dir():
        # Precompressed, immutable hashed files; source maps only in dev (server/web_assets.py).
        routes.append(Mount("/assets", AssetFiles(directory=assets, source_maps=settings.env == "dev"), name="assets"))
    routes.append(Route("/{path:path}", spa))
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.runtime = rt
    app.state.schema = schema
    return app
