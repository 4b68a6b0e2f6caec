"""Walking the schema from the roots, an audience only ever reaches types TYPE_ACCESS lets it reach.

The walk follows every field the audience may see (field_access is not DENY), through lists and non-nulls,
to every implementation of an interface and every member of a union. `node(id:)` is the one exception the
code itself narrows: resolve_node returns only types the caller can_reach, so from `Query.node` the walk
follows the implementations of Node that the audience can reach (test_node_resolver_narrows_by_can_reach
proves resolve_node does narrow).
"""

from __future__ import annotations

import re
from collections import deque
from types import SimpleNamespace

import graphql
import pytest

from server.auth.principal import Principal
from server.authz.decisions import field_access
from server.authz.policy import TYPE_ACCESS
from server.authz.rules import Access, Audience
from server.ids import encode_id
from server.models.enums import Role
from server.resolvers.query import node as node_resolver

from . import AUDIENCES, ROLE_AUDIENCES, ROOT_TYPE_NAMES, named, object_types, possible_types, sdl_schema

NARROWED_BY_CAN_REACH = {("Query", "node")}
# Creator-level data: a seller never reaches it, by any path. Sample requests are the one type a seller reaches by
# design (it ships them); their creator-level fields it may not see (test_seller_ships_samples_without_the_creator).
CREATOR_LEVEL = re.compile(r"^(Creator|Showcase|Commission|Content|Sample(?!Request))")


def reachable_types(
    schema: graphql.GraphQLSchema, audience: Audience, narrowed: set[tuple[str, str]] = NARROWED_BY_CAN_REACH
) -> dict[str, list[str]]:
    """Object types the audience reaches from the roots, each with one path that reaches it."""
    paths: dict[str, list[str]] = {}
    queue: deque[str] = deque()
    for root in ROOT_TYPE_NAMES:
        if root in object_types(schema) and audience in TYPE_ACCESS.get(root, frozenset()):
            paths[root] = [root]
            queue.append(root)
    while queue:
        type_name = queue.popleft()
        for field_name, field in object_types(schema)[type_name].fields.items():
            if field_access(type_name, field_name, audience) is Access.DENY:
                continue
            targets = possible_types(schema, named(field.type))
            if (type_name, field_name) in narrowed:
                targets = [t for t in targets if audience in TYPE_ACCESS.get(t.name, frozenset())]
            for target in targets:
                if target.name not in paths:
                    paths[target.name] = [*paths[type_name], f"{field_name} -> {target.name}"]
                    queue.append(target.name)
    return paths


@pytest.mark.parametrize("audience", AUDIENCES, ids=str)
def test_audience_reaches_only_types_it_may_reach(audience: Audience) -> None:
    paths = reachable_types(sdl_schema(), audience)
    leaks = [
        " . ".join(path)
        for name, path in sorted(paths.items())
        if audience not in TYPE_ACCESS.get(name, frozenset())
    ]
    assert not leaks, f"{audience} reaches types outside TYPE_ACCESS:\n" + "\n".join(leaks)


@pytest.mark.parametrize("audience", AUDIENCES, ids=str)
def test_every_type_the_audience_may_reach_is_reachable(audience: Audience) -> None:
    """The converse, so a TYPE_ACCESS entry is never wider than what the schema actually offers."""
    paths = reachable_types(sdl_schema(), audience)
    unused = sorted(
        name
        for name in object_types(sdl_schema())
        if audience in TYPE_ACCESS.get(name, frozenset()) and name not in paths
    )
    assert not unused, f"TYPE_ACCESS lets {audience} reach types no visible field leads to: {unused}"


def test_seller_never_reaches_creator_level_types() -> None:
    """Explicit invariant, independent of TYPE_ACCESS: no path, field, interface or node(id:) gets a seller to
    creator-level data."""
    schema = sdl_schema()
    creator_level = sorted(n for n in object_types(schema) if CREATOR_LEVEL.match(n))
    assert "Creator" in creator_level
    paths = reachable_types(schema, Audience.SELLER)
    reached = [" . ".join(paths[n]) for n in creator_level if n in paths]
    assert not reached, "a seller reaches creator-level types:\n" + "\n".join(reached)
    # ...and TYPE_ACCESS, which node(id:) consults, agrees.
    granted = [n for n in creator_level if Audience.SELLER in TYPE_ACCESS.get(n, frozenset())]
    assert not granted, f"TYPE_ACCESS lets sellers reach creator-level types: {granted}"


def test_seller_ships_samples_without_the_creator() -> None:
    """The one creator-side type a seller reaches, a sample request, shows it the address to ship to and nothing
    about the creator; the agency of the campaign never sees the address."""
    sample = object_types(sdl_schema())["SampleRequest"]
    seller_sees = {
        f for f in sample.fields if field_access("SampleRequest", f, Audience.SELLER) is not Access.DENY
    }
    assert {"creator", "contents", "rejectReason"}.isdisjoint(seller_sees)
    assert "shippingAddress" in seller_sees
    assert field_access("SampleRequest", "shippingAddress", Audience.AGENCY) is Access.DENY
    assert Audience.AGENCY not in TYPE_ACCESS["ShippingAddress"]


def test_walk_follows_interfaces_and_would_catch_a_leak() -> None:
    """The walk is only as good as its edges: without the node(id:) narrowing, a seller would reach Creator."""
    schema = sdl_schema()
    node_impls = {t.name for t in possible_types(schema, schema.type_map["Node"])}
    assert "Creator" in node_impls
    paths = reachable_types(schema, Audience.SELLER, narrowed=set())
    assert paths["Creator"] == ["Query", "node -> Creator"]


def test_node_types_are_exactly_the_node_implementations() -> None:
    """node(id:) can fetch every Node type and nothing else."""
    schema = sdl_schema()
    implementations = {t.name for t in possible_types(schema, schema.type_map["Node"])}
    assert set(node_resolver.NODE_TYPES) == implementations


class _NoLoaders:
    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"resolve_node loaded {name} for a type the caller cannot reach")


@pytest.mark.parametrize("audience", ROLE_AUDIENCES, ids=str)
async def test_node_resolver_narrows_by_can_reach(audience: Audience) -> None:
    """The narrowing the walk assumes for Query.node: resolve_node returns null for a type the caller cannot
    reach, before loading anything. (The visibility matrix checks the reachable side over the API.)"""
    principal = Principal(user_id=1, role=Role(audience.value), organisation_id=1)
    info = SimpleNamespace(context=SimpleNamespace(principal=principal, loaders=_NoLoaders()))
    unreachable = [t for t in node_resolver.NODE_TYPES if audience not in TYPE_ACCESS.get(t, frozenset())]
    assert unreachable  # not vacuous: every role has node types it cannot reach
    for type_name in unreachable:
        assert await node_resolver.resolve_node(info, encode_id(type_name, 1)) is None  # type: ignore[arg-type]
