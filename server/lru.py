"""A bounded least-recently-used cache, for the per-process caches of the request path (loader selects, query
costs, argument sites), and `cached_on` for what belongs to one schema. Not thread-safe: they are used from the
event loop only."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, Generic, TypeVar

V = TypeVar("V")
T = TypeVar("T")

# Statements kept per shape (and viewer, where a row scope is built in): loader selects, list pages, dashboards.
STATEMENT_CACHE_SIZE = 4096


class LRU(Generic[V]):
    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[Hashable, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()

    def get(self, key: Hashable) -> V | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key: Hashable, value: V) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)

    def get_or_build(self, key: Hashable, build: Callable[[], V]) -> V:
        value = self._entries.get(key)
        if value is None:
            value = self._entries[key] = build()
            if len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
        else:
            self._entries.move_to_end(key)
        return value

    def per_document(self, key: tuple[Any, ...], document: Any, build: Callable[[], Any]) -> Any:
        """For caches keyed by a parsed document: the parser cache hands back the same DocumentNode for the same
        text, so the key holds `id(document)`; the entry keeps the document alive (its id cannot be reused while
        cached) and a hit counts only when it is that very document."""
        entry: Any = self._entries.get((id(document), *key))
        if entry is None or entry[0] is not document:
            entry = (document, build())
            self._entries[(id(document), *key)] = entry  # type: ignore[assignment]
            if len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
        else:
            self._entries.move_to_end((id(document), *key))
        return entry[1]


def cached_on(compute: Callable[[Any], T]) -> Callable[[Any], T]:
    """`compute(owner)` worked out once per owner (a schema, one of its types) and kept on the owner itself, so
    that it lives as long as the owner: a process-wide cache keyed by it would keep every schema the process
    ever built, and their types, alive."""
    attribute = f"_matchup_{compute.__name__}"

    @wraps(compute)
    def cached(owner: Any) -> T:
        kept = owner.__dict__
        if attribute not in kept:
            kept[attribute] = compute(owner)
        return kept[attribute]

    return cached
