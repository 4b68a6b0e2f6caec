"""A planned selection set compiled into one straight-line Python function per object.

server/schema/fast_execution.py plans each selection set once per operation: per field, how it resolves and what
type completes it. When every field of a set is one this module handles (a plain attribute or a fast resolver
holding a scalar, an enum, an object or a list of objects whose own sets compile, or `__typename`), the plan is
also compiled: the function takes the source object and returns the finished result dict, with no Path, no
resolve info, no completion calls and no awaitable checks per field. A page of 100 registrations runs one such
function per row instead of some 400 calls of the executor's loop. A value of an exact class serialises or
completes with no call at all: a str, bool, int (32 bits) or finite float is its own serialisation, and an object
of the class its type is made of (field_plans.known_class) goes straight to its set's function, where any other
value first gets the type's own check.

The function's text depends only on the set's shape (field kinds, names, types, nullability), so it is generated
and compiled once per shape and kept in a bounded cache; a planned set binds it once to its values (resolvers,
coercions, the shared infos below, the compiled functions of the nested sets). Nothing bound belongs to one
operation: the executor names the running operation in `RUNNING` for the length of each call (a compiled function
never awaits, so no other operation runs meanwhile), and the shared infos read it there. A set kept across
requests (a document whose sets do not depend on its variables) is bound on its first request only.

Whatever the function does not handle raises `Fallback`: null in a non-null field, a value the type's coercion
rejects or maps to null, an exception raised or returned, an awaitable (a loader that has not loaded yet), an
object of another type, a list that is not a list. The planned loop then answers that object from the start, by
graphql-core's rules, with its errors and paths; the fields it reads are attributes and resolvers that only read
(loaders hand back the same cached future), so reading them again changes nothing. A coroutine the function
abandons is closed, so it never warns as never awaited.

Resolvers called from a compiled function share one resolve info per field (graphql-core builds one per field and
row): everything in it is the same for every row of an operation but the path, which is only known on the planned
loop's side, and what differs between operations (the context, the variables) is read from the running one.
Reading `info.path` there raises, so the planned loop answers that object, with its path.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, NamedTuple

from graphql.pyutils import Undefined
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE

from server.lru import LRU

__all__ = [
    "RUNNING",
    "Fallback",
    "LeafShape",
    "ListShape",
    "ObjectShape",
    "SharedInfo",
    "TypenameShape",
    "factory_of",
    "shape_of",
]

_FACTORIES: LRU[Callable[[tuple[Any, ...]], Callable[[Any], dict[str, Any]]]] = LRU(512)

# What an exact class's value must also be to serialise as itself: an Int within 32 bits, a Float finite.
_BOUNDS = {"int": " and -2147483648 <= v <= 2147483647", "float": " and v - v == 0.0"}


class Fallback(Exception):  # noqa: N818 -- a signal to the planned loop, not an error
    """The compiled function met a value it does not handle; the planned loop answers the object instead."""


class Running:
    """The operation whose compiled function runs now: its context value and its execution context, set by the
    executor around each call."""

    __slots__ = ("context", "execution")

    def __init__(self) -> None:
        self.context: Any = None
        self.execution: Any = None


RUNNING = Running()


class SharedInfo:
    """The resolve info one field's resolver gets for every row of a compiled function. `context` and
    `field_name` (what resolvers and the policy gate read) are at hand; anything else is read from graphql-core's
    info for the running operation, built on use by `build(execution context)`. The path differs per row and is
    not known here: reading it raises."""

    __slots__ = ("_build", "field_name")

    def __init__(self, field_name: str, build: Callable[[Any], Any]) -> None:
        self.field_name = field_name
        self._build = build

    @property
    def context(self) -> Any:
        return RUNNING.context

    @property
    def path(self) -> Any:
        raise RuntimeError(
            "info.path is not available to a field resolved by a compiled plan (server/schema/compiled_plans.py)"
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._build(RUNNING.execution), name)


class TypenameShape(NamedTuple):
    name: str  # the response name
    type_name: str


class LeafShape(NamedTuple):
    name: str
    value: str  # "attr", "denied", "call" or "gated" (see _value)
    attribute: str | None
    exact: str | None  # "str", "bool", "int" or "float": a value of this exact class is its own serialisation
    direct: bool  # a value of the class in the `direct` slot is serialised by the function there, which cannot fail
    non_null: bool


class ObjectShape(NamedTuple):
    name: str
    value: str
    attribute: str | None
    non_null: bool
    checks_type: bool  # the object type has an is_type_of
    known: bool  # the `direct_class` slot holds the class whose objects complete the type unchecked (known_class)


class ListShape(NamedTuple):
    name: str
    value: str
    attribute: str | None
    non_null: bool
    item_non_null: bool
    checks_type: bool
    known: bool


Shape = TypenameShape | LeafShape | ObjectShape | ListShape


def shape_of(step: Any, attribute: str | None) -> Shape:
    """The shape of a planned field (server/schema/field_plans.py's Step) that compiles."""
    if step.coerce is not None:
        exact = step.exact.__name__ if step.exact is not None else None
        return LeafShape(
            step.name, step.value, attribute, exact, step.direct_class is not None, step.non_null
        )
    checks_type, known = step.is_type_of is not None, step.direct_class is not None
    if step.is_list:
        return ListShape(
            step.name, step.value, attribute, step.non_null, step.item_non_null, checks_type, known
        )
    return ObjectShape(step.name, step.value, attribute, step.non_null, checks_type, known)


def _value(i: int, shape: LeafShape | ObjectShape | ListShape) -> str:
    """The expression reading field `i` of `source`: the attribute, null for a field the viewer may not see, the
    resolver, or (a field shown on the viewer's own rows only) the policy gate's per-row decision first."""
    if shape.value == "attr":
        return f"source.{shape.attribute}"
    if shape.value == "denied":
        return "None"
    if shape.value == "call":
        return f"call{i}(source, info{i})"
    return f"(call{i}(source, info{i}) if allowed{i}(source, info{i}) else None)"


def _null(name: str, non_null: bool, target: str = "out[{name}]") -> str:
    return "raise Fallback" if non_null else f"{target.format(name=name)} = None"


def _chain(served: list[tuple[str, str]], indent: str = "") -> list[str]:
    """if/elif lines for (test, statement) pairs, in order."""
    lines: list[str] = []
    for n, (test, statement) in enumerate(served):
        lines += [f"{indent}{'el' if n else ''}if {test}:", f"{indent}    {statement}"]
    return lines


def _lines(i: int, shape: Shape) -> list[str]:
    if isinstance(shape, TypenameShape):
        return [f"out[{shape.name!r}] = {shape.type_name!r}"]
    name = repr(shape.name)
    lines = [f"v = {_value(i, shape)}"]
    if isinstance(shape, LeafShape):
        # (test, the statement for a value passing it), in order; anything else goes through `leaf`
        served = [("v is None", _null(name, shape.non_null))]
        if shape.direct:
            served.insert(0, (f"v.__class__ is direct_class{i}", f"out[{name}] = direct{i}(v)"))
        if shape.exact is not None:
            bounds = _BOUNDS.get(shape.exact, "")
            served.insert(0, (f"v.__class__ is {shape.exact}{bounds}", f"out[{name}] = v"))
        return [*lines, *_chain(served), "else:", f"    out[{name}] = leaf(coerce{i}, v)"]
    if isinstance(shape, ObjectShape):
        check = f"is_type_of{i}(v, rinfo{i}) is True" if shape.checks_type else "plain(v)"
        served = [("v is None", _null(name, shape.non_null)), (check, f"out[{name}] = sub{i}(v)")]
        if shape.known:
            served.insert(0, (_known(i, shape, "v"), f"out[{name}] = sub{i}(v)"))
        return [*lines, *_chain(served), "else:", "    reject(v)"]
    check = f"is_type_of{i}(item, rinfo{i}) is True" if shape.checks_type else "plain(item)"
    item_null = "raise Fallback" if shape.item_non_null else "items.append(None)"
    served = [("item is None", item_null), (check, f"items.append(sub{i}(item))")]
    if shape.known:
        served.insert(0, (_known(i, shape, "item"), f"items.append(sub{i}(item))"))
    return [
        *lines,
        "if v is None:",
        f"    {_null(name, shape.non_null)}",
        "elif v.__class__ is list:",
        "    items = []",
        "    for item in v:",
        *_chain(served, "        "),
        "        else:",
        "            raise Fallback",
        f"    out[{name}] = items",
        "else:",
        "    reject(v)",
    ]


def _known(i: int, shape: ObjectShape | ListShape, value: str) -> str:
    """The test that `value` is of the class whose objects complete the type unchecked (and, for a type that checks
    its objects, not cast to another type: what its check would answer True for)."""
    cast = f" and getattr({value}, {TYPE_CAST_ATTRIBUTE!r}, None) is None" if shape.checks_type else ""
    return f"{value}.__class__ is direct_class{i}{cast}"


def _source(shapes: tuple[Shape, ...]) -> str:
    slots = (
        "coerce{i}, call{i}, info{i}, allowed{i}, is_type_of{i}, rinfo{i}, sub{i}, direct_class{i}, direct{i}"
    )
    text = ["def factory(slots):"]
    text += [f"    {slots.format(i=i)} = slots[{i}]" for i in range(len(shapes))]
    text += ["    def run(source):", "        out = {}"]
    for i, shape in enumerate(shapes):
        text += [f"        {line}" for line in _lines(i, shape)]
    text += ["        return out", "    return run"]
    return "\n".join(text)


def reject(value: Any) -> None:
    """A value where an object or a list was expected that the compiled function does not complete."""
    if inspect.iscoroutine(value):
        value.close()
    raise Fallback


def plain(value: Any) -> bool:
    """An object value of a type without is_type_of: anything but an awaitable or an exception."""
    return not (optimized_is_awaitable(value) or isinstance(value, Exception))


def leaf(coerce: Callable[[Any], Any], value: Any) -> Any:
    """A scalar or enum value that is not already its own serialisation: the type's coercion, when it gives a
    value; anything else (an exception, an awaitable, a rejected or null result) falls back."""
    if isinstance(value, Exception) or optimized_is_awaitable(value):
        reject(value)
    try:
        coerced = coerce(value)
    except Exception:  # noqa: BLE001 -- the planned loop reports it, at its path
        raise Fallback from None
    if coerced is None or coerced is Undefined:
        raise Fallback
    return coerced


def _factory(shapes: tuple[Shape, ...]) -> Callable[[tuple[Any, ...]], Callable[[Any], dict[str, Any]]]:
    namespace: dict[str, Any] = {"Fallback": Fallback, "leaf": leaf, "plain": plain, "reject": reject}
    exec(compile(_source(shapes), "<compiled plan>", "exec"), namespace)  # noqa: S102 -- our own generated text
    return namespace["factory"]


def factory_of(
    shapes: tuple[Shape, ...],
) -> Callable[[tuple[tuple[Any, ...], ...]], Callable[[Any], dict[str, Any]]]:
    """The factory of the function answering one object of this shape: factory(slots) is that function, which
    gives the object's result dict, or raises `Fallback`. `slots`: per field, (coerce, call, info, allowed,
    is_type_of, raw info, nested function, direct class, direct function), None where unused."""
    return _FACTORIES.get_or_build(shapes, lambda: _factory(shapes))
