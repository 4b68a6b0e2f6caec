"""A schema that is no longer used is freed with everything it holds: no process-wide cache keeps it (or its
types) alive. A process builds one schema, but the tests build one per app; the caches that held every one of
them made the test workers' full collections walk millions of objects, seconds at a time."""

from __future__ import annotations

import gc
import weakref

import httpx
from graphql import GraphQLSchema

from server.app import create_app
from server.runtime import Runtime
from tests.plugins.api import Api, World, login_token

VIEWER = "{ viewer { role organisation { id kind name market } } }"


def graphql_schemas() -> list[weakref.ref[GraphQLSchema]]:
    return [weakref.ref(o) for o in gc.get_objects() if isinstance(o, GraphQLSchema)]


async def use_an_app(rt: Runtime, world: World) -> None:
    """Validates, plans and executes a document with enum leaves and a Node type through a new app's schema."""
    app = create_app(rt.settings, runtime=rt)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        api = Api(http, await login_token(http, world["agency_a"].email))
        for _ in range(2):  # the second time from the caches
            data = await api(VIEWER)
            assert data["viewer"]["organisation"]["kind"] == "AGENCY"


async def test_a_schema_no_longer_used_is_freed(rt: Runtime, world: World) -> None:
    gc.collect()
    before = {id(ref()) for ref in graphql_schemas()}

    await use_an_app(rt, world)

    gc.collect()
    left = [ref for ref in graphql_schemas() if id(ref()) not in before]
    assert left == [], f"{len(left)} schema(s) of the finished app are still referenced"
