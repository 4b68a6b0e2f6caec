"""Query cost: computed from the document before execution, refused over the role's limit, reported always."""

from __future__ import annotations

import asyncio

import graphql
import pytest

from server.limits.cost import operation_cost
from server.schema import costs
from server.settings import DEFAULT_QUERY_COST_LIMIT
from tests.limits.conftest import HEAVY, client, post, socket
from tests.plugins.api import login_token
from tests.schema import built_schema


@pytest.fixture(scope="module")
def schema() -> graphql.GraphQLSchema:
    return built_schema()._schema


def cost(schema: graphql.GraphQLSchema, query: str, variables: dict | None = None, name: str | None = None):  # noqa: ANN201
    document = graphql.parse(query)
    assert graphql.validate(schema, document) == []
    return operation_cost(schema, document, name, variables)


def test_connections_multiply_their_nodes_by_first(schema) -> None:
    # products: 1 + 100 × (edge 1 + node 1 + shop 1 + products …)
    assert (
        cost(schema, "{ products(first: 10) { totalCount edges { node { id title } } } }").total == 1 + 10 * 2
    )
    assert cost(schema, "{ products { edges { node { id } } } }").total == 1 + 20 * 2  # the default first
    heavy = cost(schema, HEAVY)
    assert heavy.total == 1 + 100 * (3 + 1 + 100 * (3 + 1 + 100 * 2))
    assert heavy.path == "products.edges.node.shop.products.edges.node.shop.products.edges.node"


def test_variables_fragments_and_aliases_count(schema) -> None:
    inline = cost(schema, "{ products(first: 5) { edges { node { shop { name } skus { id } } } } }").total
    assert inline == 1 + 5 * (1 + 1 + 1 + costs.LIST_BOUNDS["Product.skus"] * 1)
    with_fragments = cost(
        schema,
        """
        query Q($n: Int!) { products(first: $n) { ...Page } }
        fragment Page on ProductConnection { edges { node { ...on Product { shop { name } } ...Skus } } }
        fragment Skus on Product { skus { id } }""",
        {"n": 5},
    )
    assert with_fragments.total == inline
    assert (
        cost(schema, "query Q($n: Int! = 5) { products(first: $n) { edges { node { id } } } }").total
        == 1 + 5 * 2
    )
    aliased = cost(
        schema,
        HEAVY.replace("{ products", "{ a: products", 1)[:-2]
        + " b: products(first: 100) { edges { node { id } } } }",
    )
    assert aliased.total == cost(schema, HEAVY).total + 1 + 100 * 2
    three = "{ " + " ".join(f"h{i}: " + HEAVY[2:-2] for i in range(3)) + " }"
    assert cost(schema, three).total == 3 * cost(schema, HEAVY).total


def test_weights_mutations_and_introspection(schema) -> None:
    assert cost(schema, "{ platformOverview { shops } }").total == costs.WEIGHTS["Query.platformOverview"]
    assert cost(schema, "mutation { logout { ok } }").total == costs.MUTATION_WEIGHT
    assert cost(schema, "{ __schema { types { name } } }").total == costs.INTROSPECTION_WEIGHT
    assert cost(schema, "{ __typename }").total == 0
    # A named operation in a document of several is priced alone.
    two = "query A { viewer { role } } query B { products(first: 100) { edges { node { id } } } }"
    assert cost(schema, two, name="A").total == 1 and cost(schema, two, name="B").total == 201


async def test_the_heavy_query_is_refused_before_any_sql(rt, app, http, world, queries) -> None:
    token = await login_token(http, world["seller_a"].email)
    queries.reset()
    trivial = (await post(http, token, "{ __typename }")).json()
    authentication = list(queries.statements)  # reading the session: all a refused query may cost
    assert trivial == {"data": {"__typename": "Query"}, "extensions": trivial["extensions"]}
    for query in (HEAVY, "{ " + " ".join(f"h{i}: " + HEAVY[2:-2] for i in range(3)) + " }"):
        queries.reset()
        response = await post(http, token, query)
        body = response.json()
        assert response.status_code == 200 and body["data"] is None
        [error] = body["errors"]
        limit = DEFAULT_QUERY_COST_LIMIT["seller"]
        assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
        assert error["extensions"]["limit"] == limit and error["extensions"]["cost"] > 2_000_000
        assert error["extensions"]["path"].startswith(
            "h0.edges.node.shop.products" if "h0" in query else "products.edges"
        )
        assert f"over the limit of {limit}" in error["message"]
        assert body["extensions"]["cost"]["requestedQueryCost"] == error["extensions"]["cost"]
        assert queries.statements == authentication
        assert not any("product" in s.lower() for s in queries.statements)


async def test_a_trivial_query_sent_with_the_heavy_one_is_answered(app, http, world) -> None:
    token = await login_token(http, world["seller_a"].email)
    heavy, trivial = await asyncio.gather(post(http, token, HEAVY), post(http, token, "{ viewer { role } }"))
    assert heavy.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert trivial.json()["data"] == {"viewer": {"role": "SELLER"}}


async def test_every_response_reports_its_cost(rt, app, http, world) -> None:
    token = await login_token(http, world["seller_a"].email)
    body = (await post(http, token, "{ products(first: 3) { edges { node { id } } } }")).json()
    cost_report = body["extensions"]["cost"]
    assert (
        cost_report["requestedQueryCost"] == 1 + 3 * 2
        and cost_report["limit"] == DEFAULT_QUERY_COST_LIMIT["seller"]
    )
    status = cost_report["throttleStatus"]
    capacity = rt.settings.rate_limit_capacity["seller"]
    assert (
        status["maximumAvailable"] == capacity
        and status["restoreRate"] == rt.settings.rate_limit_restore_per_second["seller"]
    )
    assert status["currentlyAvailable"] <= capacity - 7
    anonymous = (await post(http, None, "{ __typename }")).json()["extensions"]["cost"]
    assert anonymous["limit"] == DEFAULT_QUERY_COST_LIMIT["anonymous"]
    async with socket(app, token) as ws:
        await ws.subscribe("1", "{ products(first: 2) { edges { node { id } } } }")
        message = await ws.next_payload()
        assert (
            message["type"] == "next" and message["payload"]["extensions"]["cost"]["requestedQueryCost"] == 5
        )
        assert await ws.next_payload() == {"id": "1", "type": "complete"}
        await ws.subscribe("2", HEAVY)
        message = await ws.next_payload()
        assert message["type"] == "next" and message["payload"]["data"] is None
        assert message["payload"]["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY", message
        assert message["payload"]["extensions"]["cost"]["requestedQueryCost"] > 2_000_000


async def test_the_limit_is_per_role_and_set_in_settings(limited_app, world, http) -> None:
    app = limited_app(query_cost_limit={"seller": 6})
    async with client(app) as http2:
        token = await login_token(http2, world["seller_a"].email)
        ok = (await post(http2, token, "{ products(first: 2) { edges { node { id } } } }")).json()
        assert "errors" not in ok
        refused = (await post(http2, token, "{ products(first: 3) { edges { node { id } } } }")).json()
        assert refused["errors"][0]["extensions"] | {"path": None} == {
            "code": "QUERY_TOO_COSTLY",
            "cost": 7,
            "limit": 6,
            "path": None,
            "pathCost": 7,
        }
        creator = await login_token(http2, world["creator_a"].email)
        assert (
            "errors"
            not in (await post(http2, creator, "{ products(first: 3) { edges { node { id } } } }")).json()
        )
