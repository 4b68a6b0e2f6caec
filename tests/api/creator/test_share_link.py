"""shareLink(token): the creator's view of an offer (its own rate only), the lower-rate notice, the visit record,
and one indistinguishable null for every link that is not valid."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import update

from server import models
from server.ids import encode_id
from server.models.enums import RegistrationStatus
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import Api, answer, login_token

from .offers import SHARE_LINK, add_ok, make_offer, more_products, open_link, rows, set_registration_status


async def test_creator_sees_only_its_rate_price_stock_samples_and_end(rt, world, as_role, clock) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1], rates=[1500, 1200], total_rate_bps=2500, sample_quota=3)
    creator = await as_role("creator_a")
    body = await creator.raw(SHARE_LINK, {"t": offer.token})
    assert "errors" not in body
    end = (clock.now() + timedelta(days=30)).isoformat()
    assert body["data"]["shareLink"] == {
        "token": offer.token,
        "agencyName": "Agency A",
        "campaignName": "Serum week",
        "campaignEnd": end,
        "market": "TH",
        "currency": "THB",
        "items": [
            {
                "id": offer.item_gid(p0),
                "product": {"id": encode_id("Product", p0), "title": "Shop A Serum 0"},
                "creatorRateBps": 1500,
                "price": {"amount": "299.00", "currency": "THB"},
                "stock": 10,
                "sampleAvailable": True,
                "samplesLeft": 3,
                "campaignEnd": end,
                "inShowcase": False,
                "lowerRateNotice": None,
            },
            {
                "id": offer.item_gid(p1),
                "product": {"id": encode_id("Product", p1), "title": "Shop A Serum 1"},
                "creatorRateBps": 1200,
                "price": {"amount": "299.01", "currency": "THB"},
                "stock": 10,
                "sampleAvailable": True,
                "samplesLeft": 3,
                "campaignEnd": end,
                "inShowcase": False,
                "lowerRateNotice": None,
            },
        ],
    }
    text = json.dumps(answer(body))
    # Neither the seller's total (2500) nor the agency's share (1000, 1300) nor the agency's contact.
    for secret in ("2500", "1000", "1300", "hello-a@agency.test", "agency-a.test"):
        assert secret not in text


@pytest.mark.parametrize("role", ["agency_a", "seller_a", "operator"])
async def test_only_creators_open_links(rt, world, as_role, anon, role) -> None:
    offer = await make_offer(rt, world, world.products["seller_a"][:1])
    body = await (await as_role(role)).raw(SHARE_LINK, {"t": offer.token})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    body = await anon.raw(SHARE_LINK, {"t": offer.token})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    assert await rows(rt, models.LinkOpen) == []


async def test_opening_is_recorded_once(rt, world, as_role, clock) -> None:
    offer = await make_offer(rt, world, world.products["seller_a"][:1])
    creator = await as_role("creator_a")
    first_open = clock.now()
    assert await open_link(creator, offer.token) is not None
    clock.advance(timedelta(hours=3))
    assert await open_link(creator, offer.token) is not None
    opens = await rows(rt, models.LinkOpen)
    assert [(o.share_link_id, o.creator_id, o.first_opened_at) for o in opens] == [
        (offer.link_id, world["creator_a"].organisation_id, first_open)
    ]


async def test_unknown_revoked_and_closed_links_are_the_same_null(rt, world, as_role, clock) -> None:
    creator = await as_role("creator_a")
    revoked = await make_offer(rt, world, world.products["seller_a"][:1])
    closed = await make_offer(rt, world, world.products["seller_a"][1:], ends_in=timedelta(days=1))
    async with UnitOfWork(rt) as uow:
        link = await uow.session.get(models.ShareLink, revoked.link_id)
        link.revoked_at = clock.now()
    clock.advance(timedelta(days=2))
    answers = [
        await creator.raw(SHARE_LINK, {"t": token})
        for token in (revoked.token, closed.token, "no-such-token-at-all-0000", "x", "y" * 500)
    ]
    assert [answer(a) for a in answers] == [{"data": {"shareLink": None}}] * 5
    assert await rows(rt, models.LinkOpen) == []


async def test_products_no_longer_approved_are_not_offered(rt, world, as_role) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1])
    await set_registration_status(rt, offer.registrations[p1], RegistrationStatus.CLOSED)
    shared = await open_link(await as_role("creator_a"), offer.token)
    assert [item["product"]["id"] for item in shared["items"]] == [encode_id("Product", p0)]


async def test_lower_rate_notice_names_the_other_offer(rt, world, as_role) -> None:
    p0, p1 = world.products["seller_a"]
    first = await make_offer(rt, world, [p0], rates=[1500])
    second = await make_offer(
        rt, world, [p0, p1], agency="agency_b", rates=[1200, 1800], campaign_name="Glow"
    )
    creator = await as_role("creator_a")
    await open_link(creator, first.token)
    await add_ok(creator, first.token)

    items = {i["product"]["id"]: i for i in (await open_link(creator, second.token))["items"]}
    assert items[encode_id("Product", p0)]["lowerRateNotice"] == {
        "currentRateBps": 1500,
        "offeredRateBps": 1200,
        "currentSource": "Serum week · Agency A",
        "currentIsHigher": True,
        "currentPendingRateBps": None,
        "currentPendingEffectiveAt": None,
    }
    assert items[encode_id("Product", p0)]["inShowcase"] is False
    assert items[encode_id("Product", p1)]["lowerRateNotice"] is None
    # Through its own offer the product is simply in the showcase.
    own = (await open_link(creator, first.token))["items"][0]
    assert (own["inShowcase"], own["lowerRateNotice"]) == (True, None)
    # Another creator has nothing in its showcase: no notice.
    other = await open_link(await as_role("creator_b"), second.token)
    assert [i["lowerRateNotice"] for i in other["items"]] == [None, None]


async def test_notice_follows_a_pending_decrease_through_its_30_days(rt, world, as_role, http, clock) -> None:
    p0 = world.products["seller_a"][0]
    first = await make_offer(rt, world, [p0], rates=[1500], ends_in=timedelta(days=90))
    second = await make_offer(
        rt, world, [p0], agency="agency_b", rates=[1200], campaign_name="Glow", ends_in=timedelta(days=90)
    )
    creator = await as_role("creator_a")
    await open_link(creator, first.token)
    await add_ok(creator, first.token)
    effective = clock.now() + timedelta(days=30)
    async with UnitOfWork(rt) as uow:  # the agency cut the first offer to 10 % (see showcase_rates)
        await uow.session.execute(
            update(models.ShowcaseEntry)
            .where(models.ShowcaseEntry.product_id == p0)
            .values(pending_rate_bps=1000, pending_rate_effective_at=effective)
        )

    notice = (await open_link(creator, second.token))["items"][0]["lowerRateNotice"]
    assert notice == {
        "currentRateBps": 1500,
        "offeredRateBps": 1200,
        "currentSource": "Serum week · Agency A",
        "currentIsHigher": True,
        "currentPendingRateBps": 1000,
        "currentPendingEffectiveAt": effective.isoformat(),
    }
    clock.advance(timedelta(days=30) - timedelta(seconds=1))
    creator = Api(http, await login_token(http, world["creator_a"].email))
    assert (await open_link(creator, second.token))["items"][0]["lowerRateNotice"]["currentRateBps"] == 1500
    clock.advance(timedelta(seconds=1))  # the lock is over: the decrease is in force, sweeper or not
    creator = Api(http, await login_token(http, world["creator_a"].email))  # sessions last 14 days
    notice = (await open_link(creator, second.token))["items"][0]["lowerRateNotice"]
    assert notice == {
        "currentRateBps": 1000,
        "offeredRateBps": 1200,
        "currentSource": "Serum week · Agency A",
        "currentIsHigher": False,
        "currentPendingRateBps": None,
        "currentPendingEffectiveAt": None,
    }


@pytest.mark.parametrize("n", [1, 10])
async def test_statement_count_does_not_grow_with_items(rt, world, as_role, queries, n) -> None:
    products = await more_products(rt, world, n)
    offer = await make_offer(rt, world, products)
    other = await make_offer(rt, world, products, agency="agency_b", rates=[1000] * n, campaign_name="Glow")
    creator = await as_role("creator_a")
    await open_link(creator, other.token)
    await add_ok(creator, other.token)  # every product gets a lower-rate notice
    queries.reset()
    shared = await open_link(creator, offer.token)
    assert len(shared["items"]) == n and all(i["lowerRateNotice"] for i in shared["items"])
    # session, link, visit, items, active entries, products, SKU summaries
    assert queries.count == 7, queries.statements
