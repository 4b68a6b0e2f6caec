"""Relay connections with keyset cursors. `first` is 1..100; ORDER BY (sort key, id), no OFFSET."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import Integer, Select, SQLColumnExpression, bindparam, func, select, tuple_
from sqlalchemy.types import TypeEngine

from server.authz.errors import PublicError
from server.loaders.request_session import read_columns
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
    if sort_value.__class__ is datetime and pk.__class__ is int:  # the common case, as json.dumps writes it
        text = f'[{{"dt": "{sort_value.isoformat()}"}}, {pk}]'
    else:
        text = json.dumps([_encode(sort_value), pk])
    # base64.urlsafe_b64encode, in one call instead of three (a page encodes one cursor a row)
    return binascii.b2a_base64(text.encode(), newline=False).translate(_URLSAFE).decode()


_URLSAFE = bytes.maketrans(b"+/", b"-_")


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


@dataclass(frozen=True, slots=True)
class PageStatements:
    """A list's page statements, built once and run with bind parameters: the first page, a page after a cursor
    (`_after_sort`, `_after_pk`) and the count; each page takes `_limit`. Cached, a statement object also keeps
    SQLAlchemy's cache key, which it otherwise derives again from the whole tree on every execution."""

    first: Select[*tuple[Any, ...]]
    later: Select[*tuple[Any, ...]]
    count: Select[*tuple[Any, ...]]
    columns_only: bool = False
    """The page selects plain columns, no ORM entity: its rows are read without the ORM (read_columns)."""


def page_statements(
    stmt: Select[*tuple[Any, ...]],
    *,
    sort: SQLColumnExpression[Any],
    pk: SQLColumnExpression[int],
    descending: bool,
    cap: int,
    count: Select[*tuple[Any, ...]] | None = None,
    page: Callable[[Select[*tuple[Any, ...]]], Select[*tuple[Any, ...]]] | None = None,
) -> PageStatements:
    """`stmt` (already filtered and scoped) as page statements: the count a column of every row (an uncorrelated
    scalar subquery: the database computes it once), stopping at `cap` so a huge list costs a bounded scan, unless
    `count` (one integer, e.g. from the rollups) replaces it. `page` extends the page's select only (not the
    count), e.g. with joined columns: each row then carries them after the row's own values."""
    if count is None:
        count = select(func.count()).select_from(stmt.order_by(None).limit(cap).subquery())
    selected = (stmt if page is None else page(stmt)).add_columns(
        count.correlate(None).scalar_subquery().label("_total"), sort.label("_sort"), pk.label("_pk")
    )
    order = (sort.desc(), pk.desc()) if descending else (sort.asc(), pk.asc())
    key = tuple_(sort, pk)
    sort_type, pk_type = (
        getattr(column, "type", None) for column in (sort, pk)
    )  # SQL expressions have a type
    cursor = tuple_(bindparam("_after_sort", type_=sort_type), bindparam("_after_pk", type_=pk_type))
    # The limit is written into the statement's text when it runs (one prepared statement per page size), not
    # sent as a parameter: PostgreSQL, not knowing a parameter's limit, kept planning a page anew on every run
    # (~1.1 ms each for the registrations page); knowing it, it keeps one generic plan (0.45 ms a run, not 1.7).
    limit = bindparam("_limit", type_=Integer, literal_execute=True)
    return PageStatements(
        first=selected.order_by(*order).limit(limit),
        later=selected.where(key < cursor if descending else key > cursor).order_by(*order).limit(limit),
        count=count,
        columns_only=all(isinstance(d["type"], TypeEngine) for d in selected.column_descriptions),
    )


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
    """One page of `stmt` with its total count (see page_statements), built for this call."""
    statements = page_statements(
        stmt, sort=sort, pk=pk, descending=descending, cap=rt.settings.total_count_cap, count=count, page=page
    )
    return await run_page(
        rt, statements, {}, first=first, after=after, nodes=lambda rows: [wrap(own(r)) for r in rows]
    )


def own(row: Sequence[Any]) -> Any:
    """A page row's own value: its one value, or its values, without the three the page statement adds."""
    return row[0] if len(row) == 4 else tuple(row[:-3])


async def run_page(
    rt: Runtime,
    statements: PageStatements,
    params: dict[str, Any],
    *,
    first: int,
    after: str | None,
    nodes: Callable[[list[Any]], list[T]],
) -> Connection[T]:
    """Runs page statements with `params` (the values of the list's own bind parameters): one statement; a second
    counts only when the page is empty after a cursor. `nodes` gets all the page's rows at once as read (each row's
    values, then three of the page's own: see `own`) and answers their nodes in order."""
    check_first(first)
    values = {**params, "_limit": first + 1}
    if after is not None:
        values["_after_sort"], values["_after_pk"] = decode_cursor(after)
    page = statements.first if after is None else statements.later
    rows: list[Any]
    if statements.columns_only:
        rows = await read_columns(rt.sessionmaker, page, values)
    else:
        async with rt.sessionmaker() as session:
            rows = list((await session.execute(page, values)).all())
    if rows:
        total = int(rows[0][-3])
    elif after is None:
        total = 0  # nothing matches at all
    else:
        async with rt.sessionmaker() as session:
            total = int((await session.execute(statements.count, params)).scalar_one())
    has_next = len(rows) > first
    rows = rows[:first]
    edges = [
        Edge(cursor=encode_cursor(row[-2], row[-1]), node=node)
        for row, node in zip(rows, nodes(rows), strict=True)
    ]
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
