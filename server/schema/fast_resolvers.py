"""Thinner resolvers for object fields that take no arguments, installed once when the schema is built.

Strawberry resolves every field that has a resolver method or a field extension through a generic chain: an Info
object, argument conversion (even when there are none), the field extensions folded with functools.partial, then
the resolver; a plain attribute goes through two wrappers before its getattr. A page of registrations resolves
about 30 fields a row, so that chain was a large share of its CPU. For an object field (not Query, Mutation or
Subscription) that declares no arguments, this replaces graphql-core's resolve function with one that does the same
work directly:

- no resolver and no extension: ``getattr(source, python_name)`` (Strawberry's default resolver);
- a resolver method taking ``self`` and optionally ``info``: the method, called with Strawberry's Info;
- the policy gate (server/authz/gate.py) as the only extension: the same ``_allowed`` check first (``None`` when
  denied), then the attribute or the method.

Anything else (arguments, other extensions, parent/root parameters, exception handlers) keeps Strawberry's path.

A root field (Query or Mutation) resolved by an async function gets the same treatment with its arguments:
Strawberry's chain there builds the Info, converts the arguments (`convert_arguments`, then each extension's
`map_arguments`), folds the extensions with functools.partial on every call, and awaits the gate's
`resolve_async` wrapping the resolver. Here the Info, the same conversion (the gate does not reshape arguments:
its `map_arguments` is FieldExtension's identity), the gate's `_allowed` check (which raises for a root field the
viewer may not use) and the resolver, in that order, in one coroutine; a field with other extensions, exception
handlers, or parent/root parameters keeps Strawberry's path.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema
from strawberry.extensions import FieldExtension
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

from server.authz.decisions import ROOT_TYPES
from server.authz.gate import PolicyGate
from server.schema.field_plans import RESOLUTION, Resolution

__all__ = ["install_fast_resolvers"]

Resolve = Callable[[Any, Any], Any]


def _plain_call(field: StrawberryField) -> Resolve | None:
    """(source, strawberry info) → the resolver's result, or None when the resolver needs Strawberry's path."""
    resolver = field.base_resolver
    if resolver is None:
        name = field.python_name
        return lambda source, _info: getattr(source, name)
    if (
        resolver.self_parameter is None
        or resolver.parent_parameter is not None
        or resolver.root_parameter is not None
    ):
        return None
    func = resolver.wrapped_func
    if not callable(func) or inspect.isasyncgenfunction(func):
        return None
    info_parameter = resolver.info_parameter
    if info_parameter is None:
        return lambda source, _info: func(source)
    parameters = list(inspect.signature(func).parameters.values())
    if (
        len(parameters) == 2
        and parameters[1].name == info_parameter.name
        and parameters[1].kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ):
        return func  # `def field(self, info)`: called as it is, without a wrapper per call
    info_name = info_parameter.name
    return lambda source, info: func(source, **{info_name: info})


def _fast(field: StrawberryField, info_class: type, gate: PolicyGate | None) -> Resolve | None:
    call = _plain_call(field)
    if call is None:
        return None
    needs_info = field.base_resolver is not None and field.base_resolver.info_parameter is not None
    resolve: Resolve
    if gate is None and not needs_info:
        resolve = call
    elif gate is None:

        def with_info(source: Any, raw: Any) -> Any:
            return call(source, info_class(_raw_info=raw, _field=field))

        resolve = with_info
    elif field.is_async:
        allowed = gate._allowed

        async def gated_async(source: Any, raw: Any) -> Any:
            info = info_class(_raw_info=raw, _field=field)
            if not allowed(source, info):
                return None
            return await call(source, info)

        resolve = gated_async
    else:
        allowed = gate._allowed

        def gated(source: Any, raw: Any) -> Any:
            info = info_class(_raw_info=raw, _field=field)
            return call(source, info) if allowed(source, info) else None

        resolve = gated
    attribute = field.python_name if field.base_resolver is None else None
    resolution = Resolution(
        field, attribute, call, needs_info or gate is not None, gate, info_class, field.is_async
    )
    setattr(resolve, RESOLUTION, resolution)
    return resolve


def _fast_root(
    field: StrawberryField, converter: Any, info_class: type, gate: PolicyGate | None
) -> Any | None:
    """The resolve function of an async root field with arguments, or None when it needs Strawberry's path."""
    resolver = field.base_resolver
    if (
        resolver is None
        or not field.is_async
        or resolver.parent_parameter is not None
        or resolver.root_parameter is not None
        or not callable(resolver.wrapped_func)
        or (gate is not None and type(gate).map_arguments is not FieldExtension.map_arguments)
    ):
        return None
    func = resolver.wrapped_func
    takes_self = resolver.self_parameter is not None
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None
    arguments = field.arguments
    config, scalar_registry = converter.config, converter.scalar_registry
    allowed = gate._allowed if gate is not None else None

    async def resolve_root(source: Any, raw: Any, **kwargs: Any) -> Any:
        info = info_class(_raw_info=raw, _field=field)
        kwargs = convert_arguments(
            kwargs, arguments, scalar_registry=scalar_registry, config=config, info=info
        )
        if allowed is not None and not allowed(source, info):
            return None
        if info_name is not None:
            kwargs[info_name] = info
        result = func(source, **kwargs) if takes_self else func(**kwargs)
        return await result if inspect.isawaitable(result) else result

    return resolve_root


def _only_gate(field: StrawberryField) -> tuple[bool, PolicyGate | None]:
    """(whether the field's extensions are none or the policy gate alone, the gate)."""
    extensions = list(field.extensions)
    gate = extensions[0] if len(extensions) == 1 and isinstance(extensions[0], PolicyGate) else None
    return not extensions or gate is not None, gate


def install_fast_resolvers(schema: Any) -> int:
    """Replace the resolve functions this module can take over in ``schema`` (a strawberry Schema); returns how
    many fields it replaced."""
    graphql_schema: GraphQLSchema = schema._schema
    converter = schema.schema_converter
    info_class = schema.config.info_class
    replaced = 0
    for type_name, graphql_type in graphql_schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or type_name.startswith("__"):
            continue
        root = type_name in ROOT_TYPES
        for graphql_field in graphql_type.fields.values():
            field = (graphql_field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
            if not isinstance(field, StrawberryField) or field.is_subscription:
                continue
            if converter._get_field_exception_handlers(field):
                continue
            only_gate, gate = _only_gate(field)
            if not only_gate:
                continue
            if root:
                resolve = _fast_root(field, converter, info_class, gate)
            elif graphql_field.args or field.arguments:
                continue
            else:
                resolve = _fast(field, info_class, gate)
            if resolve is not None:
                graphql_field.resolve = resolve
                replaced += 1
    return replaced
