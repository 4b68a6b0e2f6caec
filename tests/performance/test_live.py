"""campaignNumbersChanged: a thin event when a campaign's figures change, at most one a second per subscriber,
re-read per event through the viewer's scope; a seller hears its own products only."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from sqlalchemy import select

from server import models
from server.events import channels
from server.ids import encode_id
from server.runtime import Runtime
from server.services import auth
from server.services.performance.live import NUMBERS_INTERVAL, coalesced
from server.services.unit_of_work import UnitOfWork
from tests.orders.world import Integration, build_orders_world, created, event, line
from tests.performance.world import PerfWorld
from tests.plugins.api import PASSWORD, Api, World, login_token
from tests.plugins.brokers import BROKERS, runtime_on
from tests.plugins.ws import PROTOCOL, GraphQLWS

SUBSCRIBE = "subscription($c: ID!) { campaignNumbersChanged(campaignId: $c) { at campaign { name } } }"


@pytest.fixture(params=BROKERS)
async def rt(request: pytest.FixtureRequest, database_url: str, clock) -> AsyncIterator[Runtime]:  # noqa: ANN001
    async with runtime_on(request.param, database_url, clock) as runtime:
        yield runtime


@asynccontextmanager
async def socket(app, http: httpx.AsyncClient, email: str) -> AsyncIterator[GraphQLWS]:  # noqa: ANN001
    token = await login_token(http, email)
    async with httpx.AsyncClient(
        transport=ASGIWebSocketTransport(app), base_url="http://testserver"
    ) as client:
        async with aconnect_ws("http://testserver/graphql", client, subprotocols=[PROTOCOL]) as ws:
            graphql_ws = GraphQLWS(ws.send_text, ws.receive_text)
            assert (await graphql_ws.init({"token": token}))["type"] == "connection_ack"
            yield graphql_ws


async def subscribed(rt: Runtime, ws: GraphQLWS, campaign_id: int, channel: str) -> None:
    await ws.subscribe("n", SUBSCRIBE, {"c": encode_id("Campaign", campaign_id)})
    for _ in range(200):  # the subscription is live once the server listens on the channel
        if rt.broker.local_subscribers(getattr(rt.broker, "prefix", "") + channel):
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"nobody listens on {channel}")


async def change(ws: GraphQLWS, timeout: float = 5.0) -> dict:
    message = await ws.next_payload(timeout)
    assert message["type"] == "next", message
    return message["payload"]["data"]["campaignNumbersChanged"]


# --- coalescing ------------------------------------------------------------------------------------------------


class FakeMonotonic:
    """The coalescer's clock, moved by the test: whether an event goes at once or waits depends on it alone."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def until(condition: Callable[[], bool], what: str) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"never happened: {what}")


def coalescer(
    interval: float, clock: FakeMonotonic
) -> tuple[asyncio.Queue[int | None], list[list[int]], asyncio.Task]:
    queue: asyncio.Queue[int | None] = asyncio.Queue()
    batches: list[list[int]] = []

    async def events() -> AsyncIterator[int]:
        while (item := await queue.get()) is not None:
            yield item

    async def consume() -> None:
        async for batch in coalesced(events(), interval, monotonic=clock):
            batches.append(batch)

    return queue, batches, asyncio.create_task(consume())


async def test_the_first_event_goes_at_once_the_rest_once_per_interval() -> None:
    clock = FakeMonotonic()
    queue, batches, task = coalescer(0.2, clock)
    await queue.put(1)
    await until(lambda: batches == [[1]], "the first event goes at once (leading edge)")
    for n in range(2, 6):  # within the interval by the coalescer's clock: gathered, none goes alone
        await queue.put(n)
    await until(lambda: len(batches) == 2, "the gathered events go once the interval ends")
    assert batches == [[1], [2, 3, 4, 5]]
    await queue.put(None)
    await task
    assert batches == [[1], [2, 3, 4, 5]]  # nothing left over, nothing sent twice


async def test_a_late_event_goes_at_once_and_the_end_flushes() -> None:
    clock = FakeMonotonic()
    queue, got, task = coalescer(0.05, clock)
    await queue.put(1)
    await until(lambda: got == [[1]], "the first event goes at once")
    clock.now += 0.06  # the interval has passed: the next event goes at once
    await queue.put(2)
    await until(lambda: got == [[1], [2]], "a late event goes at once")
    await queue.put(3)
    await queue.put(None)  # ends within the interval: the gathered event still goes out
    await task
    assert got == [[1], [2], [3]]


# --- over the API --------------------------------------------------------------------------------------------------


async def test_the_agency_hears_at_most_one_change_a_second(
    rt, app, http, world: World, pw: PerfWorld
) -> None:  # noqa: ANN001
    async with socket(app, http, world["agency_a"].email) as ws:
        await subscribed(rt, ws, pw.campaign, channels.campaign_numbers(pw.campaign))
        burst = time.monotonic()
        for _ in range(5):
            await rt.broker.publish(channels.campaign_numbers(pw.campaign), {"campaignId": pw.campaign})
        assert await change(ws) == {"at": "2026-11-21T09:00:00+00:00", "campaign": {"name": "Perf week"}}
        assert await change(ws, timeout=3) == {
            "at": "2026-11-21T09:00:00+00:00",
            "campaign": {"name": "Perf week"},
        }
        assert time.monotonic() - burst >= NUMBERS_INTERVAL * 0.9
        assert await ws.nothing_within(0.3)
        # A registration's status change counts too (products approved, pending...).
        await asyncio.sleep(NUMBERS_INTERVAL)
        await rt.broker.publish(
            channels.registrations_of_campaign(pw.campaign), {"id": 1, "campaignId": pw.campaign}
        )
        assert (await change(ws))["campaign"] == {"name": "Perf week"}


async def test_a_seller_hears_its_own_lines_of_the_campaign_only(
    rt, app, http, world: World, pw: PerfWorld
) -> None:  # noqa: ANN001
    async with rt.sessionmaker() as session:
        lines = {
            campaign: line_id
            for line_id, campaign in (
                await session.execute(
                    select(models.OrderLine.id, models.OrderLine.campaign_id).where(
                        models.OrderLine.registration_id.in_([pw.registrations["r1"], pw.registrations["r5"]])
                    )
                )
            ).all()
        }
    shop_a = world["seller_a"].organisation_id
    async with socket(app, http, world["seller_a"].email) as ws:
        await subscribed(rt, ws, pw.campaign, channels.order_lines_of_shop(shop_a))
        # Seller A's line of the other campaign: not this campaign's numbers.
        await rt.broker.publish(
            channels.order_lines_of_shop(shop_a), {"orderLineId": lines[pw.other_campaign]}
        )
        # Another seller's sale in the campaign never reaches seller A, not even as timing.
        await rt.broker.publish(channels.campaign_numbers(pw.campaign), {"campaignId": pw.campaign})
        assert await ws.nothing_within(0.3)
        await rt.broker.publish(channels.order_lines_of_shop(shop_a), {"orderLineId": lines[pw.campaign]})
        assert (await change(ws))["campaign"] == {"name": "Perf week"}


async def test_a_campaign_the_viewer_cannot_see_completes_at_once(
    rt, app, http, world: World, pw: PerfWorld
) -> None:  # noqa: ANN001
    async with socket(app, http, world["agency_b"].email) as ws:
        await ws.subscribe("n", SUBSCRIBE, {"c": encode_id("Campaign", pw.campaign)})
        assert (await ws.next_payload())["type"] == "complete"


async def test_an_ingested_order_changes_the_numbers_live(rt, app, http, clock) -> None:  # noqa: ANN001
    """The whole path: the signed order endpoint posts the ledger and publishes; the agency hears it and reads the
    numbers the ledger holds."""
    ow = await build_orders_world(rt)
    async with UnitOfWork(rt) as uow:
        await auth.create_user(
            uow,
            organisation_id=ow.agency_id,
            email="perf-orders@agency.test",
            password=PASSWORD,
            full_name="Perf",
        )
    us = Integration(http, ow.us.api_key, ow.us.signing_secret, clock)
    product = ow.us.registered[0]
    async with socket(app, http, "perf-orders@agency.test") as ws:
        await subscribed(rt, ws, ow.us.campaign_id, channels.campaign_numbers(ow.us.campaign_id))
        response = await us.send(
            created(
                "perf-1",
                clock.now(),
                [
                    line(
                        "1",
                        product,
                        quantity=2,
                        price="20.00",
                        currency=ow.us.currency,
                        attribution={"showcase_entry_id": product.entry_gid("alice")},
                    )
                ],
            )
        )
        assert response.status_code == 200, response.text
        await change(ws)  # placed: no commission yet, but the campaign's lines changed
        await asyncio.sleep(NUMBERS_INTERVAL)
        assert (await us.send(event("paid", "perf-1", clock.now()))).status_code == 200
        await change(ws)
    api = Api(http, await login_token(http, "perf-orders@agency.test"))
    data = await api(
        """query($c: ID!) { campaignPerformance(campaignId: $c) { creatorsWithSales numbers { paidOrders
        gmvEstimated { amount currency } sellerPaidEstimated { amount } creatorCommissionEstimated { amount }
        agencyCommissionEstimated { amount } agencyCommissionActual { amount } } } }""",
        {"c": encode_id("Campaign", ow.us.campaign_id)},
    )
    # 40.00 USD at total 2000 / creator 1500 (docs/domain.md): seller 8.00, creator 6.00, agency 2.00.
    assert data["campaignPerformance"] == {
        "creatorsWithSales": 1,
        "numbers": {
            "paidOrders": 1,
            "gmvEstimated": {"amount": "40.00", "currency": "USD"},
            "sellerPaidEstimated": {"amount": "8.00"},
            "creatorCommissionEstimated": {"amount": "6.00"},
            "agencyCommissionEstimated": {"amount": "2.00"},
            "agencyCommissionActual": {"amount": "0.00"},
        },
    }


async def test_sample_changes_count_as_the_viewer_sees_them(
    rt, app, http, world: World, pw: PerfWorld
) -> None:  # noqa: ANN001
    """The agency hears every sample of its campaign; the seller only samples it may see (approved on, to ship)."""
    requested = {"type": "SampleStatusChanged", "id": pw.samples["b/r1"], "status": "REQUESTED"}
    delivered = {"type": "SampleStatusChanged", "id": pw.samples["a/r1"], "status": "DELIVERED"}
    agency, shop = world["agency_a"].organisation_id, world["seller_a"].organisation_id
    async with socket(app, http, world["seller_a"].email) as seller:
        await subscribed(rt, seller, pw.campaign, channels.samples_of_org(shop))
        await rt.broker.publish(channels.samples_of_org(shop), requested)
        assert await seller.nothing_within(0.3)
        await rt.broker.publish(channels.samples_of_org(shop), delivered)
        assert (await change(seller))["campaign"] == {"name": "Perf week"}
    async with socket(app, http, world["agency_a"].email) as ws:
        await subscribed(rt, ws, pw.campaign, channels.samples_of_org(agency))
        await rt.broker.publish(channels.samples_of_org(agency), requested)
        assert (await change(ws))["campaign"] == {"name": "Perf week"}
