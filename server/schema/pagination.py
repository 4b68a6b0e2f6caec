"""Relay connections with keyset cursors. `first` is 1..100; ORDER BY (sort key, id), no OFFSET."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import Select, SQLColumnExpression, func, select, tuple_

from server.authz.errors import PublicError
from server.runtime import Runtime

T = TypeVar("T")
MAX_PAGE = 100


class InvalidPagination(PublicError):
    code = "INVALID_PAGINATION"


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int = strawberry.field(
        description="How many match, counted up to a cap (10,000 unless the server sets MATCHUP_TOTAL_COUNT_CAP): "
        "a longer list reports the cap. Page with pageInfo.hasNextPage."
    )


def _encode(value: Any) -> Any:
    return {"dt": value.isoformat()} if isinstance(value, datetime) else value


def _decode(value: Any) -> Any:
    return datetime.fromisoformat(value["dt"]) if isinstance(value, dict) and "dt" in value else value


def encode_cursor(sort_value: Any, pk: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([_encode(sort_value), pk]).encode()).decode()


def decode_cursor(cursor: str) -> tuple[Any, int]:
    try:
        sort_value, pk = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not isinstance(pk, int):
            raise ValueError
        return _decode(sort_value), pk
    except Exception:
        raise InvalidPagination("after: not a valid cursor", field="after") from None


def check_first(first: int) -> None:
    if not 1 <= first <= MAX_PAGE:
        raise InvalidPagination(f"first must be between 1 and {MAX_PAGE}", field="first")


async def keyset_page(
    rt: Runtime,
    stmt: Select[*tuple[Any, ...]],
    *,
    sort: SQLColumnExpression[Any],
    pk: SQLColumnExpression[int],
    descending: bool,
    first: int,
    after: str | None,
    wrap: Callable[[Any], T],
    count: Select[*tuple[Any, ...]] | None = None,
    page: Callable[[Select[*tuple[Any, ...]]], Select[*tuple[Any, ...]]] | None = None,
) -> Connection[T]:
    """Runs `stmt` (already filtered and scoped) as one page with its total count: one statement, the count a
    column of every row (an uncorrelated scalar subquery: the database computes it once); a second statement counts
    only when the page is empty after a cursor. `count` (one integer, e.g. from the rollups) replaces counting;
    otherwise the count stops at the configured cap, so a huge list costs a bounded scan, not one over all its rows.
    `page` extends the page's select only (not the count), e.g. with joined columns: `wrap` then gets them after
    the row's own values."""
    check_first(first)
    if count is None:
        count = select(func.count()).select_from(
            stmt.order_by(None).limit(rt.settings.total_count_cap).subquery()
        )
    count_stmt = count
    page_stmt = (stmt if page is None else page(stmt)).add_columns(
        count_stmt.correlate(None).scalar_subquery().label("_total"), sort.label("_sort"), pk.label("_pk")
    )
    if after is not None:
        sort_value, after_pk = decode_cursor(after)
        key = tuple_(sort, pk)
        page_stmt = page_stmt.where(
            key < tuple_(sort_value, after_pk) if descending else key > tuple_(sort_value, after_pk)
        )
    order = (sort.desc(), pk.desc()) if descending else (sort.asc(), pk.asc())
    page_stmt = page_stmt.order_by(*order).limit(first + 1)
    async with rt.sessionmaker() as session:
        rows = list((await session.execute(page_stmt)).all())
        if rows:
            total = int(rows[0][-3])
        elif after is None:
            total = 0  # nothing matches at all
        else:
            total = int((await session.execute(count_stmt)).scalar_one())
    has_next = len(rows) > first
    rows = rows[:first]
    edges = []
    for row in rows:
        *values, _total, sort_value, row_pk = row
        value = values[0] if len(values) == 1 else tuple(values)
        edges.append(Edge(cursor=encode_cursor(sort_value, row_pk), node=wrap(value)))
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )
