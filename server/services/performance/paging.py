"""Keyset pages over aggregated rows: ORDER BY (a number, id) with the cursor's (value, id), no OFFSET.

The count is a separate, light statement (the filtered rows without their aggregates), so a page costs the
aggregates once. Cursors are encoded by the API layer; here a cursor is the decoded (sort value, id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, SQLColumnExpression, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")
Cursor = tuple[Any, int]


@dataclass(frozen=True, slots=True)
class PageItem(Generic[T]):
    value: T
    cursor: Cursor


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[PageItem[T]]
    has_next: bool
    total: int


@dataclass(frozen=True, slots=True)
class Order:
    """What a page is sorted by: a column of the page statement, descending or not, then the row id."""

    key: SQLColumnExpression[Any]
    pk: SQLColumnExpression[int]
    descending: bool


def window(
    stmt: Select[*tuple[Any, ...]], order: Order, *, first: int, after: Cursor | None
) -> Select[*tuple[Any, ...]]:
    """`stmt` after the cursor, in order, one more row than the page (to tell whether there is a next page)."""
    if after is not None:
        key, bound = tuple_(order.key, order.pk), tuple_(*after)
        stmt = stmt.where(key < bound if order.descending else key > bound)
    ordering = (order.key.desc(), order.pk.desc()) if order.descending else (order.key.asc(), order.pk.asc())
    return stmt.order_by(*ordering).limit(first + 1)


async def keyset(
    session: AsyncSession,
    stmt: Select[*tuple[Any, ...]],
    count: Select[*tuple[Any, ...]],
    order: Order,
    *,
    first: int,
    after: Cursor | None,
    wrap: Callable[[Any], T],
) -> Page[T]:
    """Runs `count` (rows of the page's filter, without aggregates) and one page of `stmt`: two statements."""
    total = int((await session.execute(select(func.count()).select_from(count.subquery()))).scalar_one())
    page = window(
        stmt.add_columns(order.key.label("_sort"), order.pk.label("_pk")), order, first=first, after=after
    )
    rows = list((await session.execute(page)).all())
    return Page(
        items=[PageItem(wrap(row), (row._mapping["_sort"], row._mapping["_pk"])) for row in rows[:first]],  # pyright: ignore[reportPrivateUsage] -- Row._mapping is public API
        has_next=len(rows) > first,
        total=total,
    )
