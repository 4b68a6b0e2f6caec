"""Inputs: body size limit, input list caps, NUL and invalid Unicode in any string input, malformed / deeply nested /
non-UTF-8 JSON bodies. Each is refused with a clear error and changes nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from server import models
from server.ids import encode_id
from tests.http import GRAPHQL_RESPONSE, LOGIN, client_for, codes, post_graphql
from tests.orders.conftest import stored
from tests.orders.world import created, line
from tests.plugins.api import PASSWORD, answer

NESTED = b'{"query": "{ viewer { role } }", "variables": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def input_error(body: dict, field: str, argument: list, reason: str) -> dict:
    assert set(codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}, body
    assert body.get("data") is None
    error = body["errors"][0]
    assert (error["extensions"]["field"], error["extensions"]["argument"], error["extensions"]["reason"]) == (
        field,
        argument,
        reason,
    ), error
    return error


async def sessions(rt) -> int:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(models.UserSession))


@pytest.mark.parametrize("bad", ["a\x00b@test.local", "a\ud800@test.local"])
async def test_nul_and_lone_surrogates_in_login_email_are_validation_errors(
    rt, world, http, bad: str
) -> None:
    before = await sessions(rt)
    response = await post_graphql(
        http, {"query": LOGIN, "variables": {"i": {"email": bad, "password": PASSWORD}}}
    )
    assert response.status_code == 200
    error = input_error(
        response.json(),
        "Mutation.login",
        ["input", "email"],
        "NUL_CHARACTER" if "\x00" in bad else "INVALID_UNICODE",
    )
    assert 'Argument "input.email" of field "Mutation.login"' in error["message"]
    # Inline in the document too, and with graphql-response+json it is a 400 without data.
    literal = 'mutation { login(input: {email: "x\\u0000y", password: "p"}) { token } }'
    response = await http.post("/graphql", json={"query": literal}, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400 and "data" not in response.json()
    input_error(response.json(), "Mutation.login", ["input", "email"], "NUL_CHARACTER")
    assert await sessions(rt) == before


async def test_nul_in_search_arguments_and_names(rt, world, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    body = await seller.raw("query($s: String) { products(search: $s) { totalCount } }", {"s": "serum\x00"})
    input_error(body, "Query.products", ["search"], "NUL_CHARACTER")
    body = await agency.raw('{ campaigns(filter: {search: "a\\u0000"}) { totalCount } }')
    input_error(body, "Query.campaigns", ["filter", "search"], "NUL_CHARACTER")
    query = "query($s: String) { productLists(search: $s) { totalCount } }"
    response = await post_graphql(
        agency.http, {"query": query, "variables": {"s": "\udc80"}}, authorization=f"Bearer {agency.token}"
    )
    input_error(response.json(), "Query.productLists", ["search"], "INVALID_UNICODE")
    create = "mutation($i: ProductListCreateInput!) { productListCreate(input: $i) { userErrors { code } } }"
    variables = {"i": {"campaignId": encode_id("Campaign", 1), "name": "Summer\x00 list"}}
    input_error(
        await agency.raw(create, variables), "Mutation.productListCreate", ["input", "name"], "NUL_CHARACTER"
    )
    # Through a fragment, too.
    fragment = "query($s: String) { ...F } fragment F on Query { products(search: $s) { totalCount } }"
    input_error(await seller.raw(fragment, {"s": "\x00"}), "Query.products", ["search"], "NUL_CHARACTER")
    # Clean strings, including non-ASCII ones, pass.
    assert (await seller("query($s: String) { products(search: $s) { totalCount } }", {"s": "เซรั่ม 😀"}))[
        "products"
    ]["totalCount"] == 0


async def test_input_lists_are_capped(rt, world, as_role) -> None:
    creator = await as_role("creator_a")
    cap = rt.settings.graphql_max_list_length
    statuses = ", ".join(["PAID"] * (cap + 1))
    error = input_error(
        await creator.raw(f"{{ bills(status: [{statuses}]) {{ totalCount }} }}"),
        "Query.bills",
        ["status"],
        "TOO_MANY_ITEMS",
    )
    assert error["extensions"]["limit"] == cap
    assert (
        error["message"]
        == f'Argument "status" of field "Query.bills" has {cap + 1} items; at most {cap} are allowed.'
    )
    assert (await creator(f"{{ bills(status: [{', '.join(['PAID'] * cap)}]) {{ totalCount }} }}"))["bills"][
        "totalCount"
    ] == 0
    agency = await as_role("agency_a")
    items_set = (
        "mutation($i: ProductListItemsSetInput!) { productListItemsSet(input: $i) { userErrors { code } } }"
    )
    ids = [encode_id("Registration", n + 1) for n in range(cap + 1)]
    body = await agency.raw(
        items_set, {"i": {"listId": encode_id("ProductList", 1), "set": [], "remove": ids}}
    )
    input_error(body, "Mutation.productListItemsSet", ["input", "remove"], "TOO_MANY_ITEMS")


async def test_a_smaller_general_cap_leaves_fields_with_their_own_cap_to_them(rt, world) -> None:
    async with client_for(rt, graphql_max_list_length=2) as client:
        token = (
            await client.post(
                "/graphql",
                json={
                    "query": LOGIN,
                    "variables": {"i": {"email": world["agency_a"].email, "password": PASSWORD}},
                },
            )
        ).json()["data"]["login"]["token"]
        review = "mutation($i: RegistrationReviewInput!) { registrationReview(input: $i) { userErrors { code field } } }"
        ids = [encode_id("Registration", n + 1) for n in range(3)]
        body = (
            await client.post(
                "/graphql",
                json={"query": review, "variables": {"i": {"ids": ids, "decision": "APPROVE"}}},
                headers={"authorization": f"Bearer {token}"},
            )
        ).json()
        assert "errors" not in body, body  # the service's own 1..100 rule applies, not the general cap of 2
        bills = (
            await client.post(
                "/graphql",
                json={"query": "{ bills(status: [PAID, PAID, PAID]) { totalCount } }"},
                headers={"authorization": f"Bearer {token}"},
            )
        ).json()
        input_error(bills, "Query.bills", ["status"], "TOO_MANY_ITEMS")


async def test_body_size_limit(rt, world) -> None:
    async with client_for(rt, max_body_bytes=4096) as client:
        big = json.dumps({"query": "{ viewer { role } }", "variables": {"pad": "x" * 5000}})
        for accept, media in (("application/json", "application/json"), (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE)):
            response = await client.post(
                "/graphql", content=big, headers={"content-type": "application/json", "accept": accept}
            )
            assert response.status_code == 413 and response.headers["content-type"].startswith(media)
            assert response.json() == {
                "errors": [
                    {
                        "message": "The request body is larger than 4096 bytes",
                        "extensions": {"code": "BODY_TOO_LARGE", "limit": 4096},
                    }
                ]
            }

        async def chunks():  # no Content-Length: the limit counts what arrives
            for _ in range(5):
                yield b" " * 1000

        response = await client.post(
            "/graphql", content=chunks(), headers={"content-type": "application/json"}
        )
        assert response.status_code == 413 and codes(response.json()) == ["BODY_TOO_LARGE"]
        small = await client.post("/graphql", json={"query": "{ viewer { role } }"})
        assert small.status_code == 200 and answer(small.json()) == {"data": {"viewer": None}}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"query": "{ viewer', "MALFORMED_JSON"),
        (NESTED, "JSON_TOO_DEEP"),
        ('{"query": "{ viewer { role } }"}'.encode("utf-16"), "INVALID_ENCODING"),
        (b'{"query": "\xff"}', "INVALID_ENCODING"),
        (b'{"query": "{ viewer { role } }", "variables": {"a": NaN}}', "MALFORMED_JSON"),
        (b'\xef\xbb\xbf{"query": "{ viewer { role } }"}', "MALFORMED_JSON"),  # a byte order mark
    ],
)
async def test_bad_json_bodies_answer_400_with_a_json_error(rt, body: bytes, code: str) -> None:
    async with client_for(rt, max_body_bytes=1024 * 1024) as client:
        for accept in ("application/json", GRAPHQL_RESPONSE, "*/*"):
            response = await client.post(
                "/graphql", content=body, headers={"content-type": "application/json", "accept": accept}
            )
            assert response.status_code == 400, response.text
            assert response.headers["content-type"].startswith(
                GRAPHQL_RESPONSE if accept == GRAPHQL_RESPONSE else "application/json"
            )
            assert codes(response.json()) == [code]


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        (b'{"id": "e1", ', "MALFORMED_JSON", None),
        (b"[" * 100_000 + b"]" * 100_000, "MALFORMED_JSON", None),
        (b'{"id": "\xff"}', "MALFORMED_JSON", None),
    ],
)
async def test_bad_json_at_the_order_endpoint(rt, ow, us, body: bytes, code: str, field) -> None:  # noqa: ANN001
    response = await us.send(body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == code and response.json()["error"]["field"] == field
    assert await stored(rt) == {"orders": 0, "order_lines": 0, "order_events": 0, "ledger_entries": 0}


@pytest.mark.parametrize("sku", ["SKU\x00-1", "SKU\ud800"])
async def test_nul_in_sku_at_the_order_endpoint(rt, ow, us, clock, sku: str) -> None:
    product = ow.us.registered[0]
    order_line = {**line("1", product, price="40.00", currency=ow.us.currency), "sku": sku}
    response = await us.send(created("o-nul", clock.now(), [order_line]))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("INVALID_EVENT", ["lines", "0", "sku"])
    assert "NUL" in error["message"] or "surrogate" in error["message"]
    assert await stored(rt) == {"orders": 0, "order_lines": 0, "order_events": 0, "ledger_entries": 0}


def test_input_guard_bench_runs() -> None:
    """bench/input_guard.py must keep working (not timed here)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "bench/input_guard.py", "--rounds", "1"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "guard cold / validate" in run.stdout
