"""The heart of the creator side: a creator sees its own rate and nothing else of the split, and meets agencies
only by their display name; an agency never gets a creator's address; a seller never gets the creator."""

from __future__ import annotations

import json

from server.authz.decisions import field_access
from server.authz.rules import Access, Audience
from server.ids import encode_id
from tests.plugins.api import answer
from tests.schema import object_types, sdl_schema
from tests.schema.test_reachability import reachable_types

from .offers import (
    SAMPLE_FIELDS,
    SHARE_LINK,
    SHOWCASE,
    add_ok,
    make_offer,
    open_link,
    request_sample,
    review,
    ship,
)

SPLIT_FIELDS = {"totalRateBps", "agencyRateBps"}


def test_a_creator_reaches_no_campaign_agency_registration_or_list() -> None:
    reached = reachable_types(sdl_schema(), Audience.CREATOR)
    forbidden = {"Agency", "Campaign", "Registration", "ProductList", "ProductListItem", "ShareLink", "Shop"}
    assert not forbidden & set(reached), {name: reached[name] for name in forbidden & set(reached)}
    # A type the creator reaches may carry the split for other parties (an order line for the agency): the policy
    # must never let the creator read it.
    split = [
        f"{t}.{f}"
        for t in reached
        for f in object_types(sdl_schema())[t].fields
        if f in SPLIT_FIELDS and field_access(t, f, Audience.CREATOR) is not Access.DENY
    ]
    assert split == []
    # Not vacuous: the creator does reach a type that carries the split for the agency.
    assert "OrderLine" in reached and set(object_types(sdl_schema())["OrderLine"].fields) >= SPLIT_FIELDS


def test_an_agency_never_reaches_an_address_and_a_seller_never_a_creator() -> None:
    assert "ShippingAddress" not in reachable_types(sdl_schema(), Audience.AGENCY)
    seller = reachable_types(sdl_schema(), Audience.SELLER)
    assert {"Creator", "Content", "ShowcaseEntry"}.isdisjoint(seller)
    assert "ShippingAddress" in seller


async def test_no_creator_answer_carries_the_split_or_the_agencys_identity(rt, world, as_role) -> None:
    # Rates no other number in the answers could be: total 2777, creator 1234, agency 1543.
    p0 = world.products["seller_a"][0]
    offer = await make_offer(rt, world, [p0], rates=[1234], total_rate_bps=2777)
    creator, agency, seller = await as_role("creator_a"), await as_role("agency_a"), await as_role("seller_a")
    await open_link(creator, offer.token)
    [entry] = await add_ok(creator, offer.token)
    sample_id = (await request_sample(creator, entry["id"]))["sampleRequest"]["id"]
    await review(agency, sample_id)
    await ship(seller, sample_id, "SHIPPED", carrier="Kerry", trackingNumber="KE1")

    answers = [
        await creator.raw(SHARE_LINK, {"t": offer.token}),
        await creator.raw(SHOWCASE),
        await creator.raw(
            "{ commissionOffers { bestRateBps activeRateBps product { id title } offers { "
            "creatorRateBps campaignName agencyName token } } }"
        ),
        await creator.raw(f"{{ sampleRequests {{ edges {{ node {{ {SAMPLE_FIELDS} }} }} }} }}"),
        await creator.raw(
            "query($id: ID!) { node(id: $id) { ... on ShowcaseEntry { creatorRateBps agencyName } } }",
            {"id": entry["id"]},
        ),
    ]
    text = json.dumps([answer(a) for a in answers])
    assert "1234" in text and "Agency A" in text
    for secret in (
        "2777",
        "1543",
        "hello-a@agency.test",
        "hello@agency.test",
        "https://agency-a.test",
        "shop@shop.test",
    ):
        assert secret not in text, secret
    assert all("errors" not in a for a in answers), answers

    # node(id:) gives a creator none of the agency-side objects behind its offer.
    ids = [
        encode_id("Campaign", offer.campaign_id),
        encode_id("ProductList", offer.list_id),
        encode_id("ShareLink", offer.link_id),
        offer.item_gid(p0),
        encode_id("Registration", offer.registrations[p0]),
        encode_id("Agency", world["agency_a"].organisation_id),
    ]
    for gid in ids:
        assert answer(await creator.raw("query($id: ID!) { node(id: $id) { id } }", {"id": gid})) == {
            "data": {"node": None}
        }
