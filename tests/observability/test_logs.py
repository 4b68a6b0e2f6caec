"""Log lines: one JSON object per line with time, level, request id (also the X-Request-ID response header and the
masked error's extensions), organisation and operation; readable text in dev."""

from __future__ import annotations

import io
import json
import logging

import httpx
from graphql import GraphQLError

from server.app import create_app
from server.observability.logs import configure_logging
from server.observability.request_context import RequestInfo, current
from server.schema.extensions import classify_errors
from tests.plugins.api import login_token


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


async def test_each_request_logs_one_json_line_with_its_request_id(rt, world) -> None:  # noqa: ANN001
    app = create_app(rt.settings, runtime=rt)  # env "test": JSON
    stream = io.StringIO()
    handler = configure_logging(rt.settings, stream)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            token = await login_token(http, world["seller_a"].email)
            stream.truncate(0)
            stream.seek(0)
            response = await http.post(
                "/graphql",
                json={"query": "query Me { viewer { role } }"},
                headers={"Authorization": f"Bearer {token}", "X-Request-ID": "edge-proxy-1234abcd"},
            )
            generated = await http.post(
                "/graphql",
                json={"query": "query Anon { __typename }"},
                headers={"X-Request-ID": "bad id with spaces"},
            )
    finally:
        logging.getLogger().removeHandler(handler)
    assert response.headers["x-request-id"] == "edge-proxy-1234abcd"
    new_id = generated.headers["x-request-id"]
    assert len(new_id) == 32 and new_id != "bad id with spaces"
    lines = _lines(stream)  # every line parses as JSON
    requests = [line for line in lines if line["logger"] == "matchup.http"]
    assert len(requests) == 2
    first, second = requests
    assert {"time", "level", "message", "request_id", "status", "duration_ms"} <= set(first)
    assert first["request_id"] == "edge-proxy-1234abcd" and first["level"] == "info"
    assert first["organisation_id"] == world["seller_a"].organisation_id and first["operation"] == "Me"
    assert first["status"] == 200 and first["method"] == "POST" and first["path"] == "/graphql"
    assert (
        second["request_id"] == new_id and "organisation_id" not in second and second["operation"] == "Anon"
    )


def test_a_masked_error_carries_the_request_id_in_its_extensions_and_log_line() -> None:
    from tests.conftest import make_settings

    stream = io.StringIO()
    handler = configure_logging(make_settings("sqlite+aiosqlite:///:memory:"), stream)
    token = current.set(RequestInfo("req-0123456789", organisation_id=7, operation="Boom"))
    try:
        [error] = classify_errors([GraphQLError("boom", original_error=RuntimeError("secret detail"))])
    finally:
        current.reset(token)
        logging.getLogger().removeHandler(handler)
    assert error.message == "Internal server error"
    assert error.extensions["requestId"] == "req-0123456789"
    [line] = [line for line in _lines(stream) if line["logger"] == "matchup.graphql"]
    assert (
        line["level"] == "error" and line["request_id"] == "req-0123456789" and line["organisation_id"] == 7
    )
    assert line["operation"] == "Boom" and "secret detail" in line["exception"]
    assert error.extensions["errorId"] in line["message"]


def test_dev_logs_are_readable_text() -> None:
    from tests.conftest import make_settings

    stream = io.StringIO()
    settings = make_settings("sqlite+aiosqlite:///:memory:").model_copy(update={"env": "dev"})
    handler = configure_logging(settings, stream)
    token = current.set(RequestInfo("req-text-0001"))
    try:
        logging.getLogger("matchup.http").info("GET / 200", extra={"fields": {"status": 200}})
    finally:
        current.reset(token)
        logging.getLogger().removeHandler(handler)
    text = stream.getvalue()
    assert (
        "INFO" in text and "GET / 200" in text and "request_id=req-text-0001" in text and "status=200" in text
    )
    assert not text.lstrip().startswith("{")
