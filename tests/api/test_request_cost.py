"""What one request costs: one pooled connection for all its reads (not one per loader batch), a statement count
that does not grow with the page, a validation cache that hits across requests, a dead pooled connection retried
once (no pre-ping), and on SQLite the write lock taken only by sessions that write."""

from __future__ import annotations

import gc
from pathlib import Path

import orjson
import pytest
from sqlalchemy import event, literal, select, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from server.loaders.request_session import RequestSession, read_columns
from server.schema.validation_cache import validation_cache_of
from tests.api.registrations.helpers import (
    make_campaign,
    make_products,
    register_one,
    registrations_in_a_new_campaign,
)
from tests.plugins.api import World
from tests.web_documents import document_text

ROOT = Path(__file__).resolve().parents[2]
PAGE = document_text(
    ROOT / "web/src/graphql/agency/CampaignRegistrations.graphql"
)  # the web app's own document


async def _kill_pooled_connections(rt) -> None:  # noqa: ANN001
    killer = create_async_engine(rt.settings.database_url, poolclass=NullPool)
    async with killer.connect() as conn:  # every pooled connection of this database is killed (a restart)
        killed = await conn.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    await killer.dispose()
    assert killed >= 1


class Checkouts:
    def __init__(self, rt) -> None:  # noqa: ANN001
        self.count = 0
        self.begins: list[str] = []
        self.connections: set[int] = set()  # the database connections statements ran on (ids of the driver's)
        self._engine = rt.engine.sync_engine

    def _checkout(self, *_: object) -> None:
        self.count += 1

    def _statement(self, conn, cursor, statement, *_: object) -> None:  # noqa: ANN001
        self.connections.add(id(conn.connection.driver_connection))
        if statement.lstrip().upper().startswith("BEGIN"):
            self.begins.append(statement.strip().upper())

    def __enter__(self) -> Checkouts:
        event.listen(self._engine, "checkout", self._checkout)
        event.listen(self._engine, "before_cursor_execute", self._statement)
        return self

    def __exit__(self, *_: object) -> None:
        event.remove(self._engine, "checkout", self._checkout)
        event.remove(self._engine, "before_cursor_execute", self._statement)


@pytest.mark.parametrize("n", [0, 1, 10])
async def test_the_registrations_page_reads_through_one_connection(
    rt, world: World, as_role, queries, n: int
) -> None:
    await registrations_in_a_new_campaign(rt, world, as_role, n)
    agency = await as_role("agency_a")
    await agency(PAGE, {"first": 1})  # on PostgreSQL, its read connection is parked for the next request
    queries.reset()
    with Checkouts(rt) as checkouts:
        data = await agency(PAGE, {"first": 20})
    assert data["registrations"]["totalCount"] == n
    # one connection for the session lookup, the page and every loader batch (was one checkout per batch: up to
    # 8); on PostgreSQL the one the last request parked (server/parked_connections.py), none from the pool
    assert checkouts.count == (1 if rt.settings.is_sqlite else 0) and len(checkouts.connections) == 1
    # session lookup, then the page with its count: the page's own select joins each row's campaign, bookmark,
    # product, shop and SKU summary (was one loader batch each: 8 statements)
    assert queries.count == 2, queries.statements
    # reads never take SQLite's write lock
    assert not [b for b in checkouts.begins if "IMMEDIATE" in b]


async def test_a_mutation_takes_the_write_lock_on_sqlite_and_reads_do_not(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    [product] = await make_products(rt, world, "seller_a", 1)
    with Checkouts(rt) as checkouts:
        await register_one(seller, campaign, product)
    expected = (
        ["BEGIN IMMEDIATE"] if rt.settings.is_sqlite else []
    )  # PostgreSQL: row locks, no BEGIN via cursor
    assert [b for b in checkouts.begins if "IMMEDIATE" in b] == expected


async def test_the_validation_cache_hits_across_requests(app, world: World, as_role) -> None:
    agency = await as_role("agency_a")
    cache = validation_cache_of(app.state.schema)
    # The process's one schema may have cached the document in an earlier test: from here it is cached.
    await agency(PAGE, {"first": 5})
    entries = dict(cache._entries)
    for first in (6, 7):  # the same document, other variables: no new entry, nor the entry validated again
        await agency(PAGE, {"first": first})
    assert cache._entries.keys() == entries.keys()
    assert all(cache._entries[key] is result for key, result in entries.items())


@pytest.mark.parametrize(
    "database_url", ["postgres"], indirect=True
)  # SQLite has no server to lose connections to
async def test_a_dead_pooled_connection_is_replaced_and_the_read_retried(rt, world: World, as_role) -> None:
    agency = await as_role("agency_a")
    assert (await agency(PAGE, {"first": 5}))["registrations"][
        "totalCount"
    ] == 0  # the pool now holds connections
    await _kill_pooled_connections(rt)
    assert (await agency(PAGE, {"first": 5}))["registrations"]["totalCount"] == 0


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)  # autocommit reads: PostgreSQL only
async def test_a_page_read_on_the_connection_itself_is_retried_on_a_fresh_one(rt) -> None:  # noqa: ANN001
    """A page's plain-column select runs on the request's connection without an ORM session; when that connection
    is the first use of a dead pooled one, it is replaced and the select run again, once."""
    warm = RequestSession(rt.engine, autocommit=True)
    assert await read_columns(warm, select(literal(1)), {}) == [(1,)]
    await warm.close()  # the connection goes back to the pool
    await _kill_pooled_connections(rt)
    reads = RequestSession(rt.engine, autocommit=True)
    try:
        assert [tuple(row) for row in await read_columns(reads, select(literal(2)), {})] == [(2,)]
        assert reads.checkouts == 2  # the dead one, then a fresh one
    finally:
        await reads.close()


async def test_a_page_sends_its_limit_in_the_statement(rt, world: World, as_role, queries) -> None:
    """The page size is written into the page statement (PostgreSQL plans a statement whose limit it knows once,
    and keeps that plan; a limit sent as a parameter had it plan the page anew on every run)."""
    await registrations_in_a_new_campaign(rt, world, as_role, 3)
    agency = await as_role("agency_a")
    for first, shown in ((2, 2), (5, 3)):
        queries.reset()
        page = (await agency(PAGE, {"first": first}))["registrations"]
        assert len(page["edges"]) == shown
        [statement] = [s for s in queries.statements if "FROM registrations" in s and "LIMIT" in s]
        assert f"LIMIT {first + 1}" in statement, statement


async def test_the_page_joins_a_campaign_or_product_only_for_a_filter_that_reads_it(
    rt, world: World, as_role, queries
) -> None:
    """A registration always has its campaign and product (foreign keys), so joining them filters nothing: the
    page and its count join them only when a filter reads them (status: the campaign's end; category: the
    product). Joined for nothing, they cost PostgreSQL a hash of every product of the campaign for the count."""
    await registrations_in_a_new_campaign(rt, world, as_role, 3)
    agency = await as_role("agency_a")
    for variables, campaigns, products in (
        ({"first": 2}, False, False),
        ({"first": 2, "filter": {"status": ["PENDING"]}}, True, False),
        ({"first": 2, "filter": {"category": "Beauty"}}, False, True),
    ):
        queries.reset()
        await agency(PAGE, variables)
        [statement] = [s for s in queries.statements if "FROM registrations" in s and "LIMIT" in s]
        outer = statement.split(" WHERE ")[0]  # the page's own FROM, before the first condition
        assert ("JOIN campaigns ON" in statement) is campaigns, (variables, statement)
        assert ("JOIN products ON" in statement) is products, (variables, statement)
        assert "shown_products" in outer  # what the rows show is still joined


async def test_a_request_leaves_no_reference_cycle_behind(rt, world: World, as_role) -> None:
    """Everything a request made is freed by reference counting as it ends, none of it waits for the garbage
    collector. A cycle through graphql-core's execution context kept each request (its context, loaders and their
    primed rows) alive until a collection, and under load those collections took a tenth of the server's CPU."""
    await registrations_in_a_new_campaign(rt, world, as_role, 3)
    agency = await as_role("agency_a")
    for document, variables in ((PAGE, {"first": 3}), ("{ __typename }", {})):
        await agency(document, variables)  # plans and caches are made once, by a first request
        gc.collect()
        gc.disable()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            await agency(document, variables)
            gc.collect()
            left = {
                f"{type(o).__module__}.{type(o).__qualname__}"
                for o in gc.garbage
                if type(o).__module__.startswith(("server.", "graphql.", "strawberry."))
            }
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            gc.enable()
        assert left == set(), (document[:40], sorted(left))


async def test_total_count_stops_at_the_cap(rt, world: World, as_role, monkeypatch) -> None:
    await registrations_in_a_new_campaign(rt, world, as_role, 3)
    agency = await as_role("agency_a")
    assert (await agency(PAGE, {"first": 2}))["registrations"]["totalCount"] == 3
    monkeypatch.setattr(rt.settings, "total_count_cap", 2)
    page = (await agency(PAGE, {"first": 1}))["registrations"]
    assert page["totalCount"] == 2 and page["pageInfo"]["hasNextPage"] is True


async def test_responses_are_compact_utf8_json(rt, world: World, as_role) -> None:
    await make_campaign(rt, world, name="Crème brûlée week")
    agency = await as_role("agency_a")
    response = await agency.http.post(
        "/graphql",
        json={"query": "{ campaigns(first: 5) { edges { node { name } } } }"},
        headers={"authorization": f"Bearer {agency.token}"},
    )
    assert "Crème brûlée week".encode() in response.content  # UTF-8, not \\u escapes: the orjson encoder
    assert response.content == orjson.dumps(response.json())  # compact


async def test_the_session_lookup_builds_no_statement_per_request(
    rt, world: World, as_role, monkeypatch
) -> None:
    """The session lookup is built once at import: a request only binds the token's hash and the time."""
    import server.auth.authenticate as authenticate

    agency = await as_role("agency_a")

    def no_select(*_: object, **__: object) -> None:
        raise AssertionError("the session lookup built a statement during a request")

    monkeypatch.setattr(authenticate, "select", no_select)
    assert (await agency("{ viewer { role } }"))["viewer"]["role"] == "AGENCY"
    # an unknown token of the right shape is looked up and is anonymous
    anonymous = await authenticate.principal_for_token(
        rt, agency.token[:-4] + ("zzzz" if not agency.token.endswith("zzzz") else "yyyy")
    )
    assert anonymous is None


class LoaderFields:
    """Records, for every registration/product field resolved from a loader (ScopedLoader.answer, which `shared`
    goes through too), whether the value was already held (the page prefetched it) or had to be awaited."""

    def __init__(self, monkeypatch) -> None:  # noqa: ANN001
        from server.loaders.base import ScopedLoader

        self.loaded: list[bool] = []
        answer = ScopedLoader.answer

        def spy(loader, key, fn):  # noqa: ANN001, ANN202
            held = key in loader._primed or (key in loader._cache and loader._cache[key].done())
            self.loaded.append(held)
            return answer(loader, key, fn)

        monkeypatch.setattr(ScopedLoader, "answer", spy)


FRAGMENTS = """query Page($first: Int) { registrations(first: $first) { totalCount edges { node { ...Row } } } }
fragment Row on Registration { id ... on Registration { status bookmarked } product { ...P } shop { name } }
fragment P on Product { title price { amount } stock }"""


@pytest.mark.parametrize("document", [PAGE, FRAGMENTS], ids=["page", "fragments"])
async def test_the_page_reads_its_rows_relations_so_their_fields_ask_no_loader(
    rt, world: World, as_role, queries, monkeypatch, document: str
) -> None:
    await registrations_in_a_new_campaign(rt, world, as_role, 10)
    agency = await as_role("agency_a")
    fields = LoaderFields(monkeypatch)
    queries.reset()
    data = await agency(document, {"first": 20})
    nodes = [edge["node"] for edge in data["registrations"]["edges"]]
    assert len(nodes) == 10 and all(n["product"]["price"] and n["shop"]["name"] for n in nodes)
    assert sum(n["bookmarked"] is False for n in nodes) == 10
    # status, bookmarked, product, price, stock and shop read what the page read with each row: no loader asked
    assert fields.loaded == [], fields.loaded
    assert queries.count == 2, (
        queries.statements
    )  # lookup, the page with its count and its rows' relations joined


async def test_the_prefetch_loads_nothing_the_policy_hides(rt, world: World, as_role, queries) -> None:
    await registrations_in_a_new_campaign(rt, world, as_role, 4)
    seller = await as_role("seller_a")
    queries.reset()
    data = await seller(PAGE, {"first": 20})
    assert [edge["node"]["bookmarked"] for edge in data["registrations"]["edges"]] == [
        None
    ] * 4  # agencies only
    # session lookup, page with its count (campaigns, products, shops, SKU summaries joined): no bookmarks for a seller
    assert queries.count == 2, queries.statements
    assert not [s for s in queries.statements if "bookmarks" in s.lower()]


async def test_a_page_that_selects_no_relations_reads_none(rt, world: World, as_role, queries) -> None:
    await registrations_in_a_new_campaign(rt, world, as_role, 3)
    agency = await as_role("agency_a")
    queries.reset()
    data = await agency("{ registrations(first: 5) { edges { node { id totalRateBps } } } }")
    assert len(data["registrations"]["edges"]) == 3
    assert [s.split()[:2] for s in queries.statements] == [
        ["SELECT", "user_sessions.id,"],
        ["SELECT", "registrations.id,"],
    ], queries.statements  # lookup, the page with its count


@pytest.mark.parametrize("hidden", ["Campaign", "Product", "Shop"])
async def test_each_joined_relation_keeps_its_own_row_scope(
    rt, world: World, as_role, queries, monkeypatch, hidden: str
) -> None:
    """A row's campaign, product or shop that its own scope hides joins as nothing (the loader primed with None),
    though the registration itself is visible: the page shows null there, as the loader would."""
    from sqlalchemy import false

    from server.authz.policy import ROW_SCOPES
    from server.authz.rules import Audience
    from server.lru import LRU
    from server.resolvers.query import registration_rows, registrations

    await registrations_in_a_new_campaign(rt, world, as_role, 2)
    agency = await as_role("agency_a")
    monkeypatch.setattr(registration_rows, "_JOINS", LRU(16))  # joins built under the patched scope
    monkeypatch.setattr(registrations, "_PAGES", LRU(16))  # and the page statements with them
    monkeypatch.setitem(ROW_SCOPES, hidden, {**ROW_SCOPES[hidden], Audience.AGENCY: lambda p: false()})
    queries.reset()
    document = "{ registrations(first: 5) { edges { node { status campaign { name } product { title stock } shop { name } } } } }"
    nodes = [edge["node"] for edge in (await agency(document))["registrations"]["edges"]]
    assert len(nodes) == 2
    field = hidden.lower()
    assert [n[field] for n in nodes] == [None, None]
    assert all(n[other] is not None for n in nodes for other in {"campaign", "product", "shop"} - {field})
    assert queries.count == 2, queries.statements  # nothing loaded again for the hidden relation


async def test_the_page_primes_the_loaders_for_the_rows_other_fields(
    rt, world: World, as_role, queries, monkeypatch
) -> None:
    """A field the page does not answer itself (the campaign, the product's shop) still finds the page's rows in its
    loader: no statement and no await of its own."""
    await registrations_in_a_new_campaign(rt, world, as_role, 10)
    agency = await as_role("agency_a")
    fields = LoaderFields(monkeypatch)
    queries.reset()
    data = await agency(
        "query($first: Int) { registrations(first: $first) { edges { node { status campaign { name } "
        "shop { name } product { title shop { name } } } } } }",
        {"first": 20},
    )
    nodes = [edge["node"] for edge in data["registrations"]["edges"]]
    assert len(nodes) == 10 and all(n["campaign"]["name"] and n["product"]["shop"]["name"] for n in nodes)
    assert all(n["product"]["shop"]["name"] == n["shop"]["name"] for n in nodes)
    # the campaign and the products' shops, through their loaders (once per campaign or shop): already loaded
    assert fields.loaded and all(fields.loaded), fields.loaded
    assert queries.count == 2, queries.statements  # lookup, the page with its rows' relations joined
