"""A request's select of plain columns read straight on the asyncpg connection (server/loaders/driver_reads.py)
answers what SQLAlchemy's own execution answers: the same rows and Python types (stored enums as members, aware
UTC datetimes), the same bound values (an enum, an expanding IN list, a literal LIMIT), the same cursor events
and the same errors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Integer, bindparam, event, literal_column, select, text
from sqlalchemy.exc import DBAPIError

from server import models
from server.loaders.driver_reads import fetch_rows
from server.loaders.request_session import RequestSession, read_columns
from server.loaders.snapshots import columns_of
from server.models.enums import RegistrationStatus
from tests.api.registrations.helpers import registrations_in_a_new_campaign
from tests.plugins.api import World

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)  # asyncpg: PostgreSQL only

R = models.Registration


def _page(statuses: bool):  # noqa: ANN202
    stmt = select(*columns_of(R), R.registered_at.label("again")).where(R.registered_at < bindparam("before"))
    if statuses:
        stmt = stmt.where(R.status.in_(bindparam("statuses", expanding=True)))
    return stmt.order_by(R.id.desc()).limit(bindparam("_limit", type_=Integer, literal_execute=True))


@pytest.mark.parametrize("statuses", [False, True])
async def test_a_driver_read_answers_what_sqlalchemy_answers(
    rt, world: World, as_role, statuses: bool
) -> None:  # noqa: ANN001
    await registrations_in_a_new_campaign(rt, world, as_role, 5)
    params = {"before": rt.clock.now() + timedelta(hours=1), "_limit": 4}
    if statuses:
        params["statuses"] = [RegistrationStatus.APPROVED, RegistrationStatus.REJECTED]
    stmt = _page(statuses)
    async with rt.engine.connect() as conn:
        expected = (await conn.execute(stmt, params)).all()
        for _ in range(2):  # the first run learns the result's column types; the second uses them
            rows = await fetch_rows(conn, stmt, params)
            assert rows is not None
            assert [tuple(row) for row in rows] == [tuple(row) for row in expected]
            assert [[type(v) for v in row] for row in rows] == [[type(v) for v in row] for row in expected]
    assert len(expected) == (2 if statuses else 4)
    assert {row[R.__table__.c.keys().index("status")] for row in expected} <= set(RegistrationStatus)
    assert all(row[-1].utcoffset() == timedelta(0) for row in expected)


async def test_a_literal_limit_is_written_into_the_text_it_was_given(rt, world: World, as_role) -> None:
    """The text of a statement whose only late-rendered value is its LIMIT is kept per limit (not rendered again
    on every run): each run still sends its own limit, whatever ran before."""
    await registrations_in_a_new_campaign(rt, world, as_role, 5)
    sent: list[str] = []
    stmt = _page(False)
    event.listen(rt.engine.sync_engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    async with rt.engine.connect() as conn:
        for limit in (2, 3, 2, 5, 3):
            params = {"before": rt.clock.now() + timedelta(hours=1), "_limit": limit}
            rows = await fetch_rows(conn, stmt, params)
            assert rows is not None and len(rows) == limit
    assert [s.rsplit("LIMIT", 1)[1].strip() for s in sent] == ["2", "3", "2", "5", "3"]


async def test_a_driver_read_sends_the_cursor_events(rt) -> None:  # noqa: ANN001
    seen: list[tuple[str, str, list[object]]] = []

    def recording(name: str):  # noqa: ANN202
        return lambda _conn, _cursor, sql, params, *_: seen.append((name, sql, list(params)))

    listeners = {name: recording(name) for name in ("before_cursor_execute", "after_cursor_execute")}
    for name, listener in listeners.items():
        event.listen(rt.engine.sync_engine, name, listener)
    try:
        async with rt.engine.connect() as conn:
            rows = await fetch_rows(conn, select(literal_column("7")).where(bindparam("x") > 1), {"x": 3})
            assert rows is not None
    finally:
        for name, listener in listeners.items():
            event.remove(rt.engine.sync_engine, name, listener)
    assert [tuple(row) for row in rows] == [(7,)]
    assert [(name, params) for name, _sql, params in seen] == [
        ("before_cursor_execute", [3, 1]),
        ("after_cursor_execute", [3, 1]),
    ]
    assert seen[0][1] == seen[1][1] and "$1" in seen[0][1]


async def test_a_driver_read_fails_as_sqlalchemy_fails(rt) -> None:  # noqa: ANN001
    stmt = select(literal_column("1") / bindparam("zero"))
    async with rt.engine.connect() as conn:
        with pytest.raises(DBAPIError) as through_sqlalchemy:
            await conn.execute(stmt, {"zero": 0})
    async with rt.engine.connect() as conn:
        half = (await conn.execute(stmt, {"zero": 2})).all()
    async with rt.engine.connect() as conn:
        with pytest.raises(DBAPIError) as on_the_driver:
            await fetch_rows(conn, stmt, {"zero": 0})
        assert not on_the_driver.value.connection_invalidated
        again = await fetch_rows(conn, stmt, {"zero": 2})  # the connection still works
        assert again is not None and [tuple(r) for r in again] == half
    assert type(on_the_driver.value) is type(through_sqlalchemy.value)
    assert type(on_the_driver.value.orig) is type(through_sqlalchemy.value.orig)
    assert "division by zero" in str(on_the_driver.value)


async def test_a_statement_without_compiled_columns_is_left_to_sqlalchemy(rt) -> None:  # noqa: ANN001
    """Text has no compiled result columns to convert by: the request session runs it through SQLAlchemy, on its
    connection put in AUTOCOMMIT (no transaction left open on the driver's connection)."""
    statement = text("SELECT 5 AS n")
    async with rt.engine.connect() as conn:
        assert await fetch_rows(conn, statement, {}) is None
    reads = RequestSession(rt.engine, autocommit=True)
    try:
        assert [tuple(row) for row in await read_columns(reads, statement, {})] == [(5,)]
        conn = reads._conn  # noqa: SLF001 -- the request's connection, as the read left it
        assert conn is not None and conn.sync_connection is not None
        assert not conn.sync_connection.connection.driver_connection.is_in_transaction()  # type: ignore[union-attr]
    finally:
        await reads.close()
