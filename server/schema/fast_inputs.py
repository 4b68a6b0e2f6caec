"""Input objects built from a table made once per input type, installed when the schema is built.

Strawberry converts an input object argument by walking its type's fields on every request: each field's GraphQL
name through the name converter, and for each field present its annotation resolved again against the type (a
generic check that walks the field's type). Every request that filters a list pays that for its filter and sort.
This gives each input type a ``from_input`` (Strawberry's own hook for types that build their own value) doing the
same work from a table: (GraphQL name, Python name, resolved type) per field, and the implicit ``None`` defaults
Strawberry adds for fields without one. A null is None at once (what ``convert_argument`` makes of it for any type
but ``Maybe``); other values still go through Strawberry's ``convert_argument``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING
from typing import Any

from strawberry.types.arguments import InputContext, convert_argument
from strawberry.types.base import StrawberryMaybe, StrawberryObjectDefinition

__all__ = ["install_fast_inputs"]

FromInput = Callable[[type, Mapping[str, Any], InputContext], Any]


def _from_input(definition: StrawberryObjectDefinition, schema: Any) -> FromInput:
    name_of = schema.config.name_converter.from_field
    fields = [
        (name_of(f), f.python_name, f.resolve_type(type_definition=definition)) for f in definition.fields
    ]
    # Fields for which Strawberry converts null to None (every type but Maybe, which wraps or refuses it): a
    # filter's unset fields arrive as null (their default), so most of a filter is these.
    null_is_none = {python_name for _, python_name, t in fields if not isinstance(t, StrawberryMaybe)}
    implicit: dict[str, object] = {
        f.python_name: None
        for f in definition.fields
        if f.default_value is MISSING and f.default_factory is MISSING
    }

    def from_input(type_: type, value: Mapping[str, Any], context: InputContext) -> Any:
        kwargs = dict(implicit)
        for graphql_name, python_name, field_type in fields:
            if graphql_name in value:
                given = value[graphql_name]
                if given is None and python_name in null_is_none:
                    kwargs[python_name] = None
                    continue
                kwargs[python_name] = convert_argument(
                    given,
                    field_type,
                    context.scalar_registry,
                    context.config,
                    context.info,
                    path=(*context.path, graphql_name),
                )
        return type_(**kwargs)

    return from_input


def install_fast_inputs(schema: Any) -> int:
    """Gives every input type of ``schema`` (a strawberry Schema) that builds no value of its own a table-driven
    ``from_input``; returns how many."""
    installed = 0
    for concrete in schema.schema_converter.type_map.values():
        definition = concrete.definition
        if (
            not isinstance(definition, StrawberryObjectDefinition)
            or not definition.is_input
            or definition.from_input is not None
            or definition.is_graphql_generic
        ):
            continue
        definition.from_input = _from_input(definition, schema)
        installed += 1
    return installed
