"""Nested pages: the first page of children for many parents in one statement (a window per parent)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import Select, SQLColumnExpression, func, select, tuple_

from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.runtime import Runtime

# (parent key, first, after) where after is the decoded (sort value, pk) cursor or None.
PageKey = tuple[Hashable, int, tuple[Any, int] | None]


class ScopedPageLoader(DataLoader):
    """For each (parent, first, after) key: up to first + 1 child rows after the cursor, ordered by (sort, pk).

    ROW_NUMBER() OVER (PARTITION BY parent ORDER BY sort, pk) picks each parent's page; keys sharing `first` and
    `after` (siblings in one response) share one statement. The caller counts with a grouped-count loader.
    Rows are restricted to the principal's row scope of `type_name`, like every loader.
    """

    def __init__(
        self,
        rt: Runtime,
        principal: Principal | None,
        *,
        type_name: str,
        statement: Callable[[], Select[*tuple[Any, ...]]],
        parent_column: SQLColumnExpression[Any],
        sort: SQLColumnExpression[Any],
        pk: SQLColumnExpression[int],
        parent_of: Callable[[Any], Hashable],
        cache: bool = True,
    ) -> None:
        super().__init__(cache=cache)
        self.rt = rt
        self.principal = principal
        self.type_name = type_name
        self.statement = statement
        self.parent_column = parent_column
        self.sort = sort
        self.pk = pk
        self.parent_of = parent_of

    async def batch_load_fn(self, keys: Sequence[PageKey]) -> list[list[Any]]:
        groups: dict[tuple[int, tuple[Any, int] | None], set[Hashable]] = defaultdict(set)
        for parent, first, after in keys:
            groups[(first, after)].add(parent)
        pages: dict[PageKey, list[Any]] = {}
        async with self.rt.sessionmaker() as session:
            for (first, after), parents in groups.items():
                ranked = select(
                    self.pk.label("pk"),
                    func.row_number()
                    .over(partition_by=self.parent_column, order_by=(self.sort, self.pk))
                    .label("rn"),
                ).where(self.parent_column.in_(list(parents)), row_scope(self.type_name, self.principal))
                if after is not None:
                    ranked = ranked.where(tuple_(self.sort, self.pk) > tuple_(*after))
                window = ranked.subquery()
                stmt = (
                    self.statement()
                    .where(self.pk.in_(select(window.c.pk).where(window.c.rn <= first + 1)))
                    .order_by(self.sort, self.pk)
                )
                rows = list((await session.execute(stmt)).all())
                by_parent: dict[Hashable, list[Any]] = defaultdict(list)
                for row in rows:
                    value = row[0] if len(row) == 1 else row
                    by_parent[self.parent_of(value)].append(value)
                for parent in parents:
                    pages[(parent, first, after)] = by_parent.get(parent, [])
        return [pages[key] for key in keys]
