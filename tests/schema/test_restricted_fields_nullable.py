"""A field hidden from some audience that can reach its type resolves to null for it, so it must be nullable:
clients tell "hidden" (null) from "none" (an empty list), and a denied non-null field would null its parent."""

from __future__ import annotations

import graphql

from server.authz.decisions import needs_gate
from server.authz.policy import FIELD_RULES, TYPE_ACCESS

from . import ROOT_TYPE_NAMES, object_types, sdl_schema


def restricted_non_null_fields(schema: graphql.GraphQLSchema) -> list[str]:
    problems = []
    for type_name, type_ in sorted(object_types(schema).items()):
        if type_name in ROOT_TYPE_NAMES:
            continue  # a denied root field is a top-level error, not null
        for field_name, field in type_.fields.items():
            if needs_gate(type_name, field_name) and isinstance(field.type, graphql.GraphQLNonNull):
                reachers = sorted(TYPE_ACCESS.get(type_name, frozenset()))
                rule = FIELD_RULES.get(type_name, {}).get(field_name)
                problems.append(
                    f"{type_name}.{field_name}: {field.type} but hidden from some of {reachers} "
                    f"(rule: {rule})"
                )
    return problems


def test_restricted_fields_are_nullable() -> None:
    problems = restricted_non_null_fields(sdl_schema())
    assert not problems, "restricted fields must be nullable:\n" + "\n".join(problems)


def test_check_catches_a_restricted_non_null_field() -> None:
    schema = graphql.build_schema(graphql.print_schema(sdl_schema()))  # a private copy to tamper with
    type_name, field_name = next(
        (t, f)
        for t, type_ in object_types(schema).items()
        if t not in ROOT_TYPE_NAMES
        for f in type_.fields
        if needs_gate(t, f)
    )
    field = object_types(schema)[type_name].fields[field_name]
    field.type = graphql.GraphQLNonNull(field.type)
    assert [p.split(":")[0] for p in restricted_non_null_fields(schema)] == [f"{type_name}.{field_name}"]
