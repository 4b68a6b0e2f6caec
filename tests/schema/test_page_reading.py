"""How a page is read: cursors written out as json.dumps and urlsafe base64 would write them, a select of plain
columns run without the ORM (and retried once on a fresh connection like every read of a request), and loaders
primed in bulk with prime's semantics."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from aiodataloader import DataLoader
from sqlalchemy import literal, select, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from server import models
from server.loaders.base import ScopedLoader
from server.loaders.registry import LoaderRegistry
from server.loaders.request_session import RequestSession, execute_columns
from server.runtime import Runtime
from server.schema.pagination import _encode, decode_cursor, encode_cursor, page_statements

from . import schema_settings

R = models.Registration


@pytest.mark.parametrize(
    ("sort_value", "pk"),
    [
        (datetime(2026, 11, 21, 9, 30, 15, 123456, tzinfo=UTC), 5),
        (datetime(2026, 11, 21, 9, 30, tzinfo=UTC), 123456789012),
        (datetime(2026, 11, 21, tzinfo=timezone(timedelta(hours=7))), 8),
        (datetime(2026, 11, 21), 9),
        (1250, 3),
        (-1, 2),
        (True, 1),
        (None, 1),
        ('a "quoted" title', 2),
        (1.5, 3),
        ("??>>", 4),  # its standard base64 has "+" and "/": the cursor has "-" and "_"
    ],
)
def test_a_cursor_is_the_urlsafe_base64_of_its_json(sort_value: object, pk: int) -> None:
    expected = base64.urlsafe_b64encode(json.dumps([_encode(sort_value), pk]).encode()).decode()
    assert encode_cursor(sort_value, pk) == expected
    assert decode_cursor(expected) == (sort_value, pk)


def test_a_page_of_plain_columns_is_read_without_the_orm() -> None:
    def statements(stmt):  # noqa: ANN001, ANN202
        return page_statements(stmt, sort=R.registered_at, pk=R.id, descending=True, cap=10)

    assert statements(select(R.id, R.status)).columns_only
    assert not statements(select(R)).columns_only
    assert not statements(select(R, R.id)).columns_only


async def test_execute_columns_reads_rows_as_the_session_does(rt: Runtime) -> None:
    stmt = select(literal(7).label("n"), literal("x").label("s"))
    async with rt.sessionmaker() as session:
        core = (await execute_columns(session, stmt, {})).all()
        orm = (await session.execute(stmt)).all()
    assert core == orm == [(7, "x")]


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)  # SQLite has no server to lose
async def test_execute_columns_retries_once_on_a_fresh_connection(rt: Runtime) -> None:
    reads = RequestSession(rt.engine, autocommit=True)
    try:
        async with reads() as session:
            pid = (await execute_columns(session, select(text("pg_backend_pid()")), {})).scalar_one()
        killer = create_async_engine(rt.settings.database_url, poolclass=NullPool)
        async with killer.connect() as conn:
            assert await conn.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        await killer.dispose()
        async with reads() as session:
            again = (await execute_columns(session, select(text("pg_backend_pid()")), {})).scalar_one()
        assert again != pid
        assert reads.checkouts == 2
    finally:
        await reads.close()


def _loader(rt: Runtime) -> ScopedLoader:
    return ScopedLoader(
        rt, None, type_name=None, statement=lambda: select(R), key_column=R.id, key_of=lambda r: r.id
    )


def _counting(loader: ScopedLoader) -> list[list[int]]:
    """Replaces the loader's database read: each key loads as "loaded <key>"; returns the batches it is asked."""
    batches: list[list[int]] = []

    async def batch(keys):  # noqa: ANN001, ANN202
        batches.append(list(keys))
        return [f"loaded {k}" for k in keys]

    loader.batch_load_fn = batch  # type: ignore[method-assign]
    return batches


async def test_prime_many_primes_as_prime_does() -> None:
    """aiodataloader's own prime, one key at a time, is the reference: the first value of a key wins, an error is
    raised by load."""
    rt = Runtime.build(schema_settings())
    error = ValueError("no")
    pairs = [(1, "a"), (2, None), (1, "b"), (3, error)]
    one_by_one, bulk = _loader(rt), _loader(rt)
    DataLoader.prime(one_by_one, 2, "kept")
    bulk.prime(2, "kept")
    for key, value in pairs:
        DataLoader.prime(one_by_one, key, value)
    bulk.prime_many(pairs)
    for loader in (one_by_one, bulk):
        assert await loader.load(1) == "a"
        assert await loader.load(2) == "kept"
        with pytest.raises(ValueError, match="no"):
            await loader.load(3)
    assert bulk.answer(1, str.upper) == "A"
    assert bulk.answer(2, lambda v: v) == "kept"


async def test_a_registry_keeps_primes_for_a_loader_no_field_has_made_yet() -> None:
    """A page primes its rows' relations whether or not a field reads them: the registry makes no loader for that,
    and a loader made later takes the primes, the first value of a key winning as in prime_many."""
    rt = Runtime.build(schema_settings())
    loaders = LoaderRegistry(rt, None)
    loaders.prime_many("product_by_id", [(1, "a"), (2, None)])
    loaders.prime_many("product_by_id", [(1, "b")])
    assert "product_by_id" not in vars(loaders)  # not made
    assert loaders.product_by_id.answer(1, str.upper) == "A"
    assert loaders.product_by_id.answer(2, lambda v: v) is None
    loaders.prime_many("product_by_id", [(3, "c")])  # made now: primed directly
    assert loaders.product_by_id.answer(3, str.upper) == "C"
    with pytest.raises(AttributeError, match="no loader 'product_by_idd'"):
        loaders.prime_many("product_by_idd", [(1, "a")])
    uncached = LoaderRegistry(rt, None, cache=False)  # a websocket's: no primes, as its loaders take none
    uncached.prime_many("product_by_id", [(1, "a")])
    later = uncached.product_by_id.answer(1, str.upper)
    assert not isinstance(later, str)
    later.close()  # never awaited: no batch runs


async def test_answer_is_immediate_for_a_held_key_and_an_awaitable_that_batches_otherwise() -> None:
    rt = Runtime.build(schema_settings())
    loader = _loader(rt)
    batches = _counting(loader)
    loader.prime_many([(1, "primed")])
    assert loader.answer(1, str.upper) == "PRIMED"
    later = loader.answer(2, str.upper)
    assert not isinstance(later, str)
    assert await later == "LOADED 2"
    assert loader.answer(2, str.upper) == "LOADED 2"  # loaded now: answered at once
    assert batches == [[2]]


async def test_shared_makes_one_object_per_key_until_cleared() -> None:
    rt = Runtime.build(schema_settings())
    loader = _loader(rt)
    made: list[str] = []

    def make(value: str) -> list[str]:
        made.append(value)
        return [value]

    loader.prime_many([(1, "a"), (2, "b")])
    first = loader.shared(1, make)
    assert first == ["a"] and loader.shared(1, make) is first
    assert loader.shared(2, make) == ["b"] and made == ["a", "b"]
    loader.clear(1)
    loader.prime(1, "again")
    assert loader.shared(1, make) == ["again"] and loader.shared(2, make) == ["b"]
    loader.clear_all()
    loader.prime(2, "fresh")
    assert loader.shared(2, make) == ["fresh"]
    assert made == ["a", "b", "again", "fresh"]


async def test_a_loader_without_cache_is_not_primed_and_keeps_no_objects() -> None:
    rt = Runtime.build(schema_settings())
    loader = ScopedLoader(
        rt,
        None,
        type_name=None,
        statement=lambda: select(R),
        key_column=R.id,
        key_of=lambda r: r.id,
        cache=False,
    )
    batches = _counting(loader)
    loader.prime_many([(1, "primed")])
    assert await loader.answer(1, str) == "loaded 1"
    assert await loader.shared(1, str) == "loaded 1"
    assert await loader.shared(1, str) == "loaded 1"  # read again: no object kept either
    assert batches == [[1], [1], [1]]


async def test_a_primed_key_loads_from_the_cache_and_others_batch() -> None:
    rt = Runtime.build(schema_settings())
    loader = _loader(rt)
    batches = _counting(loader)
    loader.prime_many([(1, "primed")])
    primed = loader.load(1)
    assert primed.done() and primed.result() == "primed"
    assert loader.load(1) is primed
    assert await loader.load(2) == "loaded 2"
    assert batches == [[2]]
    with pytest.raises(TypeError):
        loader.load(None)  # type: ignore[arg-type]
