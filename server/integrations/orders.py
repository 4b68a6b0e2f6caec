"""POST /integrations/orders (one event) and POST /integrations/orders/batch ({"events": [...]}).

Thin: read the body (bounded), let the service authenticate the signature and ingest, map results and
DomainErrors to JSON. Every error is {"error": {"code", "message", "field"}}; see docs/integrations-orders.md.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from server.hardening.json_body import BadJson, bad_string, decode_json
from server.limits.rate import RateLimiter, rate_limited_message, retry_after_header
from server.runtime import Runtime
from server.services.errors import DomainError
from server.services.orders.event_shops import EventResult
from server.services.orders.ingestion import MAX_BATCH, ingest
from server.services.orders.signatures import KEY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, authenticate

log = logging.getLogger(__name__)

# The endpoint's reference, linked from the seller's Integrations page (plain text: browsers show it).
DOCS = Path(__file__).resolve().parents[2] / "docs" / "integrations-orders.md"
DOCS_PATH = "/integrations/orders.md"

MAX_BODY = 256 * 1024
MAX_BATCH_BODY = 8 * 1024 * 1024

HTTP_STATUS = {
    **dict.fromkeys(
        (
            "MISSING_KEY",
            "UNKNOWN_KEY",
            "MISSING_TIMESTAMP",
            "INVALID_TIMESTAMP",
            "STALE_TIMESTAMP",
            "MISSING_SIGNATURE",
            "BAD_SIGNATURE",
        ),
        401,
    ),
    **dict.fromkeys(("KEY_NOT_ALLOWED", "SHOP_MISMATCH"), 403),
    **dict.fromkeys(("MALFORMED_JSON", "INVALID_EVENT", "INVALID_BATCH"), 400),
    **dict.fromkeys(
        (
            "EVENT_ID_REUSED",
            "ORDER_EXISTS",
            "ALREADY_PAID",
            "ALREADY_SHIPPED",
            "ALREADY_DELIVERED",
            "ALREADY_CANCELLED",
            "ALREADY_FROZEN",
            "LINE_CANCELLED",
            "LINE_REFUNDED",
            "LINE_SETTLED",
            "NOT_CANCELLABLE",
            "STALE_EVENT",
        ),
        409,
    ),
    **dict.fromkeys(("BODY_TOO_LARGE", "TOO_MANY_EVENTS"), 413),
    "RATE_LIMITED": 429,
}


def error_body(error: DomainError) -> dict[str, Any]:
    return {"error": {"code": error.code, "message": error.message, "field": error.field}}


def _error(error: DomainError) -> JSONResponse:
    return JSONResponse(error_body(error), status_code=HTTP_STATUS.get(error.code, 422))


def result_body(result: EventResult) -> dict[str, Any]:
    body: dict[str, Any] = {"id": result.event_id, "status": result.status, "duplicate": result.duplicate}
    if result.held_reason is not None:
        body["held_reason"] = result.held_reason
    if result.error is not None:
        body.update(error_body(result.error))
    return body


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise DomainError("BODY_TOO_LARGE", f"The body is limited to {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise DomainError("BODY_TOO_LARGE", f"The body is limited to {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_json(body: bytes) -> Any:
    """UTF-8 JSON, not absurdly nested, with no string a text column cannot hold (server/hardening/json_body.py)."""
    try:
        data = decode_json(body)
    except BadJson as error:
        raise DomainError("MALFORMED_JSON", error.message) from None
    if found := bad_string(data):
        path, problem = found
        raise DomainError("INVALID_EVENT", f"The value at {'.'.join(map(str, path))} {problem}", path)
    return data


class RateLimited(DomainError):
    def __init__(self, message: str, retry_after: str) -> None:
        super().__init__("RATE_LIMITED", message)
        self.retry_after = retry_after


def order_routes(rt: Runtime, rate: RateLimiter | None = None) -> list[Route]:
    rate = rate or RateLimiter(rt.settings)

    async def charge(request: Request, events: int) -> None:
        """Each integration key has its own budget of order events (docs/api-limits.md)."""
        throttle = await rate.take(
            rt.clock, [rate.integration_key_bucket(request.headers[KEY_HEADER])], events
        )
        if not throttle.allowed:
            raise RateLimited(
                rate_limited_message(throttle).replace("cost units", "events"), retry_after_header(throttle)
            )

    async def handle(request: Request, *, batch: bool) -> JSONResponse:
        try:
            body = await _read_body(request, MAX_BATCH_BODY if batch else MAX_BODY)
            pusher = await authenticate(
                rt,
                api_key=request.headers.get(KEY_HEADER),
                timestamp=request.headers.get(TIMESTAMP_HEADER),
                signature=request.headers.get(SIGNATURE_HEADER),
                body=body,
            )
            data = _parse_json(body)
            if not batch:
                await charge(request, 1)
                result = (await ingest(rt, pusher, [data]))[0]
                if result.error is not None:
                    return _error(result.error)
                return JSONResponse(result_body(result), status_code=202 if result.status == "held" else 200)
            if (
                not isinstance(data, dict)
                or not isinstance(data.get("events"), list)
                or set(data) != {"events"}
            ):
                raise DomainError("INVALID_BATCH", 'A batch is {"events": [event, ...]}', ["events"])
            events = data["events"]
            if not events:
                raise DomainError("REQUIRED", "Send at least one event", ["events"])
            if len(events) > MAX_BATCH:
                raise DomainError("TOO_MANY_EVENTS", f"A batch has at most {MAX_BATCH} events", ["events"])
            await charge(request, len(events))
            results = await ingest(rt, pusher, events, batch=True)
            return JSONResponse({"results": [{"index": i, **result_body(r)} for i, r in enumerate(results)]})
        except RateLimited as error:
            body = error_body(error)
            body["error"]["retry_after"] = int(error.retry_after)
            return JSONResponse(body, status_code=429, headers={"Retry-After": error.retry_after})
        except DomainError as error:
            return _error(error)
        except Exception:
            error_id = uuid.uuid4().hex[:12]
            log.exception("order ingestion failed (error id %s)", error_id)
            return JSONResponse(
                {
                    "error": {
                        "code": "INTERNAL_ERROR",
                        "message": f"Nothing was stored; retry (error id {error_id})",
                        "field": None,
                    }
                },
                status_code=500,
            )

    async def single(request: Request) -> JSONResponse:
        return await handle(request, batch=False)

    async def many(request: Request) -> JSONResponse:
        return await handle(request, batch=True)

    async def docs(request: Request) -> Response:
        if not DOCS.is_file():
            return PlainTextResponse("Not found", status_code=404)
        return FileResponse(
            DOCS, media_type="text/plain; charset=utf-8", headers={"Cache-Control": "no-cache"}
        )

    return [
        Route("/integrations/orders", single, methods=["POST"]),
        Route("/integrations/orders/batch", many, methods=["POST"]),
        Route(DOCS_PATH, docs, methods=["GET"]),
    ]
