"""ASGI wrappers around the whole app (outside Starlette's error handling, so they cover its 500s too):

- SecurityHeaders: Content-Security-Policy, X-Content-Type-Options, Referrer-Policy, X-Frame-Options and, when
  the public URL is https, Strict-Transport-Security on every HTTP response: HTML, JSON, assets and errors.
- BodyLimit: a request body over settings.max_body_bytes is answered 413 with a JSON error before the app
  reads it (endpoints under OWN_LIMITS bound their bodies themselves).
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.hardening.graphql_http import RequestError, error_response, response_media_type
from server.settings import Settings

OWN_LIMITS = ("/integrations/",)  # server/integrations/orders.py reads its bodies with its own bounds
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def security_headers(settings: Settings) -> list[tuple[bytes, bytes]]:
    headers = {
        "x-content-type-options": "nosniff",
        "referrer-policy": settings.referrer_policy,
        "x-frame-options": "DENY",  # frame-ancestors 'none' for browsers without CSP 2
    }
    if settings.content_security_policy:
        headers["content-security-policy"] = settings.content_security_policy
    if settings.is_https and settings.hsts_max_age_seconds:
        headers["strict-transport-security"] = f"max-age={settings.hsts_max_age_seconds}; includeSubDomains"
    return [(name.encode(), value.encode()) for name, value in headers.items()]


class SecurityHeaders:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.headers = security_headers(settings)
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", ())}
                extra = [(n, v) for n, v in self.headers if n not in present]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in _BODY_METHODS
            or scope["path"].startswith(OWN_LIMITS)
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", ()))
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send, headers)
            return
        # Read the body here, bounded, and replay it: a body without Content-Length (chunked) is bounded too.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send, headers)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, headers: dict[bytes, bytes]) -> None:
        media = response_media_type(headers.get(b"accept", b"").decode("latin-1"))
        response = error_response(
            media,
            RequestError(
                413,
                "BODY_TOO_LARGE",
                f"The request body is larger than {self.limit} bytes",
                limit=self.limit,
            ),
        )
        response.headers["connection"] = "close"
        await response(scope, receive, send)


def harden(app: Starlette, settings: Settings) -> Starlette:
    """Wraps the app's middleware stack (built lazily by Starlette) in BodyLimit, then SecurityHeaders."""
    build = app.build_middleware_stack

    def build_hardened() -> Any:
        return SecurityHeaders(BodyLimit(build(), settings.max_body_bytes), settings)

    app.build_middleware_stack = build_hardened  # type: ignore[method-assign]
    return app
