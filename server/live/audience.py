"""Who may share a live payload: the audience key of a subscriber, read from the policy table.

Two subscribers share one execution of a subscription only when everything the payload can depend on is equal:
the document and variables (the feed key adds them) and the principal's attributes that the policy reads for
the types the payload can reach. The role and the organisation always count (field rules go by role, the
subscription resolvers pick channels by organisation); an attribute such as ``user_id`` counts only when a row
scope of a reachable type reads it (a notification addressed to one user). Reads are found by calling each row
scope with a recording principal, so a new rule in the policy is picked up without a list to keep in step.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import cache
from typing import Any

from graphql import GraphQLNamedType, GraphQLObjectType, GraphQLSchema, get_named_type
from graphql.type import GraphQLInterfaceType, GraphQLUnionType

from server.auth.principal import Principal
from server.authz.policy import ROW_SCOPES
from server.models.enums import Role

__all__ = ["BASE_FIELDS", "audience_key", "principal_reads", "reachable_types", "subscription_fields"]

# Always part of the key: field rules are per role, channels per organisation.
BASE_FIELDS: tuple[str, ...] = ("role", "organisation_id")
# Properties of Principal that are derived from the base fields.
_DERIVED = {"agency_id": "organisation_id", "shop_id": "organisation_id", "creator_id": "organisation_id"}
# Types whose resolvers read the principal beyond the policy (the viewer's own user and session).
_RESOLVER_READS: dict[str, frozenset[str]] = {"Viewer": frozenset({"user_id", "session_id", "expires_at"})}


class _Recorder:
    """Stands in for a Principal and records which attributes a row scope reads."""

    def __init__(self, role: Role) -> None:
        self._sample = Principal(user_id=1, role=role, organisation_id=1, session_id=1)
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.read.add(_DERIVED.get(name, name))
        if name in _DERIVED:
            self.read.add("role")
        return getattr(self._sample, name)


@cache
def principal_reads(type_name: str, role: Role) -> frozenset[str]:
    """The Principal attributes the row scope of ``type_name`` reads for ``role`` (empty without a scope)."""
    from server.authz.rules import role_audience

    scope = ROW_SCOPES.get(type_name, {}).get(role_audience(role))
    reads: set[str] = set(_RESOLVER_READS.get(type_name, frozenset()))
    if scope is not None:
        recorder = _Recorder(role)
        scope(recorder)  # type: ignore[arg-type]
        reads |= recorder.read
    return frozenset(reads)


def reachable_types(schema: GraphQLSchema, root_fields: Iterable[str]) -> frozenset[str]:
    """Every named type reachable from the given Subscription fields (through fields, interfaces, unions)."""
    root = schema.subscription_type
    assert root is not None
    seen: set[str] = set()
    todo: list[GraphQLNamedType] = []
    for name in root_fields:
        field = root.fields.get(name)
        if field is None:
            continue
        todo.append(get_named_type(field.type))
        for arg in field.args.values():
            todo.append(get_named_type(arg.type))
    while todo:
        named = todo.pop()
        if named.name in seen:
            continue
        seen.add(named.name)
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)):
            for field in named.fields.values():
                todo.append(get_named_type(field.type))
            if isinstance(named, GraphQLInterfaceType):
                todo.extend(schema.get_possible_types(named))
        elif isinstance(named, GraphQLUnionType):
            todo.extend(named.types)
    return frozenset(seen)


def subscription_fields(schema: GraphQLSchema) -> tuple[str, ...]:
    root = schema.subscription_type
    return () if root is None else tuple(root.fields)


_KEY_FIELDS: dict[tuple[int, tuple[str, ...], Role], tuple[str, ...]] = {}


def key_fields(schema: GraphQLSchema, root_fields: tuple[str, ...], role: Role) -> tuple[str, ...]:
    """The principal attributes that the payload of these root fields can depend on, for this role."""
    cache_key = (id(schema), root_fields, role)
    found = _KEY_FIELDS.get(cache_key)
    if found is None:
        reads: set[str] = set(BASE_FIELDS)
        for type_name in reachable_types(schema, root_fields):
            reads |= principal_reads(type_name, role)
        found = tuple(sorted(reads))
        _KEY_FIELDS[cache_key] = found
    return found


def audience_key(
    schema: GraphQLSchema, principal: Principal | None, root_fields: tuple[str, ...]
) -> Hashable:
    """Equal for two principals exactly when the policy lets them see the same payload of ``root_fields``.
    ``root_fields`` empty (not known, e.g. a fragment at the root) means: every Subscription field."""
    if principal is None:
        return ("anonymous",)
    fields = root_fields or subscription_fields(schema)
    return tuple(
        (name, getattr(principal, name)) for name in key_fields(schema, tuple(sorted(fields)), principal.role)
    )
