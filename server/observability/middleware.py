"""One pure ASGI wrapper around the whole app (no BaseHTTPMiddleware: it adds a task per request): gives every
HTTP request and websocket a request id (the caller's X-Request-ID when it is a plain token, else a new one),
returns it as the X-Request-ID response header, and when the request ends records its metrics and one log line
(method, route, status, duration, request id, organisation, GraphQL operation)."""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.observability import metrics
from server.observability.request_context import REQUEST_ID_HEADER, RequestInfo, current, new_request_id

log = logging.getLogger("matchup.http")
_HEADER = REQUEST_ID_HEADER.encode()
_QUIET = ("/healthz", "/readyz", "/metrics", "/assets/")  # probes and scrapes: metrics, no log line


def _incoming_id(scope: Scope) -> bytes | None:
    for name, value in scope.get("headers", ()):
        if name == _HEADER:
            return value
    return None


class ObserveRequests:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await self.app(scope, receive, send)
            return
        info = RequestInfo(new_request_id(_incoming_id(scope)))
        token = current.set(info)
        try:
            if kind == "websocket":
                await self._websocket(scope, receive, send)
            else:
                await self._http(scope, receive, send, info)
        finally:
            current.reset(token)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        metrics.gauge(metrics.WEBSOCKETS, 1)
        try:
            await self.app(scope, receive, send)
        finally:
            metrics.gauge(metrics.WEBSOCKETS, -1)

    async def _http(self, scope: Scope, receive: Receive, send: Send, info: RequestInfo) -> None:
        started = time.perf_counter()
        status = 500
        header = (_HEADER, info.request_id.encode())

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", ()), header]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            path = scope["path"]
            if metrics.switch.on:
                route = metrics.route_label(path)
                metrics.HTTP_REQUESTS.labels(scope["method"], route, str(status)).inc()
                metrics.HTTP_DURATION.labels(scope["method"], route).observe(elapsed)
            if not path.startswith(_QUIET) and log.isEnabledFor(logging.INFO):
                log.info(
                    "%s %s %s",
                    scope["method"],
                    path,
                    status,
                    extra={
                        "fields": {
                            "method": scope["method"],
                            "path": path,
                            "status": status,
                            "duration_ms": round(elapsed * 1000, 2),
                        }
                    },
                )


def observe(app: Any) -> Any:
    """Wraps the app's (lazily built) middleware stack in ObserveRequests, outermost: the request id is set before
    anything else runs and its header is on every response, errors included."""
    build = app.build_middleware_stack

    def build_observed() -> Any:
        return ObserveRequests(build())

    app.build_middleware_stack = build_observed
    return app
