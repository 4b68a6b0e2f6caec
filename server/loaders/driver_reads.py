"""A Core select of plain columns run straight on the asyncpg connection under a request's pooled connection.

SQLAlchemy's execution of a statement (its compiled-cache key walked over the whole select, an execution context, a
cursor adapter that copies every row, a Result and a Row per row) cost a registrations page as much CPU as
asyncpg's own work: measured side by side at 16 concurrent requests, 0.45 against 0.28 ms for 20 rows and 1.15
against 0.84 ms for 100 (bench/README.md). Here the statement is compiled once per statement object (the page
statements are built once per shape and kept), and each run binds the values with SQLAlchemy's own bind processors,
sends the text with asyncpg (its own prepared-statement cache) and applies SQLAlchemy's own result processors, where
a column has one. What stays SQLAlchemy's:

- the pool and the connection: the rows come from the request's checked-out connection, which runs no transaction
  (reads only, outside any BEGIN: each statement sees what was committed before it);
- `before_cursor_execute` and `after_cursor_execute` are dispatched as for any statement (statement counts,
  tracing);
- an error goes through SQLAlchemy's own translation: the same DBAPIError, and a dead connection is invalidated
  and reported as such (`connection_invalidated`), so the request session's retry works unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.util import greenlet_spawn

from server.lru import LRU, STATEMENT_CACHE_SIZE

__all__ = ["fetch_rows", "runs_on_driver"]


class _Plan:
    __slots__ = ("compiled", "literal_names", "literal_texts", "results")

    def __init__(self, compiled: SQLCompiler) -> None:
        self.compiled = compiled
        # (position, processor) of the columns SQLAlchemy converts after the driver (e.g. a stored enum's value
        # into its member); most columns have none. Known from the result's column types, at the first run.
        self.results: tuple[tuple[int, Callable[[Any], Any]], ...] | None = None
        # A statement whose only late-rendered values are literals (a page's LIMIT) has one text per value:
        # (text, parameter order) by those values, the last LITERAL_TEXTS used.
        self.literal_names = (
            tuple(compiled.bind_names[p] for p in compiled.literal_execute_params)
            if compiled.literal_execute_params and not compiled.post_compile_params
            else None
        )
        self.literal_texts: LRU[tuple[str, Any]] = LRU(LITERAL_TEXTS)


LITERAL_TEXTS = 32


class _Execution:
    """Stands in for SQLAlchemy's execution context in the cursor events: listeners keep their state on it (a
    tracing span)."""


_PLANS: LRU[_Plan | None] = LRU(STATEMENT_CACHE_SIZE)


def runs_on_driver(dialect: Dialect) -> bool:
    return dialect.driver == "asyncpg"


def _plan(statement: Executable, dialect: Dialect) -> _Plan | None:
    if not isinstance(statement, ClauseElement):
        return None
    compiled = statement.compile(dialect=dialect)
    if not isinstance(compiled, SQLCompiler) or not compiled.positional:
        return None
    if not compiled._result_columns:  # noqa: SLF001 -- the select's columns, as its Result would read them
        return None
    return _Plan(compiled)


def _result_processors(
    plan: _Plan, dialect: Dialect, column_types: list[int]
) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """What CursorResult would apply to each column, given its type as the driver reports it (a column type's
    processor may depend on it: server/models/base.py UTCDateTime)."""
    columns = plan.compiled._result_columns  # noqa: SLF001
    if len(columns) != len(column_types):
        raise RuntimeError(f"{len(columns)} columns compiled, {len(column_types)} returned")
    results = []
    for position, (column, oid) in enumerate(zip(columns, column_types, strict=True)):
        processor = column[3]._cached_result_processor(dialect, oid)  # noqa: SLF001 -- as CursorResult does
        if processor is not None:
            results.append((position, processor))
    return tuple(results)


def _bound(plan: _Plan, params: dict[str, Any]) -> tuple[str, list[Any]]:
    """The statement's text and positional values, as SQLAlchemy's execution context makes them: late-rendered
    values (a page's literal LIMIT, expanding IN lists) written in, each value through its type's bind processor."""
    compiled = plan.compiled
    values = compiled.construct_params(params, escape_names=False, _no_postcompile=True)
    processors: Any = compiled._bind_processors  # noqa: SLF001
    sql, order = compiled.string, compiled.positiontup
    if plan.literal_names is not None and _hashable(
        key := tuple((type(values[n]), values[n]) for n in plan.literal_names)
    ):
        sql, order = plan.literal_texts.get_or_build(key, lambda: _expanded_text(compiled, values))
    elif compiled.literal_execute_params or compiled.post_compile_params:
        expanded = compiled._process_parameters_for_postcompile(values)  # noqa: SLF001
        sql, order, values = expanded.statement, expanded.positiontup, expanded.parameters
        processors = {**processors, **expanded.processors}
    return sql, [
        processors[name](values[name]) if name in processors else values[name] for name in order or ()
    ]


def _expanded_text(compiled: SQLCompiler, values: Any) -> tuple[str, Any]:
    expanded = compiled._process_parameters_for_postcompile(values)  # noqa: SLF001
    return expanded.statement, expanded.positiontup


def _hashable(key: tuple[Any, ...]) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


async def fetch_rows(
    conn: AsyncConnection, statement: Executable, params: dict[str, Any]
) -> list[Any] | None:
    """The statement's rows (asyncpg records, or tuples where a column is converted), read on `conn`'s asyncpg
    connection; None for a statement this does not run (not a select compiled with positional parameters), which
    the caller runs through SQLAlchemy."""
    dialect = conn.dialect
    plan = _PLANS.per_document((id(dialect),), statement, lambda: _plan(statement, dialect))
    if plan is None:
        return None
    sql, args = _bound(plan, params)
    sync = conn.sync_connection
    assert sync is not None
    fairy = sync.connection
    execution = None
    if sync._has_events or sync.engine._has_events:  # noqa: SLF001 -- SQLAlchemy's own check before dispatching
        execution = _Execution()
        sync.dispatch.before_cursor_execute(sync, None, sql, args, execution, False)
    driver: Any = fairy.driver_connection
    try:
        if plan.results is None:
            attributes = (await driver.prepare(sql)).get_attributes()
            plan.results = _result_processors(plan, dialect, [a.type.oid for a in attributes])
        records = await driver.fetch(sql, *args)
    except Exception as error:  # noqa: BLE001 -- re-raised as SQLAlchemy raises it
        await greenlet_spawn(_raise_as_sqlalchemy, sync, fairy, error, sql, args)
        raise  # not reached: _raise_as_sqlalchemy always raises
    if execution is not None:
        sync.dispatch.after_cursor_execute(sync, None, sql, args, execution, False)
    if not plan.results:
        return records
    rows = []
    for record in records:
        row = list(record)
        for position, processor in plan.results:
            row[position] = processor(row[position])
        rows.append(tuple(row))
    return rows


def _raise_as_sqlalchemy(sync: Any, fairy: Any, error: Exception, sql: str, args: list[Any]) -> None:
    """The driver's error as SQLAlchemy reports it from a statement: the DBAPI's exception translated by the
    dialect, wrapped in a DBAPIError, the connection invalidated when the error means it is gone."""
    try:
        fairy.dbapi_connection._handle_exception(error)  # noqa: SLF001 -- the dialect's translation
    except Exception as translated:  # noqa: BLE001
        sync._handle_dbapi_exception(translated, sql, args, None, None)  # noqa: SLF001
        raise
