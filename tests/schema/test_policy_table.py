"""The policy table must be consistent with itself (and with the shape of the schema it describes)."""

from __future__ import annotations

import graphql
import pytest
from sqlalchemy import ColumnElement
from sqlalchemy.dialects import postgresql, sqlite

from server.auth.principal import Principal
from server.authz.policy import FIELD_RULES, ROW_SCOPES, TYPE_ACCESS
from server.authz.rules import Audience, Rule
from server.models.enums import Role
from server.resolvers.query.node import NODE_TYPES

from . import named, object_types, possible_types, sdl_schema


def _rules() -> list[tuple[str, str, Rule]]:
    return [(t, f, rule) for t, fields in FIELD_RULES.items() for f, rule in fields.items()]


def test_every_audience_used_exists() -> None:
    problems = []
    for type_name, audiences in TYPE_ACCESS.items():
        problems += [f"TYPE_ACCESS[{type_name}]: {a!r}" for a in audiences if not isinstance(a, Audience)]
    for type_name, field_name, rule in _rules():
        if not isinstance(rule, Rule):
            problems.append(f"FIELD_RULES[{type_name}][{field_name}] is {rule!r}, not a Rule")
            continue
        problems += [
            f"FIELD_RULES[{type_name}][{field_name}]: {a!r}"
            for a in rule.audiences
            if not isinstance(a, Audience)
        ]
    for type_name, scopes in ROW_SCOPES.items():
        problems += [f"ROW_SCOPES[{type_name}]: {a!r}" for a in scopes if not isinstance(a, Audience)]
    assert not problems, "unknown audiences in the policy:\n" + "\n".join(problems)


def test_every_field_rules_type_is_in_type_access() -> None:
    missing = sorted(set(FIELD_RULES) - set(TYPE_ACCESS))
    assert not missing, f"FIELD_RULES types missing from TYPE_ACCESS (nobody could reach them): {missing}"


def test_rules_never_grant_a_field_of_a_type_the_audience_cannot_reach() -> None:
    problems = [
        f"{t}.{f}: {sorted(rule.audiences - TYPE_ACCESS.get(t, frozenset()))} may see it but cannot reach {t}"
        for t, f, rule in _rules()
        if rule.audiences - TYPE_ACCESS.get(t, frozenset())
    ]
    assert not problems, "\n".join(problems)


def test_field_audiences_can_reach_the_type_the_field_returns() -> None:
    """An audience allowed a field must be able to reach the object type it returns (for an interface or
    union: at least one of its possible types), or the table contradicts itself."""
    schema = sdl_schema()
    problems = []
    for type_name, field_name, rule in _rules():
        gql_type = object_types(schema).get(type_name)
        if gql_type is None or field_name not in gql_type.fields:
            continue  # test_policy_covers_schema reports stale entries
        returned = named(gql_type.fields[field_name].type)
        if isinstance(returned, graphql.GraphQLObjectType):
            denied = rule.audiences - TYPE_ACCESS.get(returned.name, frozenset())
            if denied:
                problems.append(
                    f"{type_name}.{field_name} -> {returned.name}: {sorted(denied)} cannot reach it"
                )
        elif isinstance(returned, graphql.GraphQLInterfaceType | graphql.GraphQLUnionType):
            for audience in rule.audiences:
                if not any(
                    audience in TYPE_ACCESS.get(o.name, frozenset()) for o in possible_types(schema, returned)
                ):
                    problems.append(
                        f"{type_name}.{field_name} -> {returned.name}: {audience} reaches none of its types"
                    )
    assert not problems, "\n".join(problems)


def test_node_types_are_in_type_access() -> None:
    missing = sorted(set(NODE_TYPES) - set(TYPE_ACCESS))
    assert not missing, f"node(id:) can load types that TYPE_ACCESS does not list: {missing}"


def test_row_backed_types_have_a_row_scope_for_every_role_that_reaches_them() -> None:
    problems = []
    for type_name in NODE_TYPES:
        roles = TYPE_ACCESS.get(type_name, frozenset()) - {Audience.ANONYMOUS}
        missing = roles - set(ROW_SCOPES.get(type_name, {}))
        if missing:
            problems.append(f"{type_name}: no ROW_SCOPES entry for {sorted(missing)}")
    assert not problems, "\n".join(problems)


def test_row_scopes_only_for_audiences_that_reach_the_type() -> None:
    """A scope for an audience that cannot reach the type (or for anonymous callers, who never get rows) is a
    dead entry that suggests the table says something it does not."""
    problems = []
    for type_name, scopes in ROW_SCOPES.items():
        if type_name not in TYPE_ACCESS:
            problems.append(f"ROW_SCOPES[{type_name}]: type not in TYPE_ACCESS")
            continue
        for audience in scopes:
            if audience is Audience.ANONYMOUS or audience not in TYPE_ACCESS[type_name]:
                problems.append(f"ROW_SCOPES[{type_name}][{audience}]: this audience cannot have rows of it")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("type_name", "audience"),
    sorted(
        ((t, a) for t, scopes in ROW_SCOPES.items() for a in scopes),
        key=lambda pair: (pair[0], pair[1].value),
    ),
    ids=str,  # sorted: parallel test workers must collect the same list in the same order
)
def test_row_scope_is_a_sql_predicate_on_both_dialects(type_name: str, audience: Audience) -> None:
    principal = Principal(user_id=101, role=Role(audience.value), organisation_id=202)
    predicate = ROW_SCOPES[type_name][audience](principal)
    assert isinstance(predicate, ColumnElement), f"ROW_SCOPES[{type_name}][{audience}] returned {predicate!r}"
    for dialect in (sqlite.dialect(), postgresql.dialect()):
        predicate.compile(dialect=dialect)
