"""Prepared operations (server/schema/prepared.py, and their HTTP answer in server/schema/view.py) answer exactly
what Strawberry's extension pipeline and HTTP view answer.

Each case is sent to two apps on the same runtime: one whose schema runs every operation through the pipeline (its
prepared operations switched off), and one that prepares. The preparing app gets the request twice: the first goes
through the pipeline and is remembered, the second runs prepared (checked). Both answers must equal the
pipeline's: status, Retry-After, media type, data, errors and extensions (less what differs between any two
requests: error and request ids, and the rate budget left, which the second request spent once more; every other
header is compared)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import orjson
import pytest
from starlette.applications import Starlette

from server.app import create_app
from server.schema.prepared import PreparedOperations
from tests.limits.conftest import HEAVY, client, tuned
from tests.plugins.api import login_token

PAGE = "query Page($n: Int!) { products(first: $n) { totalCount edges { cursor node { id title } } } }"
TWO = "query A { viewer { role } } query B { products(first: 2) { totalCount } }"
CHEAP = "{ viewer { role } }"


@pytest.fixture
def pair(rt: Any) -> Callable[..., tuple[Starlette, Starlette]]:
    """(the pipeline's app, the preparing app) with these settings."""

    def make(**overrides: Any) -> tuple[Starlette, Starlette]:
        runtime = tuned(rt, **overrides) if overrides else rt
        pipeline = create_app(runtime.settings, runtime=runtime)
        pipeline.state.schema.prepared = None
        return pipeline, create_app(runtime.settings, runtime=runtime)

    return make


def _comparable(response: Any) -> dict[str, Any]:
    body = response.json()
    for error in body.get("errors") or ():
        extensions = error.get("extensions") or {}
        extensions.pop("errorId", None)
        extensions.pop("requestId", None)
    cost = (body.get("extensions") or {}).get("cost")
    if cost is not None:
        cost.pop("throttleStatus", None)
    headers = {name: value for name, value in response.headers.items() if name not in _DIFFER_PER_REQUEST}
    return {
        "status": response.status_code,
        "retry-after": response.headers.get("retry-after"),
        "media": response.headers.get("content-type"),
        "headers": headers,
        "body": body,
    }


_DIFFER_PER_REQUEST = {"x-request-id", "content-length"}  # ids, and a body's length with its numbers


async def _same_answers(
    pair_of_apps: tuple[Starlette, Starlette],
    email: str | None,
    payload: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    headers: dict[str, str] | None = None,
    prime: int = 0,
    token: str | None = None,
) -> dict[str, Any]:
    """Sends `payload` to both apps (twice to the preparing one, after `prime` requests to each that are not
    compared) and returns the pipeline's comparable answer. Each app's client has an address of its own (a budget
    of its own per address). With `token`, the requests carry it instead of a login's on each app."""
    pipeline, preparing = pair_of_apps
    prepared: PreparedOperations = preparing.state.schema.prepared
    runs: list[str] = []
    execute = prepared.execute

    async def counted(*args: Any, **kwargs: Any) -> Any:
        runs.append(kwargs["query"])
        return await execute(*args, **kwargs)

    monkeypatch.setattr(prepared, "execute", counted)
    schema = preparing.state.schema
    through_view: list[str] = []
    schema_execute = schema.execute

    async def counted_view(query: str, *args: Any, **kwargs: Any) -> Any:
        through_view.append(query)
        return await schema_execute(query, *args, **kwargs)

    monkeypatch.setattr(schema, "execute", counted_view)
    answers = []
    for app, times, address in ((pipeline, 1, "192.0.2.1"), (preparing, 2, "192.0.2.2")):
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            bearer = token if token is not None or email is None else await login_token(http, email)
            auth = {} if bearer is None else {"Authorization": f"Bearer {bearer}"}
            for n in range(prime + times):
                response = await http.post("/graphql", json=payload, headers={**auth, **(headers or {})})
                if n >= prime:
                    answers.append(_comparable(response))
    reference, first, second = answers
    assert first == reference, (first, reference)
    assert second == reference, (second, reference)
    # the preparing app's first request of the document went through the pipeline, every later one prepared
    assert runs == [payload["query"]] * (1 + prime)
    # and answered without Strawberry's HTTP view, which executes through the schema (the first request only)
    assert through_view.count(payload["query"]) == 1
    return reference


async def test_a_page_with_variables(pair, world, monkeypatch) -> None:
    answer = await _same_answers(
        pair(), world["seller_a"].email, {"query": PAGE, "variables": {"n": 3}}, monkeypatch
    )
    assert answer["status"] == 200 and answer["body"]["data"]["products"]["edges"]
    assert (
        answer["body"]["extensions"]["cost"]["requestedQueryCost"] == 1 + 3 * 2
    )  # edges and nodes; a cursor and scalars are free


async def test_the_operation_named_in_a_document_of_two(pair, world, monkeypatch) -> None:
    for name, field in (("A", "viewer"), ("B", "products")):
        answer = await _same_answers(
            pair(), world["seller_a"].email, {"query": TWO, "operationName": name}, monkeypatch
        )
        assert list(answer["body"]["data"]) == [field]


async def test_anonymous_and_graphql_response_media(pair, monkeypatch) -> None:
    answer = await _same_answers(
        pair(),
        None,
        {"query": "{ __typename }"},
        monkeypatch,
        headers={"accept": "application/graphql-response+json"},
    )
    assert answer["body"]["data"] == {"__typename": "Query"}
    assert answer["media"].startswith("application/graphql-response+json")


async def test_variables_of_the_wrong_type(pair, world, monkeypatch) -> None:
    answer = await _same_answers(
        pair(), world["seller_a"].email, {"query": PAGE, "variables": {"n": "three"}}, monkeypatch
    )
    assert answer["body"]["data"] is None and answer["body"]["errors"][0]["extensions"]["code"]


async def test_an_input_list_over_its_cap(pair, world, monkeypatch) -> None:
    query = "query($s: [BillStatus!]) { bills(status: $s) { totalCount } }"
    answer = await _same_answers(
        pair(graphql_max_list_length=2),
        world["creator_a"].email,
        {"query": query, "variables": {"s": ["PAID"] * 3}},
        monkeypatch,
    )
    assert answer["body"]["errors"][0]["extensions"]["reason"] == "TOO_MANY_ITEMS"


async def test_a_query_over_its_cost(pair, world, monkeypatch) -> None:
    answer = await _same_answers(pair(), world["seller_a"].email, {"query": HEAVY}, monkeypatch)
    assert answer["body"]["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


async def test_a_rate_limited_query(pair, monkeypatch) -> None:
    # a budget of 1 and a query costing 11: the first request (a full budget) passes and spends it, then every
    # one is refused
    query = "{ products(first: 5) { edges { node { id } } } }"
    refused = await _same_answers(
        pair(rate_limit_capacity={"anonymous": 1}), None, {"query": query}, monkeypatch, prime=1
    )
    assert refused["status"] == 429 and refused["retry-after"]
    assert refused["body"]["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


async def test_an_unexpected_error_is_masked(pair, world, monkeypatch) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret detail")

    monkeypatch.setattr("server.resolvers.query.products.products_connection", broken)
    answer = await _same_answers(
        pair(), world["seller_a"].email, {"query": PAGE, "variables": {"n": 1}}, monkeypatch
    )
    [error] = answer["body"]["errors"]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR" and "secret" not in error["message"]


async def test_a_request_over_its_time_limit(pair, world, monkeypatch) -> None:
    never = asyncio.Event()

    async def stalled(*args: Any, **kwargs: Any) -> Any:
        await never.wait()

    monkeypatch.setattr("server.resolvers.query.products.products_connection", stalled)
    # Logged in under the default time limit: on a loaded machine a login's commit alone took over 0.2 s.
    async with client(pair()[0]) as http:
        token = await login_token(http, world["seller_a"].email)
    answer = await _same_answers(
        pair(request_timeout_seconds=0.2),
        world["seller_a"].email,
        {"query": PAGE, "variables": {"n": 1}},
        monkeypatch,
        token=token,
    )
    assert answer["status"] == 504
    assert answer["body"]["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"


async def test_a_mutation_refused_by_its_service(pair, world, monkeypatch) -> None:
    mutation = "mutation($i: NotificationsMarkReadInput!) { notificationsMarkRead(input: $i) { unreadCount userErrors { code field } } }"
    answer = await _same_answers(
        pair(), world["creator_a"].email, {"query": mutation, "variables": {"i": {"ids": []}}}, monkeypatch
    )
    assert answer["status"] == 200 and answer["body"]["data"]["notificationsMarkRead"]


async def test_only_documents_that_validated_are_prepared(pair, world) -> None:
    _, preparing = pair()
    prepared: PreparedOperations = preparing.state.schema.prepared
    async with client(preparing) as http:
        token = await login_token(http, world["seller_a"].email)
        auth = {"Authorization": f"Bearer {token}"}
        before = len(prepared)
        for query in ("{ viewer { nope } }", "{ viewer { role ", "subscription { notificationAdded { id } }"):
            await http.post("/graphql", json={"query": query}, headers=auth)
        await http.post("/graphql", json={"query": TWO, "operationName": "C"}, headers=auth)
        assert len(prepared) == before
        await http.post("/graphql", json={"query": CHEAP}, headers=auth)
        assert len(prepared) == before + 1


async def test_requests_of_a_prepared_document_it_does_not_answer_are_answered_as_by_the_view(
    pair, world
) -> None:
    """A batch, fields of the wrong type, a body that is not JSON or not sent as JSON: the same answers as an app
    without prepared operations, for a document that is prepared."""
    apps = pair()
    cases: list[tuple[bytes, str]] = [
        (orjson.dumps([{"query": CHEAP}]), "application/json"),
        (orjson.dumps({"query": CHEAP, "variables": "x"}), "application/json"),
        (orjson.dumps({"query": CHEAP, "operationName": 5}), "application/json"),
        (orjson.dumps({"query": CHEAP, "extensions": []}), "application/json"),
        (b'{"query": "{ viewer { role } }"', "application/json"),
        (orjson.dumps({"query": CHEAP}), "text/plain"),
        (orjson.dumps({"query": CHEAP}), "application/json; charset=utf-8"),
    ]
    answers: list[list[dict[str, Any]]] = []
    for app, address in zip(apps, ("192.0.2.1", "192.0.2.2"), strict=True):
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            token = await login_token(http, world["seller_a"].email)
            auth = {"Authorization": f"Bearer {token}"}
            assert (await http.post("/graphql", json={"query": CHEAP}, headers=auth)).status_code == 200
            answers.append(
                [
                    _comparable(
                        await http.post(
                            "/graphql", content=body, headers={**auth, "content-type": content_type}
                        )
                    )
                    for body, content_type in cases
                ]
            )
    assert len(apps[1].state.schema.prepared) >= 1
    assert answers[0] == answers[1]
    assert [answer["status"] for answer in answers[0]][-1] == 200  # a charset parameter is still JSON
