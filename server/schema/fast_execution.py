"""graphql-core's executor, planned once per selection set for the fields server/schema/fast_resolvers.py resolves.

graphql-core executes every field of every row the same way: a Path, a resolve info, the resolve function, two
awaitable checks, then completion through the non-null, list, leaf, abstract and object branches, and for an
object four more calls before its own fields run. A page of 100 registrations does that about 3,000 times.
`FastExecutionContext.execute_fields` looks at each selection set once per operation (a plan: per field, what
its resolve function and type are) and then, per object:

- a plain attribute holding a scalar or enum (most fields of a page): the attribute, then the type's coercion
  (none for a str, bool or 32-bit int in String, ID, Boolean or Int, which graphql-core returns unchanged; an
  enum member is one dict lookup); no Path, no resolve info. The policy gate's decision depends only on the type, the field and the viewer's
  audience, so a gated attribute's is taken once per plan.
- a field resolved by a fast resolver, or an attribute holding an object: graphql-core's own steps (resolve info,
  resolve, awaitables handed to its `complete_awaitable_value`, errors to its `handle_field_error`), with the
  field definition, nodes and type looked up once, and the completion of a scalar, enum or object done directly
  (an object's fields collected once per step, then `execute_fields` directly unless something is deferred).

Anything unusual in a value (null, an exception, a value the type rejects, an object of the wrong type) is
completed by graphql-core's `complete_value` itself, or for a planned attribute, by its `execute_field` (which
reads the attribute again: a plain attribute, no side effect); so results, errors and their paths are
graphql-core's. Every other field (root fields, fields with arguments or other extensions, lists, __typename)
goes through `execute_field` unchanged, and graphql-core middleware (an extension's `resolve` hook) turns the plan
off.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from operator import attrgetter
from typing import Any

from graphql import (
    GRAPHQL_MAX_INT,
    GRAPHQL_MIN_INT,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLID,
    GraphQLInt,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
    is_leaf_type,
)
from graphql.execution.executor import gather_with_cancel  # pyright: ignore[reportPrivateImportUsage] -- not in __all__
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from server.authz.decisions import field_access
from server.authz.rules import Access, audience_of

__all__ = ["ATTRIBUTE", "RESOLVER", "FastExecutionContext"]

ATTRIBUTE = "matchup_attribute"
"""On a resolve function: (python attribute name, PolicyGate or None); set by server/schema/fast_resolvers.py."""
RESOLVER = "matchup_resolver"
"""On a resolve function that reads nothing of graphql-core but (source, resolve info); set by fast_resolvers."""

# Step kinds.
_EXECUTE, _LEAF_ATTRIBUTE, _RESOLVE, _OBJECT_ATTRIBUTE = range(4)


# The built-in scalars whose coercion returns a value of this exact Python type unchanged (an Int: within 32 bits).
_UNCHANGED: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool, GraphQLInt: int}


def _denied(_source: Any) -> None:
    return None


def _enum_names(enum_type: GraphQLEnumType) -> Callable[[Any], Any]:
    """Strawberry's enum coercion (server values are enum members) as one dict lookup; other values go to the
    type's own coercion."""
    coerce = enum_type.coerce_output_value
    wrapped = getattr(enum_type, "wrapped_cls", None)
    if wrapped is None:
        return coerce
    names: dict[Any, str] = {}
    for member in wrapped:
        for (
            name,
            value,
        ) in enum_type.values.items():  # the first name whose value matches, as Strawberry's loop
            if member.value == value.value:
                names.setdefault(member, name)
                break

    def coerce_member(value: Any) -> Any:
        name = names.get(value) if isinstance(value, wrapped) else None
        return coerce(value) if name is None else name

    return coerce_member


class _Step:
    __slots__ = (
        "coerce",
        "details",
        "exact",
        "field_def",
        "getter",
        "is_type_of",
        "kind",
        "name",
        "nodes",
        "non_null",
        "object_type",
        "resolve",
        "return_type",
        "subfields",
    )
    # Set by _plan according to `kind` (None until then); the hot path reads each by its kind, unchecked.
    coerce: Any
    details: Any
    exact: Any
    field_def: Any
    getter: Any
    is_type_of: Any
    kind: int
    name: str
    nodes: Any
    non_null: bool
    object_type: Any
    resolve: Any
    return_type: Any
    subfields: Any  # an object's (grouped field set, new defer usages), collected on first use

    def __init__(self, name: str, details: Any) -> None:
        self.name = name
        self.details = details
        self.kind = _EXECUTE
        self.field_def = self.return_type = self.nodes = self.resolve = self.getter = self.coerce = None
        self.object_type = self.is_type_of = self.exact = self.subfields = None
        self.non_null = False


class FastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # id(grouped field set) → (the set itself, kept alive so that its id stays unique; the principal planned
        # for; the steps). Shared by the sub-executors graphql-core copies from this one.
        self._plans: dict[int, tuple[Any, Any, list[_Step]]] = {}
        self._coercions: dict[Any, Callable[[Any], Any]] = {}

    def _coercion(self, leaf: Any) -> Callable[[Any], Any]:
        coerce = self._coercions.get(leaf)
        if coerce is None:
            coerce = self._coercions[leaf] = (
                _enum_names(leaf) if isinstance(leaf, GraphQLEnumType) else leaf.coerce_output_value
            )
        return coerce

    def _plan(self, parent_type: GraphQLObjectType, grouped_field_set: Any, principal: Any) -> list[_Step]:
        audience = audience_of(principal)
        steps: list[_Step] = []
        for response_name, details in grouped_field_set.items():
            step = _Step(response_name, details)
            steps.append(step)
            node = details[0].node
            field_def = self.schema.get_field(parent_type, node.name.value)
            if field_def is None or node.arguments or field_def.args:
                continue
            attribute = getattr(field_def.resolve, ATTRIBUTE, None)
            if attribute is None and not getattr(field_def.resolve, RESOLVER, False):
                continue
            return_type = field_def.type
            step.non_null = isinstance(return_type, GraphQLNonNull)
            named = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
            step.field_def = field_def
            step.return_type = return_type
            step.nodes = [d.node for d in details]
            if is_leaf_type(named):
                step.coerce = self._coercion(named)
                step.exact = _UNCHANGED.get(named)
            elif isinstance(named, GraphQLObjectType):
                step.object_type = named
                step.is_type_of = named.is_type_of
            else:
                continue  # lists, interfaces, unions: graphql-core's execute_field
            if attribute is None:
                step.kind = _RESOLVE
                step.resolve = field_def.resolve
                continue
            name, gate = attribute
            allowed = gate is None or field_access(gate.type_name, node.name.value, audience) is Access.ALLOW
            step.getter = attrgetter(name) if allowed else _denied
            step.kind = _LEAF_ATTRIBUTE if is_leaf_type(named) else _OBJECT_ATTRIBUTE
        self._plans[id(grouped_field_set)] = (grouped_field_set, principal, steps)
        return steps

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        if self.middleware_manager is not None and self.middleware_manager.middlewares:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        principal = getattr(self.context_value, "principal", None)
        planned = self._plans.get(id(grouped_field_set))
        if planned is not None and planned[0] is grouped_field_set and planned[1] is principal:
            steps = planned[2]
        else:
            steps = self._plan(parent_type, grouped_field_set, principal)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        type_name = parent_type.name
        try:
            for step in steps:
                kind = step.kind
                if kind == _LEAF_ATTRIBUTE:
                    try:
                        value = step.getter(source_value)
                        if value is None:
                            if not step.non_null:
                                results[step.name] = None
                                continue
                        elif type(value) is step.exact and (
                            step.exact is not int or GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT
                        ):
                            results[step.name] = value
                            continue
                        elif not isinstance(value, Exception):
                            coerced = step.coerce(value)
                            if coerced is not None and coerced is not Undefined:
                                results[step.name] = coerced
                                continue
                    except Exception:  # noqa: BLE001, S110 - graphql-core's execute_field below reports it
                        pass
                    kind = _EXECUTE
                field_path = Path(path, step.name, type_name)
                if kind == _EXECUTE:
                    result = self.execute_field(
                        parent_type, source_value, step.details, field_path, position_context
                    )
                    if result is Undefined:
                        continue
                else:
                    result = self._execute_step(step, parent_type, source_value, field_path, position_context)
                results[step.name] = result
                if is_awaitable(result):
                    awaitable_fields.append(step.name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise
        if not awaitable_fields:
            return results
        return self._gather_fields(results, awaitable_fields)

    def _execute_step(
        self, step: _Step, parent_type: GraphQLObjectType, source: Any, path: Path, position_context: Any
    ) -> Any:
        """graphql-core's execute_field for a planned resolver or object attribute."""
        info = self.build_resolve_info(step.field_def, step.nodes, parent_type, path)
        try:
            if step.kind == _RESOLVE:
                result = step.resolve(source, info)
                if self.is_awaitable(result):
                    return self.complete_awaitable_value(
                        step.return_type, step.details, info, path, result, position_context
                    )
            else:
                result = step.getter(source)
            completed = self._complete(step, info, path, result, position_context)
            if self.is_awaitable(completed):
                return self._await_completed(step, path, completed)
            return completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, step.return_type, step.details, path)
            return None

    def _complete(self, step: _Step, info: Any, path: Path, result: Any, position_context: Any) -> Any:
        if result is not None and not isinstance(result, Exception):
            if step.object_type is None:
                coerced = step.coerce(result)
                if coerced is not None and coerced is not Undefined:
                    return coerced
            elif step.is_type_of is None or step.is_type_of(result, info) is True:
                subfields = step.subfields
                if subfields is None:  # the same for every object this step completes
                    collected = self.collect_subfields(step.object_type, step.details)
                    subfields = step.subfields = (collected.grouped_field_set, collected.new_defer_usages)
                grouped_field_set, defer_usages = subfields
                if not defer_usages and position_context is None:  # what execute_collected_subfields would do
                    return self.execute_fields(step.object_type, result, path, grouped_field_set, None)
                return self.execute_collected_subfields(
                    step.object_type, result, path, grouped_field_set, defer_usages, position_context
                )
        return self.complete_value(step.return_type, step.details, info, path, result, position_context)

    async def _await_completed(self, step: _Step, path: Path, completed: Awaitable[Any]) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, step.return_type, step.details, path)
            return None

    async def _gather_fields(self, results: dict[str, Any], awaitable_fields: list[str]) -> dict[str, Any]:
        if len(awaitable_fields) == 1:
            field = awaitable_fields[0]
            results[field] = await results[field]
            return results
        awaited = await gather_with_cancel(*(results[field] for field in awaitable_fields))
        results.update(zip(awaitable_fields, awaited, strict=True))
        return results
