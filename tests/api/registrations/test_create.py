"""registrationCreate: whole-call rules (nothing created), per-item rules (each item on its own), re-registering,
and the unique index as the last guard against a concurrent registration of the same product."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from server.models.enums import Market, SellerType, TargetingMode
from server.services import registrations
from tests.plugins.api import World

from .helpers import (
    audit_actions,
    cid,
    codes_and_fields,
    error,
    item,
    make_campaign,
    make_products,
    notifications_of,
    pid,
    pk_of,
    register,
    register_one,
    review,
    rid,
    state,
)


async def test_registers_products_with_their_terms(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world, requirement_bps=1500)
    first, second = world.products["seller_a"]
    payload = await register(
        seller,
        campaign,
        item(first, 1500, sampleQuota=3, shopAdsRateBps=500),
        item(second, 8000),
        email=" shop-a@shop.test ",
        whatsapp="+66 81 111 2222",
    )
    assert payload["userErrors"] == []
    assert [r["userErrors"] for r in payload["results"]] == [[], []]
    assert [r["productId"] for r in payload["results"]] == [pid(first), pid(second)]
    created = payload["registrations"]
    assert [r["id"] for r in created] == [r["registration"]["id"] for r in payload["results"]]
    assert {
        k: created[0][k]
        for k in (
            "status",
            "totalRateBps",
            "sampleQuota",
            "shopAdsRateBps",
            "contactEmail",
            "contactWhatsapp",
            "rejectReason",
            "decidedAt",
            "closedAt",
            "bookmarked",
        )
    } == {
        "status": "PENDING",
        "totalRateBps": 1500,
        "sampleQuota": 3,
        "shopAdsRateBps": 500,
        "contactEmail": "shop-a@shop.test",
        "contactWhatsapp": "+66 81 111 2222",
        "rejectReason": None,
        "decidedAt": None,
        "closedAt": None,
        "bookmarked": None,  # a seller never sees bookmarks
    }
    assert created[0]["registeredAt"] == rt.clock.now().isoformat()
    assert created[1]["sampleQuota"] == 0 and created[1]["shopAdsRateBps"] is None
    for registration in created:
        assert await audit_actions(rt, pk_of(registration["id"])) == ["registration.create"]
    # The agency hears of it in one notification for the batch; the seller, who did it, gets none.
    agency_notes = await notifications_of(rt, world["agency_a"].organisation_id)
    assert [(n.kind, n.title, n.subject_type) for n in agency_notes] == [
        ("REGISTRATION_CREATED", "2 new registrations", "Campaign")
    ]
    assert await notifications_of(rt, world["seller_a"].organisation_id) == []


async def whole_call_error(rt, seller, campaign: int, items, **kwargs) -> list[dict]:  # noqa: ANN001
    before = await state(rt)
    payload = await register(seller, campaign, *items, **kwargs)
    assert payload["registrations"] == [] and payload["results"] == []
    assert await state(rt) == before
    return codes_and_fields(payload["userErrors"])


async def test_batch_size_is_one_to_a_hundred(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    assert await whole_call_error(rt, seller, campaign, []) == [error("REQUIRED", "input", "items")]
    products = await make_products(rt, world, "seller_a", 101)
    assert await whole_call_error(rt, seller, campaign, [item(p) for p in products]) == [
        error("TOO_MANY", "input", "items")
    ]
    payload = await register(seller, campaign, *(item(p) for p in products[:100]))
    assert len(payload["registrations"]) == 100


@pytest.mark.parametrize(
    ("email", "whatsapp", "expected"),
    [
        ("", None, error("REQUIRED", "input", "contactEmail")),
        ("   ", None, error("REQUIRED", "input", "contactEmail")),
        ("not-an-email", None, error("INVALID_FORMAT", "input", "contactEmail")),
        ("a@b", None, error("INVALID_FORMAT", "input", "contactEmail")),
        ("shop@shop.test", "call me", error("INVALID_FORMAT", "input", "contactWhatsapp")),
        ("shop@shop.test", "+66" + "1" * 40, error("INVALID_FORMAT", "input", "contactWhatsapp")),
    ],
)
async def test_contact_is_checked(rt, world: World, as_role, email, whatsapp, expected) -> None:  # noqa: ANN001
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    items = [item(world.products["seller_a"][0])]
    assert await whole_call_error(rt, seller, campaign, items, email=email, whatsapp=whatsapp) == [expected]


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        # Not visible to the seller at all: another market, unpublished, not targeted, wrong seller type.
        (dict(market=Market.VN), "NOT_FOUND"),
        (dict(published=False), "NOT_FOUND"),
        (dict(targeting=TargetingMode.SELECTED, target_shops=("seller_b",)), "NOT_FOUND"),
        (dict(seller_type=SellerType.CROSS_BORDER), "NOT_FOUND"),
        # Visible, but registration is not open.
        (dict(start=timedelta(days=1)), "REGISTRATION_NOT_OPEN_YET"),
        (dict(start=-timedelta(days=8)), "REGISTRATION_ENDED"),  # registration ended, campaign still running
        (dict(start=-timedelta(days=14)), "CAMPAIGN_CLOSED"),
    ],
)
async def test_campaign_must_take_registrations(rt, world: World, as_role, setup, expected) -> None:  # noqa: ANN001
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world, **setup)
    assert await whole_call_error(rt, seller, campaign, [item(world.products["seller_a"][0])]) == [
        error(expected, "input", "campaignId")
    ]


async def test_a_campaign_the_seller_joined_before_says_why_it_refuses(rt, world: World, as_role) -> None:
    """A seller keeps seeing a campaign it registered in; unpublishing or re-targeting then gives the reason,
    not NOT_FOUND."""
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world, targeting=TargetingMode.SELECTED, target_shops=("seller_a",))
    first, second = world.products["seller_a"]
    await register_one(seller, campaign, first)
    from sqlalchemy import delete, update

    from server import models

    async with rt.sessionmaker() as s, s.begin():
        await s.execute(
            delete(models.CampaignTargetShop).where(models.CampaignTargetShop.campaign_id == campaign)
        )
    assert await whole_call_error(rt, seller, campaign, [item(second)]) == [
        error("NOT_TARGETED", "input", "campaignId")
    ]
    async with rt.sessionmaker() as s, s.begin():
        await s.execute(update(models.Campaign).where(models.Campaign.id == campaign).values(published=False))
    assert await whole_call_error(rt, seller, campaign, [item(second)]) == [
        error("NOT_PUBLISHED", "input", "campaignId")
    ]
    # The other seller, who never registered, is not told the campaign exists.
    other = await as_role("seller_b")
    assert await whole_call_error(rt, other, campaign, [item(world.products["seller_b"][0])]) == [
        error("NOT_FOUND", "input", "campaignId")
    ]
    assert agency  # the agency's campaign is untouched by all of this


async def test_each_item_succeeds_or_fails_on_its_own(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world, requirement_bps=1000)
    own = world.products["seller_a"] + await make_products(rt, world, "seller_a", 8)
    others = world.products["seller_b"][0]
    items = [
        item(own[0], 1000),  # 0: fine (exactly the requirement)
        item(others),  # 1: another shop's product
        item(own[1], 99),  # 2: rate below 1 %
        item(own[2], 8001),  # 3: rate above 80 %
        item(own[3], 999),  # 4: below the campaign's requirement
        item(own[4], sampleQuota=-1),  # 5: negative quota
        item(own[5], shopAdsRateBps=99),  # 6: shop-ads rate out of range
        item(own[0]),  # 7: the same product twice in one call
        item(cid(campaign)),  # 8: not a product id at all
        item(own[6], 8000, shopAdsRateBps=8000, sampleQuota=0),  # 9: fine (upper bounds)
        item(own[7], 50, sampleQuota=-2, shopAdsRateBps=9000),  # 10: every term wrong at once
        item(pid(10**9)),  # 11: no such product
    ]
    payload = await register(seller, campaign, *items)
    assert payload["userErrors"] == []
    results = payload["results"]
    assert [r["index"] for r in results] == list(range(len(items)))
    assert [r["productId"] for r in results] == [i["productId"] for i in items]
    got = {r["index"]: codes_and_fields(r["userErrors"]) for r in results}
    at = ("input", "items")
    assert got == {
        0: [],
        1: [error("NOT_FOUND", *at, 1, "productId")],
        2: [error("OUT_OF_RANGE", *at, 2, "totalRateBps")],
        3: [error("OUT_OF_RANGE", *at, 3, "totalRateBps")],
        4: [error("BELOW_REQUIREMENT", *at, 4, "totalRateBps")],
        5: [error("OUT_OF_RANGE", *at, 5, "sampleQuota")],
        6: [error("OUT_OF_RANGE", *at, 6, "shopAdsRateBps")],
        7: [error("DUPLICATE_ITEM", *at, 7, "productId")],
        8: [error("NOT_FOUND", *at, 8, "productId")],
        9: [],
        10: [
            error("OUT_OF_RANGE", *at, 10, "totalRateBps"),
            error("OUT_OF_RANGE", *at, 10, "sampleQuota"),
            error("OUT_OF_RANGE", *at, 10, "shopAdsRateBps"),
        ],
        11: [error("NOT_FOUND", *at, 11, "productId")],
    }
    # Another shop's product and a product that does not exist are indistinguishable.
    assert results[1]["userErrors"][0]["message"] == results[11]["userErrors"][0]["message"]
    assert [r["registration"] is not None for r in results] == [i in (0, 9) for i in range(len(items))]
    assert [pk_of(r["id"]) for r in payload["registrations"]] == [
        pk_of(results[0]["registration"]["id"]),
        pk_of(results[9]["registration"]["id"]),
    ]


async def test_a_live_registration_blocks_another_until_it_is_rejected_or_withdrawn(
    rt, world: World, as_role
) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    product = world.products["seller_a"][0]

    async def again() -> list[dict]:
        payload = await register(seller, campaign, item(product, 2500))
        return codes_and_fields(payload["results"][0]["userErrors"])

    first = await register_one(seller, campaign, product)
    assert await again() == [error("ALREADY_REGISTERED", "input", "items", 0, "productId")]  # PENDING
    await review(agency, [first], "REJECT", reason="COMMISSION_TOO_LOW")
    assert await again() == []  # after REJECTED: new terms are welcome
    second = (
        await agency(
            "query($c: ID!) { registrations(filter: {campaignId: $c, status: [PENDING]}) { edges { node { id } } } }",
            {"c": cid(campaign)},
        )
    )["registrations"]["edges"][0]["node"]["id"]
    await review(agency, [second], "APPROVE")
    assert await again() == [
        error("ALREADY_REGISTERED", "input", "items", 0, "productId")
    ]  # APPROVED: rate is locked
    await seller(
        "mutation($i: RegistrationCancellationRequestInput!) { registrationCancellationRequest(input: $i) { userErrors { code } } }",
        {"i": {"id": second, "reason": "Out of stock"}},
    )
    assert await again() == [error("ALREADY_REGISTERED", "input", "items", 0, "productId")]  # PENDING_CLOSED


async def test_withdrawn_may_register_again_rejected_forever_never(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    product = world.products["seller_a"][0]
    first = await register_one(seller, campaign, product)
    await seller(
        "mutation($i: RegistrationIdInput!) { registrationWithdraw(input: $i) { userErrors { code } } }",
        {"i": {"id": rid(first)}},
    )
    second = await register_one(seller, campaign, product)
    await review(agency, [second], "REJECT_FOREVER", reason="PRODUCT_HARD_TO_PROMOTE")
    before = await state(rt)
    payload = await register(seller, campaign, item(product))
    assert codes_and_fields(payload["results"][0]["userErrors"]) == [
        error("REJECTED_FOREVER", "input", "items", 0, "productId")
    ]
    assert await state(rt) == before
    # ...in that campaign only.
    other_campaign = await make_campaign(rt, world, name="Other week")
    await register_one(seller, other_campaign, product)


async def test_the_unique_index_is_the_last_guard(rt, world: World, as_role, monkeypatch) -> None:
    """When the check before inserting misses a registration made meanwhile, the partial unique index refuses
    the insert; that item alone reports ALREADY_REGISTERED and the other items of the call are still created."""
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    first, second = world.products["seller_a"]
    existing = await register_one(seller, campaign, first)

    async def blind(uow, campaign_id, product_ids):  # noqa: ANN001, ANN202 - as if the other insert had not committed yet
        return {}

    monkeypatch.setattr(registrations, "live_registrations", blind)
    payload = await register(seller, campaign, item(first), item(second))
    assert [codes_and_fields(r["userErrors"]) for r in payload["results"]] == [
        [error("ALREADY_REGISTERED", "input", "items", 0, "productId")],
        [],
    ]
    assert len(payload["registrations"]) == 1
    assert await audit_actions(rt, existing) == ["registration.create"]
    assert await audit_actions(rt, pk_of(payload["registrations"][0]["id"])) == ["registration.create"]


async def test_concurrent_registrations_of_one_product_create_one(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", 5)
    for product in products:
        payloads = await asyncio.gather(*(register(seller, campaign, item(product)) for _ in range(3)))
        outcomes = sorted((codes_and_fields(p["results"][0]["userErrors"]) for p in payloads), key=len)
        assert outcomes == [[], *([[error("ALREADY_REGISTERED", "input", "items", 0, "productId")]] * 2)]
