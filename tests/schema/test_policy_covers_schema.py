"""Every object type and field of the schema has a policy entry, and the policy names nothing else.

Adding a field without a FIELD_RULES entry fails here: that is what makes every other schema test exhaustive.
"""

from __future__ import annotations

from collections.abc import Mapping

import graphql
import strawberry

from server.authz.policy import FIELD_RULES, TYPE_ACCESS
from server.authz.rules import Audience, Rule
from server.schema.build import GatedSchema
from server.schema.root import Mutation, Query
from server.schema.subscription_root import Subscription

from . import ROOT_TYPE_NAMES, SCHEMA_FILE, object_types, sdl_schema


def policy_diff(
    schema: graphql.GraphQLSchema,
    field_rules: Mapping[str, Mapping[str, Rule]],
    type_access: Mapping[str, frozenset[Audience]],
) -> list[str]:
    """What the policy misses or names that the schema does not have; empty when they match exactly."""
    problems: list[str] = []
    types = object_types(schema)
    for name, type_ in sorted(types.items()):
        if name not in type_access:
            problems.append(f"{name}: object type missing from TYPE_ACCESS")
        if name not in field_rules:
            problems.append(f"{name}: object type missing from FIELD_RULES")
            continue
        sdl_fields, policy_fields = set(type_.fields), set(field_rules[name])
        problems += [
            f"{name}.{f}: field has no FIELD_RULES entry" for f in sorted(sdl_fields - policy_fields)
        ]
        problems += [
            f"{name}.{f}: FIELD_RULES entry for a field the schema lacks"
            for f in sorted(policy_fields - sdl_fields)
        ]
    problems += [
        f"{n}: FIELD_RULES entry for a type the schema lacks" for n in sorted(set(field_rules) - set(types))
    ]
    problems += [
        f"{n}: TYPE_ACCESS entry for a type the schema lacks" for n in sorted(set(type_access) - set(types))
    ]
    return problems


def test_policy_covers_the_built_schema_exactly() -> None:
    problems = policy_diff(sdl_schema(), FIELD_RULES, TYPE_ACCESS)
    assert not problems, "schema and server/authz/policy.py disagree:\n" + "\n".join(problems)


def test_policy_covers_the_committed_schema_exactly() -> None:
    problems = policy_diff(graphql.build_schema(SCHEMA_FILE.read_text()), FIELD_RULES, TYPE_ACCESS)
    assert not problems, "schema.graphql and server/authz/policy.py disagree:\n" + "\n".join(problems)


# --- the check itself catches what it must ------------------------------------------------------------------


@strawberry.type(name="Secret")
class _Secret:
    value: str | None


@strawberry.type(name="Query")
class _QueryWithExtraFields(Query):
    """The real Query plus a field and a type nobody wrote a policy for."""

    @strawberry.field
    def internal_notes(self) -> str | None:
        return "leak"

    @strawberry.field
    def secret(self) -> _Secret | None:
        return None


def test_check_reports_a_field_added_without_a_policy_entry() -> None:
    throwaway = GatedSchema(query=_QueryWithExtraFields, mutation=Mutation, subscription=Subscription)
    problems = policy_diff(graphql.build_schema(str(throwaway)), FIELD_RULES, TYPE_ACCESS)
    assert problems == [
        "Query.internalNotes: field has no FIELD_RULES entry",
        "Query.secret: field has no FIELD_RULES entry",
        "Secret: object type missing from TYPE_ACCESS",
        "Secret: object type missing from FIELD_RULES",
    ]


def test_check_reports_a_dropped_policy_entry() -> None:
    type_name = next(t for t in FIELD_RULES if t not in ROOT_TYPE_NAMES)
    field_name = next(iter(FIELD_RULES[type_name]))
    without = {
        t: {f: r for f, r in fields.items() if (t, f) != (type_name, field_name)}
        for t, fields in FIELD_RULES.items()
    }
    assert policy_diff(sdl_schema(), without, TYPE_ACCESS) == [
        f"{type_name}.{field_name}: field has no FIELD_RULES entry"
    ]


def test_check_reports_stale_policy_entries() -> None:
    rules = {
        **FIELD_RULES,
        "Query": {**FIELD_RULES["Query"], "zzRemoved": next(iter(FIELD_RULES["Query"].values()))},
    }
    access = {**TYPE_ACCESS, "Gone": frozenset()}
    assert policy_diff(sdl_schema(), rules, access) == [
        "Query.zzRemoved: FIELD_RULES entry for a field the schema lacks",
        "Gone: TYPE_ACCESS entry for a type the schema lacks",
    ]
