"""commissionOffers: every offer open to the creator through links it opened, grouped by product, best first."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server import models
from server.ids import encode_id
from server.models.enums import RegistrationStatus
from server.services.unit_of_work import UnitOfWork

from .offers import add_ok, make_offer, more_products, open_link, set_registration_status

OFFERS = """query($search: String, $first: Int = 50) { commissionOffers(first: $first, search: $search) {
  product { id title price { amount } }
  bestRateBps activeRateBps
  offers { listItemId creatorRateBps campaignName campaignEnd agencyName sampleAvailable samplesLeft token inShowcase }
} }"""


async def test_offers_grouped_by_product_best_first(rt, world, as_role, clock) -> None:
    p0, p1 = world.products["seller_a"]
    q0 = world.products["seller_b"][0]
    a = await make_offer(rt, world, [p0, p1], rates=[1200, 900], sample_quota=0, ends_in=timedelta(days=20))
    b = await make_offer(rt, world, [p0, q0], agency="agency_b", rates=[1500, 1300], campaign_name="Glow")
    unopened = await make_offer(rt, world, [p1], agency="agency_b", rates=[3000], campaign_name="Secret")
    creator = await as_role("creator_a")
    await open_link(creator, a.token)
    await open_link(creator, b.token)
    await add_ok(creator, a.token, itemIds=[a.item_gid(p0)])

    data = (await creator(OFFERS))["commissionOffers"]
    end_a = (clock.now() + timedelta(days=20)).isoformat()
    end_b = (clock.now() + timedelta(days=30)).isoformat()

    def offer(o, product, rate, campaign, agency, end, samples, in_showcase):  # noqa: ANN001, ANN202
        return {
            "listItemId": o.item_gid(product),
            "creatorRateBps": rate,
            "campaignName": campaign,
            "campaignEnd": end,
            "agencyName": agency,
            "sampleAvailable": samples > 0,
            "samplesLeft": samples,
            "token": o.token,
            "inShowcase": in_showcase,
        }

    assert [(p["product"]["id"], p["bestRateBps"], p["activeRateBps"], p["offers"]) for p in data] == [
        (
            encode_id("Product", p0),
            1500,
            1200,
            [
                offer(b, p0, 1500, "Glow", "Agency B", end_b, 2, False),
                offer(a, p0, 1200, "Serum week", "Agency A", end_a, 0, True),
            ],
        ),
        (encode_id("Product", q0), 1300, None, [offer(b, q0, 1300, "Glow", "Agency B", end_b, 2, False)]),
        (encode_id("Product", p1), 900, None, [offer(a, p1, 900, "Serum week", "Agency A", end_a, 0, False)]),
    ]
    assert unopened.token not in str(data)

    # Search by product title; `first` limits the products.
    searched = (await creator(OFFERS, {"search": "shop b"}))["commissionOffers"]
    assert [p["product"]["id"] for p in searched] == [encode_id("Product", q0)]
    assert len((await creator(OFFERS, {"first": 1}))["commissionOffers"]) == 1
    body = await creator.raw(OFFERS, {"first": 0})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_PAGINATION"


async def test_closed_revoked_and_other_creators_offers_are_not_open(rt, world, as_role, clock) -> None:
    p0, p1 = world.products["seller_a"]
    a = await make_offer(rt, world, [p0, p1])
    b = await make_offer(rt, world, [p0], agency="agency_b")
    creator = await as_role("creator_a")
    await open_link(creator, a.token)
    await open_link(creator, b.token)
    await open_link(await as_role("creator_b"), b.token)
    await set_registration_status(rt, a.registrations[p1], RegistrationStatus.CLOSED)
    async with UnitOfWork(rt) as uow:
        (await uow.session.get(models.ShareLink, b.link_id)).revoked_at = clock.now()
    data = (await creator(OFFERS))["commissionOffers"]
    assert [(p["product"]["id"], [o["token"] for o in p["offers"]]) for p in data] == [
        (encode_id("Product", p0), [a.token])
    ]
    assert (await (await as_role("creator_b"))(OFFERS))["commissionOffers"] == []


async def test_commission_offers_are_for_creators(world, as_role, anon) -> None:
    for role in ("agency_a", "seller_a", "operator"):
        body = await (await as_role(role)).raw(OFFERS)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert (await anon.raw(OFFERS))["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("n", [1, 10])
async def test_statement_count_does_not_grow(rt, world, as_role, queries, n) -> None:
    products = await more_products(rt, world, n)
    a = await make_offer(rt, world, products)
    b = await make_offer(rt, world, products, agency="agency_b", rates=[1000] * n, campaign_name="Glow")
    creator = await as_role("creator_a")
    await open_link(creator, a.token)
    await open_link(creator, b.token)
    await add_ok(creator, b.token)
    queries.reset()
    data = (await creator(OFFERS))["commissionOffers"]
    assert len(data) == n and all(len(p["offers"]) == 2 and p["activeRateBps"] == 1000 for p in data)
    # session, offers, active entries, products, SKU summaries
    assert queries.count == 5, queries.statements
