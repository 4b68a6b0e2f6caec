"""Schema-level tests: the policy table (server/authz/policy.py) is the oracle, the built schema is the subject.

Shared helpers only; nothing here touches a database.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import graphql
import strawberry

from server.authz.rules import Audience
from server.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schema.graphql"
ROOT_TYPE_NAMES = ("Query", "Mutation", "Subscription")
# Column order of every audience table (also the order of tests/snapshots/visibility.md).
AUDIENCES = (Audience.AGENCY, Audience.SELLER, Audience.CREATOR, Audience.OPERATOR, Audience.ANONYMOUS)
ROLE_AUDIENCES = tuple(a for a in AUDIENCES if a is not Audience.ANONYMOUS)


def schema_settings() -> Settings:
    """Settings good enough to build the schema (no database or broker is touched)."""
    return Settings(env="test", secret_key="schema-tests-secret-0123456789abcdef", redis_url=None)


@cache
def built_schema() -> strawberry.Schema:
    from server.schema.build import build_schema

    return build_schema(schema_settings())


@cache
def sdl_schema() -> graphql.GraphQLSchema:
    """The built schema, printed and parsed back: exactly what clients see."""
    return graphql.build_schema(str(built_schema()))


def named(type_: graphql.GraphQLType) -> graphql.GraphQLNamedType:
    """Unwraps lists and non-nulls."""
    return graphql.get_named_type(type_)


def object_types(schema: graphql.GraphQLSchema) -> dict[str, graphql.GraphQLObjectType]:
    """Every object type of the schema, introspection types excluded."""
    return {
        name: type_
        for name, type_ in schema.type_map.items()
        if isinstance(type_, graphql.GraphQLObjectType) and not name.startswith("__")
    }


def possible_types(
    schema: graphql.GraphQLSchema, type_: graphql.GraphQLNamedType
) -> list[graphql.GraphQLObjectType]:
    """The object types a value of `type_` can be: itself, every implementation of an interface, union members."""
    if isinstance(type_, graphql.GraphQLObjectType):
        return [type_]
    if isinstance(type_, graphql.GraphQLInterfaceType | graphql.GraphQLUnionType):
        return list(schema.get_possible_types(type_))
    return []


def dummy_literal(type_: graphql.GraphQLInputType) -> str:
    """Some valid GraphQL literal of an input type (for calls that must pass validation, not do anything)."""
    if isinstance(type_, graphql.GraphQLNonNull):
        return dummy_literal(type_.of_type)
    if isinstance(type_, graphql.GraphQLList):
        return f"[{dummy_literal(type_.of_type)}]"
    if isinstance(type_, graphql.GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, graphql.GraphQLInputObjectType):
        required = {n: f for n, f in type_.fields.items() if graphql.is_required_input_field(f)}
        return "{" + ", ".join(f"{n}: {dummy_literal(f.type)}" for n, f in required.items()) + "}"
    scalar = {"Int": "1", "Float": "1.5", "Boolean": "false"}
    return scalar.get(type_.name, '"2026-01-01T00:00:00+00:00"' if type_.name == "DateTime" else '"x"')


def selection(type_: graphql.GraphQLOutputType) -> str:
    """The smallest valid selection on a field of this type: nothing for a leaf, `{ __typename }` otherwise."""
    return "" if graphql.is_leaf_type(named(type_)) else " { __typename }"


def call(field_name: str, field: graphql.GraphQLField) -> str:
    """`field(requiredArg: <dummy>) { __typename }`: required arguments filled, optional ones left out."""
    required = {n: a for n, a in field.args.items() if graphql.is_required_argument(a)}
    args = (
        "(" + ", ".join(f"{n}: {dummy_literal(a.type)}" for n, a in required.items()) + ")"
        if required
        else ""
    )
    return f"{field_name}{args}{selection(field.type)}"
