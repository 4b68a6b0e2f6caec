"""graphql-core's executor, planned once per selection set for the fields server/schema/fast_resolvers.py resolves.

graphql-core executes every field of every row the same way: a Path, a resolve info, the resolve function, two
awaitable checks, then completion through the non-null, list, leaf, abstract and object branches, and for an
object four more calls before its own fields run. A page of 100 registrations does that about 3,000 times.
`FastExecutionContext.execute_fields` looks at each selection set once per operation (a plan: per field, what
its resolve function and type are). When the plan compiles (server/schema/compiled_plans.py: every field an
attribute or fast resolver holding a scalar, enum, object or list of objects whose sets compile too), each object
is answered by that one function; otherwise, or when it falls back on an unusual value, by the planned loop:

- a plain attribute holding a scalar or enum (most fields of a page): the attribute, then the type's coercion
  (none for a str, bool or 32-bit int in String, ID, Boolean or Int, which graphql-core returns unchanged; an
  enum member is one dict lookup); no Path, no resolve info. The policy gate's decision depends only on the
  type, the field and the viewer's audience, so a gated attribute's is taken once per plan (a field shown on
  the viewer's own organisation's rows only is decided per row, by its gated resolve function).
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
from functools import cache, cached_property, partial
from operator import attrgetter
from typing import Any, cast

from graphql import (
    GRAPHQL_MAX_INT,
    GRAPHQL_MIN_INT,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    is_leaf_type,
)
from graphql.execution.executor import gather_with_cancel  # pyright: ignore[reportPrivateImportUsage] -- not in __all__
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from server.authz.decisions import field_access
from server.authz.rules import Access, audience_of
from server.lru import LRU, cached_on
from server.schema.compiled_plans import RUNNING, SharedInfo, TypenameShape, factory_of, shape_of
from server.schema.execution_helpers import acyclic_helpers
from server.schema.field_plans import (
    EXECUTE,
    FALLBACKS_BEFORE_GIVING_UP,
    LEAF_ATTRIBUTE,
    OBJECT_ATTRIBUTE,
    RESOLUTION,
    RESOLVE,
    UNBOUND,
    UNCHANGED,
    Plan,
    PlannedSet,
    Resolution,
    Step,
    denied,
    fixed_selection_sets,
    known_class,
    leaf_coercion,
    type_check,
)

__all__ = ["FastExecutionContext"]


# Steps of the selection sets of documents without @skip, @include, @defer or @stream, which give the same sets
# whatever the variables: keyed by (parent type, audience, the set's response names and field nodes). An entry's
# steps hold those nodes, so their ids stay unique while it is cached.
@cached_on  # the schema's own: its keys hold the schema's types
def planned_sets(_schema: GraphQLSchema) -> LRU[PlannedSet]:
    return LRU(4096)


# id(operation) → (operation, whether its document gives the same selection sets whatever the variables).
_FIXED: LRU[tuple[Any, bool]] = LRU(1024)


def _path_less_info(execution: FastExecutionContext, *, step: Step, parent_type: GraphQLObjectType) -> Any:
    """graphql-core's resolve info of a compiled field in the running operation, without a path."""
    return execution.build_resolve_info(step.field_def, step.nodes, parent_type, None)  # type: ignore[arg-type]


@cache
def _kept_info_class(info_class: type) -> type:
    """`info_class` for a resolve info kept across operations: Strawberry's Info caches `selected_fields`, which
    depends on the operation's variables; here it is worked out on each read."""
    selected_fields = getattr(info_class, "selected_fields", None)
    if not isinstance(selected_fields, cached_property):
        return info_class
    return type(info_class.__name__, (info_class,), {"selected_fields": property(selected_fields.func)})


class FastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # graphql-core's own helpers are a reference cycle back to this context (execution_helpers.py)
        self.async_helpers = acyclic_helpers(self)
        # id(grouped field set) → its plan. Shared by the sub-executors graphql-core copies from this one.
        self._plans: dict[int, Plan] = {}
        operation = self.operation
        fixed = _FIXED.get_or_build(
            id(operation), lambda: (operation, fixed_selection_sets(operation, self.fragment_definitions))
        )
        self._fixed_sets = fixed[0] is operation and fixed[1]

    def _planned(
        self, parent_type: GraphQLObjectType, grouped_field_set: Any, principal: Any, via: Step | None = None
    ) -> Plan:
        """The set's plan in this operation. `via`: the object step whose subfields the set is (its planned set is
        then kept on that step, which is itself kept across requests when the document's sets are fixed)."""
        planned = self._plans.get(id(grouped_field_set))
        if (
            planned is not None
            and planned.grouped_field_set is grouped_field_set
            and planned.principal is principal
        ):
            return planned
        return self._plan(parent_type, grouped_field_set, principal, via)

    def _plan(
        self, parent_type: GraphQLObjectType, grouped_field_set: Any, principal: Any, via: Step | None = None
    ) -> Plan:
        audience = audience_of(principal)
        if via is not None and via.child is not None:
            planned_set = via.child
        elif (
            self._fixed_sets
        ):  # the same document gives the same sets: their steps are planned once per process
            key = (
                parent_type,
                audience,
                tuple((name, *[id(d.node) for d in details]) for name, details in grouped_field_set.items()),
            )
            planned_set = planned_sets(self.schema).get_or_build(
                key, lambda: PlannedSet(self._steps(parent_type, grouped_field_set, audience))
            )
            if via is not None:
                via.child = planned_set
        else:
            planned_set = PlannedSet(self._steps(parent_type, grouped_field_set, audience))
        plan = self._plans[id(grouped_field_set)] = Plan(grouped_field_set, principal, planned_set.steps)
        plan.run = self._compile(
            parent_type, planned_set, principal
        )  # a nested set that is this very one: None
        return plan

    def _steps(self, parent_type: GraphQLObjectType, grouped_field_set: Any, audience: Any) -> list[Step]:
        """Per field of the set: how it resolves, what completes it, how the viewer's audience may see it."""
        steps: list[Step] = []
        for response_name, details in grouped_field_set.items():
            step = Step(response_name, details)
            steps.append(step)
            node = details[0].node
            if node.name.value == "__typename":
                step.shape = TypenameShape(response_name, parent_type.name)
                continue
            field_def = self.schema.get_field(parent_type, node.name.value)
            if field_def is None or node.arguments or field_def.args:
                continue
            resolution: Resolution | None = getattr(field_def.resolve, RESOLUTION, None)
            if resolution is None:
                continue
            return_type = field_def.type
            step.non_null = isinstance(return_type, GraphQLNonNull)
            named = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
            step.field_def = field_def
            step.return_type = return_type
            step.nodes = [d.node for d in details]
            step.resolution = resolution
            gate = resolution.gate
            access = Access.ALLOW if gate is None else field_access(gate.type_name, node.name.value, audience)
            if access is Access.DENY:
                step.value = "denied"
            elif access is Access.OWN_ORGANISATION:
                step.value = (
                    "gated"  # decided per row: the gated resolve function, or the gate in a compiled plan
                )
            elif resolution.attribute is not None:
                step.value = "attr"
            if is_leaf_type(named):
                step.coerce, step.direct_class, step.direct = leaf_coercion(named)
                step.exact = UNCHANGED.get(named)
            elif isinstance(named, GraphQLObjectType):
                step.object_type = named
                step.is_type_of = type_check(named)
                step.direct_class = known_class(named)  # an object of it completes unchecked (compiled plans)
            else:
                if isinstance(
                    named, GraphQLList
                ):  # a list of objects compiles; the loop hands it to graphql-core
                    item = named.of_type
                    step.item_non_null = isinstance(item, GraphQLNonNull)
                    item = item.of_type if isinstance(item, GraphQLNonNull) else item
                    if isinstance(item, GraphQLObjectType):
                        step.is_list = True
                        step.object_type = item
                        step.is_type_of = type_check(item)
                        step.direct_class = known_class(item)
                continue  # lists, interfaces, unions: graphql-core's execute_field
            if step.value in ("call", "gated"):
                step.kind = RESOLVE
                step.resolve = field_def.resolve
                continue
            step.getter = denied if step.value == "denied" else attrgetter(str(resolution.attribute))
            step.kind = LEAF_ATTRIBUTE if is_leaf_type(named) else OBJECT_ATTRIBUTE
        return steps

    def _subfields(self, step: Step) -> tuple[Any, Any]:
        """An object step's (grouped field set, new defer usages): the same for every object it completes."""
        subfields = step.subfields
        if subfields is None:
            collected = self.collect_subfields(step.object_type, step.details)
            subfields = step.subfields = (collected.grouped_field_set, collected.new_defer_usages)
        return subfields

    def _compile(
        self, parent_type: GraphQLObjectType, planned_set: PlannedSet, principal: Any
    ) -> Callable[[Any], dict[str, Any]] | None:
        """The plan as one function (server/schema/compiled_plans.py), or None when a field is not one it handles.
        The set's shapes and the slots that are the same whatever binds them are worked out once (`_work_out`);
        the fields that read a resolve info or hold an object are then bound, once per planned set (the nested
        sets' functions, shared infos that read the running operation), and the bound function is kept on the
        set."""
        if planned_set.run is not UNBOUND:
            return planned_set.run
        planned_set.run = run = self._bind(parent_type, planned_set, principal)
        return run

    def _bind(
        self, parent_type: GraphQLObjectType, planned_set: PlannedSet, principal: Any
    ) -> Callable[[Any], dict[str, Any]] | None:
        if planned_set.compiles is False:
            return None
        factory = planned_set.factory or self._work_out(planned_set)
        if factory is None:
            return None
        slots = list(planned_set.static_slots)
        for i in planned_set.bound:
            step = planned_set.steps[i]
            resolution = cast("Resolution", step.resolution)
            sub = None
            if step.object_type is not None:
                grouped_field_set, _ = self._subfields(step)
                sub = self._planned(step.object_type, grouped_field_set, principal, step).run
                if sub is None:
                    return None
            raw = (
                SharedInfo(
                    step.nodes[0].name.value, partial(_path_less_info, step=step, parent_type=parent_type)
                )
                if resolution.needs_info or step.is_type_of is not None
                else None
            )
            info = (
                _kept_info_class(resolution.info_class)(_raw_info=raw, _field=resolution.field)
                if resolution.needs_info
                else None
            )
            coerce, call, _, allowed, is_type_of, _, _, direct_class, direct = slots[i]
            slots[i] = (coerce, call, info, allowed, is_type_of, raw, sub, direct_class, direct)
        return factory(tuple(slots))

    def _work_out(
        self, planned_set: PlannedSet
    ) -> Callable[[tuple[Any, ...]], Callable[[Any], dict[str, Any]]] | None:
        """The set's compiled factory, or None when the set does not compile. Keeps on the set its
        factory, the slots that are the same in every operation (a resolve info, a shared info and a nested
        function left empty) and which fields each operation binds (`bound`)."""
        shapes: list[Any] = []
        slots: list[tuple[Any, ...]] = []
        bound: list[int] = []
        for i, step in enumerate(planned_set.steps):
            if step.shape is not None:  # __typename
                shapes.append(step.shape)
                slots.append((None,) * 9)
                continue
            resolution = step.resolution
            if (
                resolution is None
                or (resolution.is_async and step.value != "denied")
                or (
                    step.object_type is None and step.coerce is None
                )  # a list of scalars, an interface, a union
                or (step.object_type is not None and self._subfields(step)[1])  # something deferred below
            ):
                planned_set.compiles = False
                return None
            # A resolve info only for a resolver that takes one or a type check that reads one: a page's plain
            # attributes (most of its fields) need none.
            if step.object_type is not None or resolution.needs_info or step.is_type_of is not None:
                bound.append(i)
            allowed = resolution.gate._allowed if resolution.gate is not None else None
            shapes.append(shape_of(step, resolution.attribute))
            slots.append(
                (
                    step.coerce,
                    resolution.call,
                    None,
                    allowed,
                    step.is_type_of,
                    None,
                    None,
                    step.direct_class,
                    step.direct,
                )
            )
        planned_set.static_slots = tuple(slots)
        planned_set.bound = tuple(bound)
        planned_set.factory = factory_of(tuple(shapes))
        planned_set.compiles = True
        return planned_set.factory

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
        plan = self._planned(parent_type, grouped_field_set, principal)
        if plan.run is not None and position_context is None:
            running = RUNNING
            running.context, running.execution = self.context_value, self
            try:
                return plan.run(source_value)
            except Exception:  # noqa: BLE001 -- Fallback, or an error the loop below reports at its path
                plan.fallbacks += 1
                if plan.fallbacks >= FALLBACKS_BEFORE_GIVING_UP:
                    plan.run = None
            finally:
                running.context = running.execution = None
        steps = plan.steps
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        type_name = parent_type.name
        try:
            for step in steps:
                kind = step.kind
                if kind == LEAF_ATTRIBUTE:
                    try:
                        value = step.getter(source_value)
                        if value is None:
                            if not step.non_null:
                                results[step.name] = None
                                continue
                        elif (
                            type(value) is step.exact
                            and (step.exact is not int or GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT)
                            and (step.exact is not float or value - value == 0.0)  # finite
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
                    kind = EXECUTE
                field_path = Path(path, step.name, type_name)
                if kind == EXECUTE:
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
        self, step: Step, parent_type: GraphQLObjectType, source: Any, path: Path, position_context: Any
    ) -> Any:
        """graphql-core's execute_field for a planned resolver or object attribute."""
        info = self.build_resolve_info(step.field_def, step.nodes, parent_type, path)
        try:
            if step.kind == RESOLVE:
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

    def _complete(self, step: Step, info: Any, path: Path, result: Any, position_context: Any) -> Any:
        if result is not None and not isinstance(result, Exception):
            if step.object_type is None:
                coerced = step.coerce(result)
                if coerced is not None and coerced is not Undefined:
                    return coerced
            elif step.is_type_of is None or step.is_type_of(result, info) is True:
                grouped_field_set, defer_usages = self._subfields(step)
                if not defer_usages and position_context is None:  # what execute_collected_subfields would do
                    return self.execute_fields(step.object_type, result, path, grouped_field_set, None)
                return self.execute_collected_subfields(
                    step.object_type, result, path, grouped_field_set, defer_usages, position_context
                )
        return self.complete_value(step.return_type, step.details, info, path, result, position_context)

    async def _await_completed(self, step: Step, path: Path, completed: Awaitable[Any]) -> Any:
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
