"""A schema that is no longer used is freed with everything it holds: no process-wide cache keeps it (or its
types) alive. A process builds one schema, but the tests build one per app; the caches that held every one of
them made the test workers' full collections walk millions of objects, seconds at a time."""

from __future__ import annotations

import gc
import sys
import types
import weakref

import httpx
from graphql import GraphQLSchema

from server.app import create_app
from server.runtime import Runtime
from tests.plugins.api import Api, World, login_token

VIEWER = "{ viewer { role organisation { id kind name market } } }"


def graphql_schemas() -> list[weakref.ref[GraphQLSchema]]:
    return [weakref.ref(o) for o in gc.get_objects() if isinstance(o, GraphQLSchema)]


def _is_here(referrer: object) -> bool:
    return isinstance(referrer, types.FrameType) and referrer.f_code.co_filename == __file__


def holders(target: object, limit: int = 50_000) -> str:
    """Who keeps `target` alive: the shortest chain of referrers down to it from a module's globals, or else from
    an object nothing tracked refers to (a thread's local, a frame), each step as its type and a short repr, so that
    a failure names the holder. Unfreezes the worker's heap (tests/conftest.py), whose objects would be invisible."""
    gc.unfreeze()
    modules = {id(m.__dict__): name for name, m in list(sys.modules.items()) if m is not None}
    parent: dict[int, object | None] = {id(target): None}
    queue = [target]
    mine = {id(parent), id(queue)}
    root = None
    while queue and len(parent) < limit and (root is None or id(root) not in modules):
        here = queue.pop(0)
        referrers = gc.get_referrers(here)
        mine.add(id(referrers))
        held = False
        for referrer in referrers:
            if id(referrer) in mine or _is_here(referrer):
                continue
            held = True
            if id(referrer) in parent:
                continue
            parent[id(referrer)] = here
            queue.append(referrer)
            if id(referrer) in modules:
                root = referrer
                break
        if not held and root is None:
            root = here
    if root is None:
        return f"{type(target).__qualname__}: no root within {len(parent)} referrers"
    steps, step = [], root
    while step is not None:
        steps.append(
            f"module {modules[id(step)]}"
            if id(step) in modules
            else f"{type(step).__qualname__}: {repr(step)[:100]}"
        )
        step = parent[id(step)]
    return "\n  -> ".join(steps)


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
    assert left == [], f"{len(left)} schema(s) of the finished app are still referenced:\n  " + "\n".join(
        holders(ref()) for ref in left
    )
