"""Many rows of one table in one statement execution on PostgreSQL: INSERT … SELECT FROM unnest(one array per
column), optionally ON CONFLICT DO UPDATE. An executemany runs its statement once per row — PostgreSQL binds and
executes each, and SQLAlchemy processes each row's parameters — while this is one execution whatever the number
of rows, with one statement text (SQLAlchemy compiles it once; a multi-row VALUES text would change with the
number of rows). Rows go in in their order (WITH ORDINALITY), so writers that sort their keys take row locks in
one order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Dialect, Table, TextClause, bindparam, insert, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session


def values_of(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> dict[str, list[Any]]:
    """The statement's parameters: each column's values, in row order."""
    return {c: [row[c] for row in rows] for c in columns}


@lru_cache(maxsize=64)
def unnest_insert(
    table: Table,
    columns: tuple[str, ...],
    dialect: Dialect,
    *,
    key: tuple[str, ...] = (),
    add: tuple[str, ...] = (),
    replace: tuple[str, ...] = (),
) -> TextClause:
    """The statement inserting `columns` of `table` from one array parameter per column (named after it); with
    `key`, where a row's key exists it adds its `add` columns to the stored ones and writes its `replace` columns
    over them (a row's key must appear once)."""
    q = dialect.identifier_preparer
    name, cols = q.format_table(table), ", ".join(q.quote(c) for c in columns)
    arrays = ", ".join(f"CAST(:{c} AS {table.c[c].type.compile(dialect=dialect)}[])" for c in columns)
    sql = f"INSERT INTO {name} ({cols}) SELECT {cols} FROM unnest({arrays}) WITH ORDINALITY AS v({cols}, _n) ORDER BY _n"
    if key:
        sets = [f"{q.quote(c)} = {name}.{q.quote(c)} + excluded.{q.quote(c)}" for c in add]
        sets += [f"{q.quote(c)} = excluded.{q.quote(c)}" for c in replace]
        sql += f" ON CONFLICT ({', '.join(q.quote(c) for c in key)}) DO UPDATE SET {', '.join(sets)}"
    # Typed as arrays of the columns' types, so each value goes through its column type's bind processing.
    return text(sql).bindparams(*(bindparam(c, type_=ARRAY(table.c[c].type)) for c in columns))


async def insert_rows(session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """`rows` (each with the same columns) into `table`: on PostgreSQL in one execution (unnest_insert), elsewhere
    in one executemany."""
    if not rows:
        return
    dialect = session.sync_session.get_bind().dialect
    if dialect.name == "postgresql":
        columns = tuple(rows[0])
        await session.execute(unnest_insert(table, columns, dialect), values_of(rows, columns))
    else:
        await session.execute(insert(table), list(rows))


def upsert_rows(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    key: Sequence[str],
    add: Sequence[str] = (),
    replace: Sequence[str] = (),
) -> None:
    """Inserts `rows` (each with the same columns) into `table`, in their order; where a row's `key` exists, adds
    its `add` columns to the stored ones and writes its `replace` columns over them instead. On PostgreSQL one
    execution (unnest_insert), on SQLite one executemany of one statement text."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    if dialect.name == "postgresql":
        columns = tuple(rows[0])
        stmt = unnest_insert(table, columns, dialect, key=tuple(key), add=tuple(add), replace=tuple(replace))
        session.connection().execute(stmt, values_of(rows, columns))  # Core: no ORM execution around it
        return
    stmt = sqlite.insert(table)
    changes = {c: table.c[c] + stmt.excluded[c] for c in add} | {c: stmt.excluded[c] for c in replace}
    session.connection().execute(
        stmt.on_conflict_do_update(index_elements=list(key), set_=changes), list(rows)
    )
