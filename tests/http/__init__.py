"""HTTP hardening (server/hardening/): production defaults, inputs, GraphQL over HTTP, degraded dependencies."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from server.app import create_app
from server.runtime import Runtime

GRAPHQL_RESPONSE = "application/graphql-response+json"
LOGIN = "mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }"


@asynccontextmanager
async def client_for(rt: Runtime, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client for an app built with these settings, sharing the test runtime's database, broker
    and clock."""
    changed = rt.settings.model_copy(update=settings)
    runtime = Runtime(
        settings=changed, engine=rt.engine, sessionmaker=rt.sessionmaker, broker=rt.broker, clock=rt.clock
    )
    app = create_app(changed, runtime=runtime)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        yield client


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]


async def post_graphql(client: httpx.AsyncClient, payload: dict[str, Any], **headers: str) -> httpx.Response:
    """POST with the JSON written by `json.dumps` (\\uXXXX escapes), so lone surrogates can be sent as JSON allows."""
    return await client.post(
        "/graphql",
        content=json.dumps(payload).encode(),
        headers={"content-type": "application/json", **headers},
    )
