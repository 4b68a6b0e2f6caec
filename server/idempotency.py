"""The `Idempotency-Key` header on POST /graphql (docs/api-clients.md), as an ASGI wrapper around the endpoint.

A request without the header, or from an anonymous client, passes through untouched. A signed-in client's
keyed request claims the key before the endpoint runs (server/services/idempotency.py), and the endpoint's
answer is kept for replay when the operation ran (HTTP 200 with `data`); otherwise the key is released.
Replays carry `Idempotent-Replayed: true`."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth.authenticate import principal_for_token, token_from_headers
from server.runtime import Runtime
from server.services import idempotency

HEADER = "Idempotency-Key"


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    extensions = {"code": code, "field": HEADER, **extra}
    return JSONResponse({"errors": [{"message": message, "extensions": extensions}]}, status, headers=headers)


def _ran(status: int, body: bytes) -> bool:
    """Whether the operation executed: a 200 whose JSON has non-null `data`."""
    if status != 200:
        return False
    try:
        parsed = json.loads(body)
    except ValueError:
        return False
    return isinstance(parsed, dict) and parsed.get("data") is not None


class IdempotentEndpoint:
    def __init__(self, app: ASGIApp, rt: Runtime) -> None:
        self.app = app
        self.rt = rt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        raw = next((v for k, v in scope["headers"] if k == b"idempotency-key"), None)
        if raw is None:
            await self.app(scope, receive, send)
            return
        key = raw.decode("latin-1")
        problem = idempotency.key_problem(key)
        if problem is not None:
            await _error(
                400,
                "IDEMPOTENCY_KEY_INVALID",
                f"The {HEADER} header {problem}.",
                limit=idempotency.MAX_KEY_LENGTH,
            )(scope, receive, send)
            return
        request = Request(scope)
        principal = await principal_for_token(
            self.rt, token_from_headers(request.headers, request.cookies, self.rt.settings.cookie_name)
        )
        body = await _read_body(receive)
        replay = _replaying(body, receive)
        if principal is None:  # nothing an anonymous client does creates anything
            await self.app(scope, replay, send)
            return
        user_id = principal.user_id
        try:
            stored = await idempotency.claim(
                self.rt, user_id=user_id, key=key, body_hash=idempotency.request_hash(body)
            )
        except idempotency.IdempotencyKeyReused:
            await _error(
                422,
                "IDEMPOTENCY_KEY_REUSED",
                f"This {HEADER} was already used with a different request body. Use a new key for a new request.",
            )(scope, receive, send)
            return
        except idempotency.IdempotencyKeyInUse:
            await _error(
                409,
                "IDEMPOTENCY_KEY_IN_USE",
                f"A request with this {HEADER} is still running. Retry the same request later to get its answer.",
                headers={"Retry-After": "1"},
            )(scope, receive, send)
            return
        if stored is not None:
            headers = [
                (b"content-type", (stored.content_type or "application/json").encode()),
                (b"content-length", str(len(stored.body.encode())).encode()),
                (b"idempotent-replayed", b"true"),
            ]
            await send({"type": "http.response.start", "status": stored.status_code, "headers": headers})
            await send({"type": "http.response.body", "body": stored.body.encode()})
            return
        captured: dict[str, Any] = {"status": 500, "content_type": None, "body": bytearray()}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                for name, value in message.get("headers", []):
                    if name.lower() == b"content-type":
                        captured["content_type"] = value.decode("latin-1")
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, replay, capture)
        except BaseException:
            await idempotency.release(self.rt, user_id=user_id, key=key)
            raise
        body_out = bytes(captured["body"])
        if _ran(captured["status"], body_out):
            answer = idempotency.StoredAnswer(captured["status"], body_out.decode(), captured["content_type"])
            await idempotency.complete(self.rt, user_id=user_id, key=key, answer=answer)
        else:
            await idempotency.release(self.rt, user_id=user_id, key=key)


async def _read_body(receive: Receive) -> bytes:
    chunks = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks += message.get("body", b"")
        if not message.get("more_body", False):
            break
    return bytes(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
