"""Resolving a field from a loader without a coroutine when the loader already holds the value.

A field whose resolver is `async def` costs the executor several awaitables per row even when its loader answers
from the cache (the page prefetched it). A plain resolver returning `then(loader.load(key), fn)` (or
`ScopedLoader.answer(key, fn)`, which uses it) hands graphql-core the value itself when it is loaded, so a fully
prefetched page completes synchronously; otherwise it returns an awaitable and the loader batches as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

from server.lru import LRU

T = TypeVar("T")


def then(loaded: asyncio.Future[Any], fn: Callable[[Any], T]) -> T:
    """fn(the loaded value): now when `loaded` is done (its error raised here), else once it is.

    Typed as answering T, for the plain resolvers that return it: strawberry awaits an awaitable result, so such
    a resolver's return annotation is its GraphQL type (T) although it may hand back an awaitable of it."""
    if loaded.done():
        return fn(loaded.result())

    async def later() -> T:
        return fn(await loaded)

    return later()  # pyright: ignore[reportReturnType] -- an Awaitable[T] that strawberry awaits (see above)


# The names depend on the document alone (not on variables: directives are not evaluated), so they are worked out
# once per parsed document, field and path.
_SELECTED: LRU[frozenset[str]] = LRU(4096)


def selected(info: Any, *path: str) -> frozenset[str]:
    """The field names the operation selects below this field at `path` (fragments and inline fragments merged;
    directives are not evaluated, so a skipped field counts as selected: a prefetch may read a little more, never
    less)."""
    raw = info._raw_info
    key = (*(id(node) for node in raw.field_nodes), *path)
    return _SELECTED.per_document(key, raw.operation, lambda: _selected(raw, path))


def _selected(raw: Any, path: tuple[str, ...]) -> frozenset[str]:
    fragments = raw.fragments
    sets: list[SelectionSetNode] = [node.selection_set for node in raw.field_nodes if node.selection_set]
    for name in path:
        sets = [f.selection_set for f in _fields(sets, fragments) if f.name.value == name and f.selection_set]
    return frozenset(f.name.value for f in _fields(sets, fragments))


def _fields(sets: Iterable[SelectionSetNode], fragments: dict[str, Any]) -> list[FieldNode]:
    out: list[FieldNode] = []
    stack = list(sets)
    seen: set[str] = set()
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode):
                out.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
                seen.add(selection.name.value)
                fragment = fragments.get(selection.name.value)
                if fragment is not None:
                    stack.append(fragment.selection_set)
    return out
