"""What the planned executor (server/schema/fast_execution.py) knows of each field of a selection set: how its
resolve function answers (`Resolution`, attached by server/schema/fast_resolvers.py), the step planned for it, how
its scalar or enum values serialise, and a selection set's plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from graphql import (
    FragmentSpreadNode,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLObjectType,
    GraphQLString,
    OperationDefinitionNode,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.schema.types.base_scalars import isoformat as strawberry_isoformat
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE
from strawberry.types.field import StrawberryField

from server.authz.gate import PolicyGate
from server.lru import cached_on

__all__ = [
    "EXECUTE",
    "FALLBACKS_BEFORE_GIVING_UP",
    "LEAF_ATTRIBUTE",
    "OBJECT_ATTRIBUTE",
    "RESOLUTION",
    "RESOLVE",
    "UNCHANGED",
    "known_class",
    "Plan",
    "PlannedSet",
    "Resolution",
    "Step",
    "denied",
    "fixed_selection_sets",
    "leaf_coercion",
]

RESOLUTION = "matchup_resolution"
"""On a resolve function installed by server/schema/fast_resolvers.py: its `Resolution`."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a resolve function installed by server/schema/fast_resolvers.py does, for the planner to do directly."""

    field: StrawberryField
    attribute: str | None  # a plain attribute's Python name; None for a resolver method
    call: Callable[[Any, Any], Any]  # (source, Strawberry Info) → the value, without the policy gate
    needs_info: bool  # `call` reads its info (or the gate does)
    gate: PolicyGate | None
    info_class: type
    is_async: bool


# Step kinds.
EXECUTE, LEAF_ATTRIBUTE, RESOLVE, OBJECT_ATTRIBUTE = range(4)


# The built-in scalars whose coercion returns a value of this exact Python type unchanged (an Int: within 32 bits;
# a Float: finite).
UNCHANGED: dict[Any, type] = {
    GraphQLString: str,
    GraphQLID: str,
    GraphQLBoolean: bool,
    GraphQLInt: int,
    GraphQLFloat: float,
}


def denied(_source: Any) -> None:
    return None


# Strawberry's date and time scalars: `isoformat` of a value of exactly this class, which cannot fail.
ISOFORMAT_CLASSES: dict[str, type] = {"DateTime": datetime, "Date": date, "Time": time}


@cached_on  # an enum's names take a loop over its members and values
def leaf_coercion(leaf: Any) -> tuple[Callable[[Any], Any], type | None, Callable[[Any], Any] | None]:
    """(the type's coercion, a class whose values a direct function serialises, that function).

    For Strawberry's enums (server values are enum members), the coercion is one dict lookup, and the direct
    function the lookup itself; other values go to the type's own coercion."""
    coerce = leaf.coerce_output_value
    if not isinstance(leaf, GraphQLEnumType):
        direct_class = ISOFORMAT_CLASSES.get(leaf.name) if coerce is strawberry_isoformat else None
        return coerce, direct_class, None if direct_class is None else direct_class.isoformat  # type: ignore[attr-defined]
    wrapped = getattr(leaf, "wrapped_cls", None)
    if wrapped is None:
        return coerce, None, None
    names: dict[Any, str] = {}
    for member in wrapped:
        for name, value in leaf.values.items():  # the first name whose value matches, as Strawberry's loop
            if member.value == value.value:
                names.setdefault(member, name)
                break

    def coerce_member(value: Any) -> Any:
        name = names.get(value) if isinstance(value, wrapped) else None
        return coerce(value) if name is None else name

    every_member = len(names) == len(wrapped)
    return coerce_member, wrapped if every_member else None, names.__getitem__


@cached_on
def type_check(object_type: GraphQLObjectType) -> Callable[[Any, Any], Any] | None:
    """The object type's is_type_of, answering True at once for an object of exactly the type's own class that
    is not cast to another type, as Strawberry's check would (its isinstance against the type's class and
    interfaces). Strawberry gives one to every type that implements an interface, such as Node; a page row checks
    three. A type whose is_type_of Strawberry did not generate keeps it as it is."""
    check = object_type.is_type_of
    definition = (object_type.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = getattr(definition, "origin", None)
    if check is None or origin is None or check.__qualname__ != _STRAWBERRY_IS_TYPE_OF:
        return check

    def is_type_of(value: Any, info: Any) -> Any:
        if value.__class__ is origin and getattr(value, TYPE_CAST_ATTRIBUTE, None) is None:
            return True
        return check(value, info)

    return is_type_of


@cached_on
def known_class(object_type: GraphQLObjectType) -> type | None:
    """The Python class whose objects complete this type with no check at all, or None.

    Without an is_type_of, any object but an awaitable or an exception completes the type, and an object of the
    type's own class is neither (for a generic type's specialisation, such as RegistrationEdge, the generic class its
    code instantiates). With Strawberry's own is_type_of (see type_check), an object of exactly the type's class
    that is not cast to another type; a compiled plan checks the cast itself. Another is_type_of: None."""
    definition = (object_type.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = getattr(definition, "origin", None)
    if origin is None:
        return None
    check = object_type.is_type_of
    if check is None:
        generic = getattr(definition, "concrete_of", None)
        return generic.origin if generic is not None else origin
    return origin if check.__qualname__ == _STRAWBERRY_IS_TYPE_OF else None


_STRAWBERRY_IS_TYPE_OF = "GraphQLCoreConverter.from_object.<locals>._get_is_type_of.<locals>.is_type_of"


class Step:
    __slots__ = (
        "child",
        "coerce",
        "details",
        "direct",
        "direct_class",
        "exact",
        "field_def",
        "getter",
        "is_list",
        "is_type_of",
        "item_non_null",
        "kind",
        "name",
        "nodes",
        "non_null",
        "object_type",
        "resolution",
        "resolve",
        "return_type",
        "shape",
        "subfields",
        "value",
    )
    # Set by _plan according to `kind` (None until then); the hot path reads each by its kind, unchecked.
    child: PlannedSet | None  # an object's own set planned (kept with this step: the same in every request)
    coerce: Any
    details: Any
    direct: Any  # with direct_class: values of that class are serialised by this function, which cannot fail
    direct_class: Any  # a leaf's (see direct); an object's known_class
    exact: Any
    field_def: Any
    getter: Any
    is_list: (
        bool  # a list of objects (`object_type`); the loop leaves it to graphql-core, a compiled plan not
    )
    is_type_of: Any
    item_non_null: bool
    kind: int
    name: str
    nodes: Any
    non_null: bool
    object_type: Any
    resolution: Resolution | None
    resolve: Any
    return_type: Any
    shape: Any  # a TypenameShape for __typename (other fields get theirs when the plan compiles)
    subfields: Any  # an object's (grouped field set, new defer usages), collected on first use
    value: str  # how a compiled plan reads it: "attr", "denied", "call" or "gated" (compiled_plans._value)

    def __init__(self, name: str, details: Any) -> None:
        self.name = name
        self.details = details
        self.kind = EXECUTE
        self.field_def = self.return_type = self.nodes = self.resolve = self.getter = self.coerce = None
        self.object_type = self.is_type_of = self.exact = self.subfields = self.resolution = self.shape = None
        self.direct = self.direct_class = self.child = None
        self.non_null = self.is_list = self.item_non_null = False
        self.value = "call"


class Plan:
    __slots__ = ("fallbacks", "grouped_field_set", "principal", "run", "steps")

    def __init__(self, grouped_field_set: Any, principal: Any, steps: list[Step]) -> None:
        self.grouped_field_set = grouped_field_set  # kept alive, so that its id stays unique
        self.principal = principal
        self.steps = steps
        self.run: Callable[[Any], dict[str, Any]] | None = None  # the compiled function, if the plan compiles
        self.fallbacks = 0


# A compiled function that fell back this often in one operation (say, its rows' loaders were not primed, so
# each row meets an awaitable) is not tried again in it: each try is work the loop then does again.
FALLBACKS_BEFORE_GIVING_UP = 4


# A planned set's compiled function before it is bound (PlannedSet.run).
UNBOUND: Any = object()


class PlannedSet:
    """A selection set's steps, and once worked out, whether it compiles, its compiled factory (compiled_plans.py)
    and the function bound from it."""

    __slots__ = ("bound", "compiles", "factory", "run", "static_slots", "steps")

    def __init__(self, steps: list[Step]) -> None:
        self.steps = steps
        self.compiles: bool | None = None  # None until worked out
        # the compiled function's slots that are the same in every operation, and the indices of the fields each
        # operation binds (a resolve info, a nested function)
        self.static_slots: tuple[tuple[Any, ...], ...] = ()
        self.bound: tuple[int, ...] = ()
        # the shapes' compiled factory (compiled_plans.factory_of), bound once to the set's values
        self.factory: Callable[[tuple[Any, ...]], Callable[[Any], dict[str, Any]]] | None = None
        # the bound function (None: the set or a nested one does not compile); it reads the running operation's
        # context from compiled_plans.RUNNING, so it serves every operation this set is kept for
        self.run: Callable[[Any], dict[str, Any]] | None = UNBOUND


_VARIABLE_DIRECTIVES = frozenset({"skip", "include", "defer", "stream"})


def fixed_selection_sets(operation: OperationDefinitionNode, fragments: dict[str, Any]) -> bool:
    """Whether the operation's selection sets are the same whatever its variables: no @skip, @include, @defer or
    @stream anywhere in it or the fragments it spreads."""
    stack: list[Any] = [operation.selection_set]
    seen: set[str] = set()
    while stack:
        selection_set = stack.pop()
        if selection_set is None:
            continue
        for selection in selection_set.selections:
            if any(d.name.value in _VARIABLE_DIRECTIVES for d in selection.directives or ()):
                return False
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in seen:
                    seen.add(name)
                    fragment = fragments.get(name)
                    if fragment is not None:
                        if any(d.name.value in _VARIABLE_DIRECTIVES for d in fragment.directives or ()):
                            return False
                        stack.append(fragment.selection_set)
            else:
                stack.append(selection.selection_set)
    return True
