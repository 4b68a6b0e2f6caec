"""GraphQL over HTTP (the GraphQL-over-HTTP spec): which media type a response uses and its status code.

- A client that accepts `application/graphql-response+json` (as the web app does) gets that media type with the
  spec's status codes: 400 for a request that never executed (unparsable JSON or GraphQL, invalid parameters,
  validation and variable/input errors; such a response has no `data` entry), 503 while the database is down,
  200 once execution started (field errors included).
- Every other client gets `application/json` (the spec's legacy media type): 200 for GraphQL errors, 400 for a
  body that is not a GraphQL request at all, 503 while the database is down.
- Errors outside GraphQL execution (bad JSON, body too large, database down before execution) are JSON bodies
  of the same shape: {"errors": [{"message", "extensions": {"code", ...}}]}.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from server.hardening.unavailable import SERVICE_UNAVAILABLE

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
APPLICATION_JSON = "application/json"

REQUEST_ERROR_CODES = {
    400: "BAD_REQUEST",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "BODY_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    503: SERVICE_UNAVAILABLE,
}


class RequestError(Exception):
    """A request that cannot be executed; answered with `status` and one error."""

    def __init__(self, status: int, code: str, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extensions = extensions


def _quality(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def response_media_type(accept: str | None) -> str:
    """application/graphql-response+json when the Accept header prefers it at least as much as application/json."""
    graphql_q = json_q = 0.0
    for part in (accept or "").split(","):
        media, *params = part.split(";")
        media = media.strip().lower()
        q = _quality(params)
        if media == GRAPHQL_RESPONSE_JSON:
            graphql_q = max(graphql_q, q)
        elif media in (APPLICATION_JSON, "application/*", "*/*"):
            json_q = max(json_q, q)
    return GRAPHQL_RESPONSE_JSON if graphql_q > 0 and graphql_q >= json_q else APPLICATION_JSON


def error_body(code: str, message: str, **extensions: Any) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code, **extensions}}]}


RETRY_AFTER_SECONDS = "5"  # with every 503: when a client may try again


def error_response(media_type: str, error: RequestError) -> JSONResponse:
    return JSONResponse(
        error_body(error.code, error.message, **error.extensions),
        status_code=error.status,
        media_type=media_type,
        headers={"retry-after": RETRY_AFTER_SECONDS} if error.status == 503 else None,
    )


def result_status(body: dict[str, Any], media_type: str) -> int | None:
    """The status for an executed (or refused) GraphQL result; None: leave it (200 or what a resolver set).
    Drops `data` from a graphql-response+json body when execution never started."""
    errors = body.get("errors") or []
    if any((e.get("extensions") or {}).get("code") == SERVICE_UNAVAILABLE for e in errors):
        return 503
    if (
        media_type == GRAPHQL_RESPONSE_JSON
        and errors
        and body.get("data") is None
        and not any(e.get("path") for e in errors)
    ):
        body.pop("data", None)  # a request error: execution never started (no error has a path)
        return 400
    return None
