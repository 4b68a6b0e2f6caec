"""Request guards: authentication and role errors, limits, ids, masking, transport rules."""

from __future__ import annotations

import base64

import pytest

from server.ids import encode_id
from tests.plugins.api import Api


def codes(body: dict) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]


async def test_anonymous_gets_unauthenticated_and_a_role_gets_forbidden(world, anon: Api, as_role) -> None:
    body = await anon.raw("{ notifications { totalCount } }")
    assert codes(body) == ["UNAUTHENTICATED"] and body["data"] is None
    seller = await as_role("seller_a")
    body = await seller.raw("{ platformOverview { shops } }")
    assert codes(body) == ["FORBIDDEN"] and body["data"] == {"platformOverview": None}
    operator = await as_role("operator")
    overview = (await operator("{ platformOverview { agencies shops creators products users } }"))[
        "platformOverview"
    ]
    assert overview == {"agencies": 2, "shops": 2, "creators": 2, "products": 4, "users": 7}


async def test_depth_alias_and_token_limits(rt, world, as_role) -> None:
    api = await as_role("seller_a")
    deep = "{ viewer { shop { products { edges { node { shop { products { edges { node { shop { products { edges { node { title } } } } } } } } } } } } } }"
    assert codes(await api.raw(deep)) == ["QUERY_TOO_COMPLEX"]
    aliases = (
        "{ " + " ".join(f"a{i}: viewer {{ role }}" for i in range(rt.settings.graphql_max_aliases + 1)) + " }"
    )
    body = await api.raw(aliases)
    assert codes(body) == ["QUERY_TOO_COMPLEX"] and "aliases" in body["errors"][0]["message"]
    tokens = "{ viewer { " + "role " * rt.settings.graphql_max_tokens + "} }"
    assert codes(await api.raw(tokens)) == ["QUERY_TOO_COMPLEX"]


async def test_malformed_and_wrong_type_ids(world, as_role) -> None:
    api = await as_role("seller_a")
    for bad in (
        "nope",
        base64.b64encode(b"Product:abc").decode(),
        base64.b64encode(b"Product:-1").decode(),
        "x" * 200,
    ):
        body = await api.raw("query($id: ID!) { node(id: $id) { id } }", {"id": bad})
        assert codes(body) == ["INVALID_ID"] and body["data"] == {"node": None}
    # A well-formed id of an unknown type, or of a type the role may not reach, is simply null.
    for good in (encode_id("Spaceship", 1), encode_id("Creator", world["creator_a"].organisation_id)):
        assert (await api("query($id: ID!) { node(id: $id) { id } }", {"id": good}))["node"] is None


async def test_own_product_by_node_and_other_shops_product_is_null(world, as_role) -> None:
    api = await as_role("seller_a")
    mine = encode_id("Product", world.products["seller_a"][0])
    theirs = encode_id("Product", world.products["seller_b"][0])
    query = (
        "query($id: ID!) { node(id: $id) { ... on Product { title price { amount currency } skuCount } } }"
    )
    assert (await api(query, {"id": mine}))["node"] == {
        "title": "Shop A Serum 0",
        "price": {"amount": "299.00", "currency": "THB"},
        "skuCount": 1,
    }
    assert (await api(query, {"id": theirs}))["node"] is None


async def test_syntax_and_validation_errors_have_codes(world, as_role) -> None:
    api = await as_role("seller_a")
    assert codes(await api.raw("{ viewer { ")) == ["GRAPHQL_PARSE_FAILED"]
    assert codes(await api.raw("{ viewer { nope } }")) == ["GRAPHQL_VALIDATION_FAILED"]


async def test_unexpected_errors_are_masked(world, as_role, monkeypatch: pytest.MonkeyPatch) -> None:
    from server.resolvers.query import platform

    async def boom(rt):  # noqa: ANN001, ANN202
        raise RuntimeError("secret connection string postgres://u:p@db")

    monkeypatch.setattr(platform, "platform_counts", boom)
    body = await (await as_role("operator")).raw("{ platformOverview { shops } }")
    assert body["errors"][0]["message"] == "Internal server error"
    assert body["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert len(body["errors"][0]["extensions"]["errorId"]) == 12
    assert "postgres" not in str(body)


async def test_get_queries_and_non_json_posts_are_refused(http, world) -> None:
    assert (await http.get("/graphql", params={"query": "{ viewer { role } }"})).status_code in (400, 405)
    refused = await http.post(
        "/graphql", content="query={viewer{role}}", headers={"content-type": "text/plain"}
    )
    assert refused.status_code in (400, 415)


async def test_first_is_bounded(world, as_role) -> None:
    api = await as_role("seller_a")
    for first in (0, 101):
        body = await api.raw(f"{{ products(first: {first}) {{ totalCount }} }}")
        assert codes(body) == ["INVALID_PAGINATION"]
        assert "between 1 and 100" in body["errors"][0]["message"]


async def test_products_paginate_with_cursors_and_search(world, as_role) -> None:
    api = await as_role("seller_a")
    page1 = (
        await api(
            "{ products(first: 1) { totalCount edges { cursor node { title } } pageInfo { hasNextPage endCursor } } }"
        )
    )["products"]
    assert page1["totalCount"] == 2 and page1["pageInfo"]["hasNextPage"] is True
    after = page1["pageInfo"]["endCursor"]
    page2 = (
        await api(
            "query($a: String) { products(first: 1, after: $a) { edges { node { title } } pageInfo { hasNextPage } } }",
            {"a": after},
        )
    )["products"]
    titles = {page1["edges"][0]["node"]["title"], page2["edges"][0]["node"]["title"]}
    assert titles == {"Shop A Serum 0", "Shop A Serum 1"} and page2["pageInfo"]["hasNextPage"] is False
    found = (await api('{ products(search: "serum 1") { totalCount edges { node { title } } } }'))["products"]
    assert found["totalCount"] == 1 and found["edges"][0]["node"]["title"] == "Shop A Serum 1"
    assert (await api('{ products(search: "100%_") { totalCount } }'))["products"]["totalCount"] == 0


@pytest.mark.parametrize(("env", "served"), [("dev", True), ("test", False), ("prod", False)])
async def test_graphiql_only_in_dev(rt, env: str, served: bool) -> None:
    import httpx

    from server.app import create_app
    from tests.conftest import TEST_SECRET

    settings = rt.settings.model_copy(
        update={"env": env, "secret_key": rt.settings.secret_key if env != "dev" else TEST_SECRET}
    )
    app = create_app(settings, runtime=rt)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        response = await client.get("/graphql", headers={"accept": "text/html"})
    assert ("graphiql" in response.text.lower()) is served
