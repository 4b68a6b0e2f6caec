"""Thin live events after commit: the shop's order-line channel (no creator), the creator's and the agency's
commissions, the campaign's numbers — and nothing for a refused event."""

from __future__ import annotations

import asyncio

from server.events import channels
from tests.orders.world import created, event, line


async def drain(subscription, wait: float = 0.05) -> list[dict]:  # noqa: ANN001
    events = []
    while True:
        try:
            events.append(await asyncio.wait_for(subscription.__anext__(), wait))
        except TimeoutError:
            return events


async def test_changes_are_published_to_each_party(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    names = {
        "shop": channels.order_lines_of_shop(ow.us.id),
        "creator": channels.commissions_of_org(ow.creators["alice"]),
        "agency": channels.commissions_of_org(ow.agency_id),
        "campaign": channels.campaign_numbers(ow.us.campaign_id),
        "other creator": channels.commissions_of_org(ow.creators["carol"]),
    }
    async with (
        rt.broker.subscribe(names["shop"]) as shop,
        rt.broker.subscribe(names["creator"]) as creator,
        rt.broker.subscribe(names["agency"]) as agency,
        rt.broker.subscribe(names["campaign"]) as campaign,
        rt.broker.subscribe(names["other creator"]) as other,
    ):
        await us.send(
            created(
                "o-1",
                clock.now(),
                [
                    line(
                        "1",
                        product,
                        price="40.00",
                        currency=ow.us.currency,
                        attribution={"showcase_entry_id": product.entry_gid("alice")},
                    )
                ],
            )
        )
        await us.send(event("paid", "o-1", clock.now()))
        await us.send(event("paid", "o-1", clock.now()))  # refused: ALREADY_PAID, nothing published
        shop_events = await drain(shop)
        assert [e["status"] for e in shop_events] == ["PLACED", "PAID"]
        assert set(shop_events[0]) == {"orderLineId", "orderId", "status"}
        assert await drain(creator) == await drain(agency) == shop_events
        assert await drain(campaign) == [{"campaignId": ow.us.campaign_id}] * 2
        assert await drain(other) == []
