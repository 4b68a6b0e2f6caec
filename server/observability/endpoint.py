"""GET /metrics: the Prometheus exposition, only when MATCHUP_METRICS_TOKEN is set, only with that bearer token."""

from __future__ import annotations

import hmac

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.observability.metrics import exposition
from server.settings import Settings


def metrics_routes(settings: Settings) -> list[Route]:
    """/metrics only when a token is configured; without `Authorization: Bearer <token>` it answers 401."""
    if settings.metrics_token is None:
        return []
    expected = f"Bearer {settings.metrics_token.get_secret_value()}".encode()

    async def metrics(request: Request) -> Response:
        given = request.headers.get("authorization", "").encode("latin-1")
        if not hmac.compare_digest(given, expected):
            return Response(
                "metrics need the bearer token (MATCHUP_METRICS_TOKEN)\n",
                status_code=401,
                headers={"www-authenticate": 'Bearer realm="metrics"'},
                media_type="text/plain",
            )
        return Response(exposition(), media_type=CONTENT_TYPE_LATEST, headers={"cache-control": "no-store"})

    return [Route("/metrics", metrics)]
