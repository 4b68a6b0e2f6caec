"""Apps with tuned limits over the shared runtime (same database, broker and clock)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette

from server.app import create_app
from server.runtime import Runtime
from tests.plugins.ws import PROTOCOL, GraphQLWS

HEAVY = (
    "{ products(first: 100) { edges { node { shop { products(first: 100) { edges { node { shop {"
    " products(first: 100) { edges { node { id title } } } } } } } } } } } }"
)


def tuned(rt: Runtime, **overrides: Any) -> Runtime:
    """The runtime with some settings changed (per-role dicts are merged over the current ones)."""
    update = {
        key: {**getattr(rt.settings, key), **value} if isinstance(value, dict) else value
        for key, value in overrides.items()
    }
    return dataclasses.replace(rt, settings=rt.settings.model_copy(update=update))


@pytest.fixture
def limited_app(rt: Runtime) -> Callable[..., Starlette]:
    def make(**overrides: Any) -> Starlette:
        runtime = tuned(rt, **overrides)
        return create_app(runtime.settings, runtime=runtime)

    return make


@asynccontextmanager
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        yield http


@asynccontextmanager
async def socket(app: Starlette, token: str) -> AsyncIterator[GraphQLWS]:
    async with httpx.AsyncClient(transport=ASGIWebSocketTransport(app), base_url="http://testserver") as http:
        async with aconnect_ws("http://testserver/graphql", http, subprotocols=[PROTOCOL]) as ws:
            graphql_ws = GraphQLWS(ws.send_text, ws.receive_text)
            assert (await graphql_ws.init({"token": token}))["type"] == "connection_ack"
            yield graphql_ws


async def post(
    http: httpx.AsyncClient, token: str | None, query: str, variables: dict | None = None
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
