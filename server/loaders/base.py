"""Batched, row-scoped loaders. Every batch opens its own short session and applies the policy's row scope.

A loader's select (its statement, `key IN (:keys)` as one expanding parameter, the row scope) depends only on the
loader and the principal, so it is built once per (loader, principal) and kept in a bounded LRU: a batch binds its
keys to a prepared statement whose cache key SQLAlchemy already knows, instead of constructing and hashing a new
select each time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import ARRAY, ColumnElement, Integer, Select, any_, bindparam
from sqlalchemy.orm import QueryableAttribute

from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.loaders.ready import then
from server.lru import LRU, STATEMENT_CACHE_SIZE
from server.observability.tracing import span
from server.runtime import Runtime

_KEYS = "loader_keys"
_UNMADE = object()
_STATEMENTS: LRU[Select[*tuple[Any, ...]]] = LRU(STATEMENT_CACHE_SIZE)


class ScopedLoader(DataLoader):
    """Loads rows by key through `statement`, restricted to the rows `principal` may see as `type_name`.

    `statement()` returns a select whose first column (or entity) is the row; `key_of(row)` gives its key.
    With `many=True` each key maps to a list (1:N), otherwise to one row or None.
    """

    def __init__(
        self,
        rt: Runtime,
        principal: Principal | None,
        *,
        type_name: str | None,
        statement: Callable[[], Select[*tuple[Any, ...]]],
        key_column: ColumnElement[Any] | QueryableAttribute[Any],
        key_of: Callable[[Any], Hashable],
        many: bool = False,
        cache: bool = True,
        name: Hashable | None = None,
    ) -> None:
        super().__init__(cache=cache)
        self.rt = rt
        self.principal = principal
        self.type_name = type_name
        self.statement = statement
        self.key_column = key_column
        self.key_of = key_of
        self.many = many
        # `name` (unique among the loaders of its registry, whose statements read nothing but the principal) lets
        # the built select be reused by later requests of the same principal; without it each batch builds its own.
        self.name = name
        # Primed values, held as they are: a future is made for one only when `load` asks for it (a page primes
        # every row's relations and its fields read them through `answer`, which needs none).
        self._primed: dict[Hashable, Any] = {}
        # `shared`'s objects: (fn, key) -> fn(value).
        self._shared: dict[tuple[Callable[[Any], Any], Hashable], Any] = {}

    def load(self, key: Hashable):  # unannotated: DataLoader.load's type (`-> Any` lost callers' narrowing)
        """aiodataloader's `load`; a key already asked for (or primed) is answered from the cache directly, without
        the cache-key function (the identity here) and the checks around it: a page asks for one per field a row."""
        cached = self._cache.get(key) if self.cache else None
        if cached is None and key in self._primed:  # its future, made now
            super().prime(key, self._primed[key])
            cached = self._cache[key]
        return cached if cached is not None else super().load(key)

    def answer(self, key: Hashable, fn: Callable[[Any], Any]) -> Any:
        """fn(the key's value): now when the loader holds it (primed or loaded), else an awaitable of it that
        joins the next batch (server/loaders/ready.py)."""
        primed = self._primed
        if key in primed:
            return fn(primed[key])
        return then(self.load(key), fn)

    def shared(self, key: Hashable, fn: Callable[[Any], Any]) -> Any:
        """`answer`, with fn(value) made once per key while the loader caches (one HTTP request): the rows of a
        page that share a relation (a shop's products) share its object. `fn` must be one long-lived function
        (not a lambda made per call) and its result must not be changed by whoever receives it."""
        if not self.cache:  # a loader that reads afresh each time (a websocket's) keeps no objects either
            return self.answer(key, fn)
        made = self._shared.get((fn, key), _UNMADE)
        if made is not _UNMADE:
            return made

        def make(value: Any) -> Any:
            self._shared[fn, key] = made = fn(value)
            return made

        return self.answer(key, make)

    def prime_many(self, pairs: Iterable[tuple[Hashable, Any]]) -> None:
        """`prime(key, value)` for each pair, in one call: a key already cached (or primed earlier in `pairs`) keeps
        its value. A ScopedLoader's cache key is the key itself (it takes no get_cache_key)."""
        if not self.cache:
            return
        cache, primed = self._cache, self._primed
        for key, value in pairs:
            if key in cache or key in primed:
                continue
            if isinstance(value, Exception):
                future = self.loop.create_future()
                future.set_exception(value)
                cache[key] = future
            else:
                primed[key] = value

    def prime(self, key: Hashable, value: Any) -> ScopedLoader:
        self.prime_many([(key, value)])
        return self

    def clear(self, key: Hashable) -> ScopedLoader:
        self._primed.pop(key, None)
        self._shared = {k: v for k, v in self._shared.items() if k[1] != key}
        super().clear(key)
        return self

    def clear_all(self) -> ScopedLoader:
        self._primed.clear()
        self._shared.clear()
        super().clear_all()
        return self

    def _keys_match(self) -> ColumnElement[bool]:
        # PostgreSQL, integer keys: `key = ANY($1)` with the keys as one array. The statement's text is the same
        # for any number of keys, so it is rendered once and asyncpg reuses its prepared form; `IN (:keys)`
        # (expanding, SQLite and other key types) is rendered anew for every batch, one placeholder per key.
        if not self.rt.settings.is_sqlite and isinstance(self.key_column.type, Integer):
            return self.key_column == any_(bindparam(_KEYS, type_=ARRAY(self.key_column.type)))
        return self.key_column.in_(bindparam(_KEYS, expanding=True))

    def _build(self) -> Select[*tuple[Any, ...]]:
        stmt = self.statement().where(self._keys_match())
        if self.type_name is not None:
            stmt = stmt.where(row_scope(self.type_name, self.principal))
        return stmt

    def select(self) -> Select[*tuple[Any, ...]]:
        if self.name is None:
            return self._build()
        return _STATEMENTS.get_or_build(
            (self.name, self.type_name, self.principal, self.rt.settings.is_sqlite), self._build
        )

    async def batch_load_fn(self, keys: Sequence[Hashable]) -> list[Any]:
        with span(
            "loader.batch", {"matchup.loader.type": self.type_name or "", "matchup.loader.keys": len(keys)}
        ):
            async with self.rt.sessionmaker() as session:
                result = await session.execute(self.select(), {_KEYS: list(set(keys))})
                rows = list(result.all())
        single = len(rows) == 0 or len(rows[0]) == 1
        values = [row[0] if single else row for row in rows]
        if self.many:
            grouped: dict[Hashable, list[Any]] = defaultdict(list)
            for value in values:
                grouped[self.key_of(value)].append(value)
            return [grouped.get(key, []) for key in keys]
        by_key = {self.key_of(value): value for value in values}
        return [by_key.get(key) for key in keys]
