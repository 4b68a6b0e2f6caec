"""The commission simulator on a known history (tests/insight/history.py): the seller's cost of registering a product
and the agency's split, exact figures; refused inputs as userErrors with their path; only sellers / agencies may ask."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server import models
from server.ids import encode_id
from server.models.enums import Market, RegistrationStatus, SellerType, ShowcaseStatus, TargetingMode
from server.services import catalogue, onboarding
from server.services.unit_of_work import UnitOfWork
from tests.insight.history import story_with_a_clean_sale
from tests.orders_api.conftest import api, people  # noqa: F401  (fixtures)

SELLER_SIM = """query($c: ID!, $items: [RegistrationSimulateItemInput!]!) { registrationSimulate(campaignId: $c, items: $items) {
  items { product { id } price { amount currency } totalRateBps refundRateBps refundBasis refundSampleSize
    commissionPerOrder { amount } expectedCommissionPerOrder { amount } shopAdsPerOrder { amount }
    sampleQuotaCost { amount } costPer100Orders { amount } effectiveRateBps
    comparison { scope count p25Bps medianBps p75Bps belowShareBps } }
  userErrors { field message code } } }"""
AGENCY_SIM = """query($items: [ProductListItemSimulateInput!]!) { productListItemSimulate(items: $items) {
  items { registration { id } price { amount } totalRateBps creatorRateBps agencyRateBps creatorPerOrder { amount }
    agencyPerOrder { amount } recentDays recentOrders recentGmv { amount } creatorRecent { amount }
    agencyRecent { amount } creatorsElsewhere creatorsEarningMore }
  userErrors { field message code } } }"""


@pytest.fixture
async def history(rt, ow, us, vn, clock):  # noqa: ANN001, ANN201
    return await story_with_a_clean_sale(rt, ow, us, vn, clock)


async def test_seller_sees_the_cost_of_its_terms(api, ow, history, clock) -> None:  # noqa: F811
    # A month later the story's lines have matured. The organic product (25.00) has no finished line of its own, nor
    # have its shop, category or market 30: the market's 3 finished lines are used: 29.99 lost of 139.99 → 2142 bps.
    clock.advance(timedelta(days=31))
    seller = await api("seller_us")
    items = [{"productId": ow.us.organic.gid, "totalRateBps": 2000, "sampleQuota": 3, "shopAdsRateBps": 500}]
    result = await seller(SELLER_SIM, {"c": encode_id("Campaign", ow.us.campaign_id), "items": items})
    assert result["registrationSimulate"] == {
        "userErrors": [],
        "items": [
            {
                "product": {"id": ow.us.organic.gid},
                "price": {"amount": "25.00", "currency": "USD"},
                "totalRateBps": 2000,
                "refundRateBps": 2142,
                "refundBasis": "MARKET",
                "refundSampleSize": 3,
                "commissionPerOrder": {"amount": "5.00"},
                "expectedCommissionPerOrder": {"amount": "3.93"},  # 5.00 × 78.58 %
                "shopAdsPerOrder": {"amount": "0.98"},  # 1.25 × 78.58 %
                "sampleQuotaCost": {"amount": "75.00"},
                "costPer100Orders": {"amount": "468.00"},  # 100 × 3.93 + 75.00
                "effectiveRateBps": 2382,  # 468.00 / (100 × 25.00 × 78.58 % = 1964.50)
                "comparison": None,  # no other shop has approved products in the campaign
            }
        ],
    }


async def test_seller_sees_how_its_rate_compares_without_names(rt, api, ow, history) -> None:  # noqa: F811
    async with UnitOfWork(rt) as uow:
        other = await onboarding.create_shop(
            uow,
            name="Other US",
            shop_code="USSHOP0002",
            market=Market.US,
            seller_type=SellerType.LOCAL,
            contact_email="o@shop.test",
        )
        for n, bps in enumerate((1000, 1200, 1500, 2000, 3000)):
            product = await catalogue.create_product(
                uow,
                shop_id=other.id,
                title=f"Other {n}",
                category="Beauty & Personal Care",
                description="",
                image_url=None,
                skus=[catalogue.SkuSpec(seller_sku=f"O{n}", name=None, price_minor=1000, stock=1)],
            )
            uow.session.add(
                models.Registration(
                    campaign_id=ow.us.campaign_id,
                    product_id=product.id,
                    shop_id=other.id,
                    total_rate_bps=bps,
                    status=RegistrationStatus.APPROVED,
                    contact_email="o@shop.test",
                    registered_at=rt.clock.now(),
                    decided_at=rt.clock.now(),
                )
            )
    seller = await api("seller_us")
    items = [{"productId": ow.us.organic.gid, "totalRateBps": 2000}]
    result = await seller(SELLER_SIM, {"c": encode_id("Campaign", ow.us.campaign_id), "items": items})
    assert result["registrationSimulate"]["items"][0]["comparison"] == {
        "scope": "CATEGORY",
        "count": 5,
        "p25Bps": 1200,
        "medianBps": 1500,
        "p75Bps": 2000,
        "belowShareBps": 6000,
    }


async def test_agency_sees_the_split_at_recent_volume_and_other_offers(rt, api, ow, people, history) -> None:  # noqa: F811
    first = ow.us.registered[0]
    # Carol and bao promote the same product through another agency's campaign: carol at 15 %, bao at 8 %.
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        campaign = models.Campaign(
            agency_id=people["other_agency"],
            name="Elsewhere",
            description="",
            market=Market.US,
            seller_requirements="",
            commission_requirement_bps=1000,
            contact_email="e@agency.test",
            registration_start=now,
            registration_end=now + timedelta(days=5),
            campaign_start=now,
            campaign_end=now + timedelta(days=9),
            targeting_mode=TargetingMode.OPEN,
            published=True,
            created_at=now,
            updated_at=now,
        )
        s.add(campaign)
        await s.flush()
        registration = models.Registration(
            campaign_id=campaign.id,
            product_id=first.id,
            shop_id=ow.us.id,
            total_rate_bps=2500,
            contact_email="x@y.z",
            status=RegistrationStatus.APPROVED,
            registered_at=now,
            decided_at=now,
        )
        s.add(registration)
        await s.flush()
        for handle, bps in (("carol", 1500), ("bao", 800)):
            s.add(
                models.ShowcaseEntry(
                    creator_id=ow.creators[handle],
                    product_id=first.id,
                    registration_id=registration.id,
                    creator_rate_bps=bps,
                    status=ShowcaseStatus.ACTIVE,
                    added_at=now,
                    terms_accepted_at=now,
                )
            )
    agency = await api("agency")
    rid = encode_id("Registration", first.registration_id)
    result = await agency(AGENCY_SIM, {"items": [{"registrationId": rid, "creatorRateBps": 1000}]})
    # 40.00 at 2000 / 1000; the last 30 days: us-settled (80.00 − 10.00 refunded) and us-extra (40.00).
    assert result["productListItemSimulate"] == {
        "userErrors": [],
        "items": [
            {
                "registration": {"id": rid},
                "price": {"amount": "40.00"},
                "totalRateBps": 2000,
                "creatorRateBps": 1000,
                "agencyRateBps": 1000,
                "creatorPerOrder": {"amount": "4.00"},
                "agencyPerOrder": {"amount": "4.00"},
                "recentDays": 30,
                "recentOrders": 2,
                "recentGmv": {"amount": "110.00"},
                "creatorRecent": {"amount": "11.00"},
                "agencyRecent": {"amount": "11.00"},
                "creatorsElsewhere": 2,
                "creatorsEarningMore": 1,
            }
        ],
    }


async def test_refused_inputs_name_the_field_and_change_nothing(api, ow, history) -> None:  # noqa: F811
    seller = await api("seller_us")
    campaign = encode_id("Campaign", ow.us.campaign_id)
    items = [
        {"productId": ow.us.organic.gid, "totalRateBps": 50},
        {"productId": ow.vn.organic.gid, "totalRateBps": 2000},  # another shop's product
    ]
    result = (await seller(SELLER_SIM, {"c": campaign, "items": items}))["registrationSimulate"]
    assert result == {
        "items": [],
        "userErrors": [
            {
                "field": ["items", "0", "totalRateBps"],
                "message": "A rate is between 1% and 80%",
                "code": "OUT_OF_RANGE",
            },
            {"field": ["items", "1", "productId"], "message": "Product not found", "code": "NOT_FOUND"},
        ],
    }
    vn_campaign = encode_id("Campaign", ow.vn.campaign_id)  # not in the US shop's market
    result = (await seller(SELLER_SIM, {"c": vn_campaign, "items": items[:1]}))["registrationSimulate"]
    assert result["userErrors"] == [
        {"field": ["campaignId"], "message": "Campaign not found", "code": "NOT_FOUND"}
    ]
    agency = await api("agency")
    rid = encode_id("Registration", ow.us.registered[0].registration_id)
    result = await agency(AGENCY_SIM, {"items": [{"registrationId": rid, "creatorRateBps": 2500}]})
    assert result["productListItemSimulate"]["userErrors"] == [
        {
            "field": ["items", "0", "creatorRateBps"],
            "message": "The creator rate cannot exceed the seller's total rate of 20%",
            "code": "ABOVE_TOTAL_RATE",
        }
    ]
    other = await api("other_agency")
    result = await other(AGENCY_SIM, {"items": [{"registrationId": rid, "creatorRateBps": 1000}]})
    assert result["productListItemSimulate"]["userErrors"] == [
        {"field": ["items", "0", "registrationId"], "message": "Registration not found", "code": "NOT_FOUND"}
    ]


async def test_only_sellers_and_agencies_may_simulate(api, ow, history) -> None:  # noqa: F811
    campaign = encode_id("Campaign", ow.us.campaign_id)
    seller_items = [{"productId": ow.us.organic.gid, "totalRateBps": 2000}]
    agency_items = [
        {
            "registrationId": encode_id("Registration", ow.us.registered[0].registration_id),
            "creatorRateBps": 1000,
        }
    ]
    for who in ("agency", "alice", "operator"):
        body = await (await api(who)).raw(SELLER_SIM, {"c": campaign, "items": seller_items})
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN" and body["data"] is None, who
    for who in ("seller_us", "alice", "operator"):
        body = await (await api(who)).raw(AGENCY_SIM, {"items": agency_items})
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN" and body["data"] is None, who
