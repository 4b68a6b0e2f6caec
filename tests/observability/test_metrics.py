"""/metrics after known traffic: the counts moved by exactly that traffic; the endpoint wants its bearer token."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from server.services.sweeper import JOBS, sweep
from tests.observability.conftest import METRICS_TOKEN
from tests.orders.world import created, event, line

AUTH = {"Authorization": f"Bearer {METRICS_TOKEN}"}


async def scrape(http) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:  # noqa: ANN001
    response = await http.get("/metrics", headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def delta(after, before, name: str, **labels: str) -> float:  # noqa: ANN001
    key = (name, tuple(sorted(labels.items())))
    return after.get(key, 0.0) - before.get(key, 0.0)


async def test_metrics_need_the_bearer_token(http) -> None:  # noqa: ANN001
    assert (await http.get("/metrics")).status_code == 401
    assert (await http.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 401


async def test_metrics_are_off_without_a_token(rt) -> None:  # noqa: ANN001
    import httpx

    from server.app import create_app

    app = create_app(rt.settings, runtime=rt)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        assert (await client.get("/metrics", headers=AUTH)).status_code != 200


async def test_counts_follow_known_traffic(http, rt) -> None:  # noqa: ANN001
    before = await scrape(http)
    for _ in range(3):
        body = (await http.post("/graphql", json={"query": "query Probe { __typename }"})).json()
        assert body["data"] == {"__typename": "Query"}
    broken = (await http.post("/graphql", json={"query": "query Broken { nope }"})).json()
    assert broken["errors"]
    await sweep(rt)
    after = await scrape(http)
    assert (
        delta(
            after, before, "matchup_graphql_operations_total", operation="Probe", type="query", outcome="ok"
        )
        == 3
    )
    assert (
        delta(
            after, before, "matchup_graphql_operation_duration_seconds_count", operation="Probe", type="query"
        )
        == 3
    )
    assert delta(after, before, "matchup_graphql_query_cost_count", operation="Probe") == 3
    assert (
        delta(
            after,
            before,
            "matchup_graphql_operations_total",
            operation="Broken",
            type="query",
            outcome="error",
        )
        == 1
    )
    # The scrape before this one counts too: 4 GraphQL POSTs, each answered 200 (errors travel in the body).
    assert (
        delta(after, before, "matchup_http_requests_total", method="POST", route="/graphql", status="200")
        == 4
    )
    assert (
        delta(after, before, "matchup_http_requests_total", method="GET", route="/metrics", status="200") == 1
    )
    assert (
        delta(after, before, "matchup_http_request_duration_seconds_count", method="POST", route="/graphql")
        == 4
    )
    for job, _ in JOBS:
        assert delta(after, before, "matchup_sweeper_job_runs_total", job=job, result="ok") == 1


async def test_order_events_and_broker_counts(http, ow, us, clock) -> None:  # noqa: ANN001
    before = await scrape(http)
    product = ow.us.registered[0]
    attribution = {"showcase_entry_id": product.entry_gid("alice")}
    assert (
        await us.send(
            created(
                "o-1",
                clock.now(),
                [line("1", product, price="40.00", currency=ow.us.currency, attribution=attribution)],
            )
        )
    ).status_code == 200
    assert (await us.send(event("paid", "o-1", clock.now()))).status_code == 200
    assert (await us.send(event("paid", "o-1", clock.now()))).status_code != 200  # ALREADY_PAID
    after = await scrape(http)
    assert delta(after, before, "matchup_order_events_total", outcome="applied") == 2
    assert delta(after, before, "matchup_order_events_total", outcome="refused") == 1
    # Each applied event published the line to the shop, the creator and the agency, and the campaign's numbers.
    assert delta(after, before, "matchup_broker_published_total", channel="shop:order-lines") == 2
    assert delta(after, before, "matchup_broker_published_total", channel="org:commissions") == 4
    assert delta(after, before, "matchup_broker_published_total", channel="campaign:numbers") == 2
    assert (
        delta(
            after,
            before,
            "matchup_http_requests_total",
            method="POST",
            route="/integrations/orders",
            status="200",
        )
        == 2
    )
