"""Keyset pages over aggregated rows: ORDER BY (a number, id) with the cursor's (value, id), no OFFSET.

The count is a separate, light statement (the filtered rows without their aggregates), so a page costs the
aggregates once. Cursors are encoded by the API layer; here a cursor is the decoded (sort value, id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Integer, Select, SQLColumnExpression, bindparam, func, select, tuple_
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


@dataclass(frozen=True, slots=True)
class KeysetStatements:
    """A keyset page's two statements, built with bind parameters (`params` gives their values): kept, a
    statement object also keeps SQLAlchemy's cache key, which it otherwise derives again on every execution."""

    count: Select[*tuple[Any, ...]]
    page: Select[*tuple[Any, ...]]


class Bounds:
    """The bind parameters of one page: its size and, after a cursor, the cursor's (sort value, id)."""

    def __init__(self, order: Order) -> None:
        self.value = bindparam("after_value", type_=getattr(order.key, "type", None))
        self.pk = bindparam("after_pk", type_=getattr(order.pk, "type", None))
        # Written into the statement's text when it runs (one prepared statement per page size), as the
        # registrations page does (server/schema/pagination.py): PostgreSQL then keeps one generic plan for it.
        self.limit = bindparam("page_limit", type_=Integer, literal_execute=True)


def params(first: int, after: Cursor | None) -> dict[str, Any]:
    """The values of a page's Bounds."""
    values: dict[str, Any] = {"page_limit": first + 1}
    if after is not None:
        values["after_value"], values["after_pk"] = after
    return values


def window(
    stmt: Select[*tuple[Any, ...]], order: Order, bounds: Bounds, *, after: bool
) -> Select[*tuple[Any, ...]]:
    """`stmt` after the cursor (when `after`), in order, one more row than the page (to tell whether there is a
    next page)."""
    if after:
        key, bound = tuple_(order.key, order.pk), tuple_(bounds.value, bounds.pk)
        stmt = stmt.where(key < bound if order.descending else key > bound)
    ordering = (order.key.desc(), order.pk.desc()) if order.descending else (order.key.asc(), order.pk.asc())
    return stmt.order_by(*ordering).limit(bounds.limit)


def keyset_statements(
    stmt: Select[*tuple[Any, ...]],
    count: Select[*tuple[Any, ...]],
    order: Order,
    *,
    after: bool,
    bounds: Bounds | None = None,
) -> KeysetStatements:
    """`count` (rows of the page's filter, without aggregates) counted, and one page of `stmt` (after a cursor
    when `after`), its sort value and id added as `_sort` and `_pk`."""
    page = stmt.add_columns(order.key.label("_sort"), order.pk.label("_pk"))
    return KeysetStatements(
        count=select(func.count()).select_from(count.subquery()),
        page=window(page, order, bounds or Bounds(order), after=after),
    )


async def run_keyset(
    session: AsyncSession,
    statements: KeysetStatements,
    values: dict[str, Any],
    *,
    first: int,
    after: Cursor | None,
    wrap: Callable[[Any], T],
) -> Page[T]:
    """The count and one page: two statements, with `values` and the page's own bounds."""
    bound = {**values, **params(first, after)}
    total = int((await session.execute(statements.count, bound)).scalar_one())
    rows = list((await session.execute(statements.page, bound)).all())
    return Page(
        items=[PageItem(wrap(row), (row._mapping["_sort"], row._mapping["_pk"])) for row in rows[:first]],  # pyright: ignore[reportPrivateUsage] -- Row._mapping is public API
        has_next=len(rows) > first,
        total=total,
    )


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
    """One page of `stmt` with its count, built for this call (see keyset_statements)."""
    statements = keyset_statements(stmt, count, order, after=after is not None)
    return await run_keyset(session, statements, {}, first=first, after=after, wrap=wrap)
