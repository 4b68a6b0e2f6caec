"""creatorPerformance, creatorCampaignPerformance, creatorProductPerformance: a creator's own figures in one
market, with its own commission only (never the seller's total or the agency's share)."""

from __future__ import annotations

from tests.performance.test_overview import NUMBERS, numbers
from tests.performance.world import PerfWorld

TOTALS = f"query($m: Market) {{ creatorPerformance(market: $m) {{ market currency productsInShowcase {NUMBERS} }} }}"
CAMPAIGNS = f"""query($first: Int, $after: String) {{ creatorCampaignPerformance(first: $first, after: $after) {{
  totalCount pageInfo {{ hasNextPage endCursor }}
  edges {{ node {{ campaignName agencyName campaignStart campaignEnd productsInShowcase {NUMBERS} }} }} }} }}"""
PRODUCTS = f"""{{ creatorProductPerformance {{ totalCount edges {{ node {{
  product {{ title }} campaignName agencyName campaignEnd contentDueAt creatorRateBps
  showcaseEntry {{ status creatorRateBps }} sampleRequest {{ status deliveredAt contentDueAt }} {NUMBERS} }} }} }} }}"""


def own(paid: int, actual: int, gmv: tuple[str, str], commission: tuple[str, str]) -> dict:
    return numbers(paid, actual, gmv, creator=commission)


async def test_totals_in_the_home_market(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    data = await (await as_role("creator_a"))(TOTALS)
    assert data["creatorPerformance"] == {
        "market": "TH",
        "currency": "THB",
        "productsInShowcase": 3,
        "numbers": own(4, 1, ("170.00", "40.00"), ("19.50", "6.00")),
    }
    data = await (await as_role("creator_b"))(TOTALS)
    assert data["creatorPerformance"] == {
        "market": "TH",
        "currency": "THB",
        "productsInShowcase": 1,
        "numbers": own(2, 0, ("40.00", "0.00"), ("4.00", "0.00")),
    }


async def test_another_market_is_empty(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    data = await (await as_role("creator_a"))(TOTALS, {"m": "GB"})
    assert data["creatorPerformance"] == {
        "market": "GB",
        "currency": "GBP",
        "productsInShowcase": 0,
        "numbers": {
            **own(0, 0, ("0.00", "0.00"), ("0.00", "0.00")),
            "gmvEstimated": {"amount": "0.00", "currency": "GBP"},
        },
    }


async def test_per_campaign(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    page = (await (await as_role("creator_a"))(CAMPAIGNS))["creatorCampaignPerformance"]
    assert page["totalCount"] == 2
    assert [edge["node"] for edge in page["edges"]] == [
        {
            "campaignName": "Perf month",
            "agencyName": "Agency A",
            "campaignStart": "2026-11-11T09:00:00+00:00",
            "campaignEnd": "2026-12-11T09:00:00+00:00",
            "productsInShowcase": 1,
            "numbers": own(1, 0, ("100.00", "0.00"), ("12.00", "0.00")),
        },
        {
            "campaignName": "Perf week",
            "agencyName": "Agency A",
            "campaignStart": "2026-11-11T09:00:00+00:00",
            "campaignEnd": "2026-12-11T09:00:00+00:00",
            "productsInShowcase": 2,
            "numbers": own(3, 1, ("70.00", "40.00"), ("7.50", "6.00")),
        },
    ]
    first = (await (await as_role("creator_a"))(CAMPAIGNS, {"first": 1}))["creatorCampaignPerformance"]
    after = first["pageInfo"]["endCursor"]
    second = (await (await as_role("creator_a"))(CAMPAIGNS, {"first": 1, "after": after}))[
        "creatorCampaignPerformance"
    ]
    assert [e["node"]["campaignName"] for e in first["edges"] + second["edges"]] == [
        "Perf month",
        "Perf week",
    ]


async def test_per_product_with_deadlines(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    page = (await (await as_role("creator_a"))(PRODUCTS))["creatorProductPerformance"]
    assert page["totalCount"] == 3
    assert [edge["node"] for edge in page["edges"]] == [
        {
            "product": {"title": "Shop A Serum 1"},
            "campaignName": "Perf month",
            "agencyName": "Agency A",
            "campaignEnd": "2026-12-11T09:00:00+00:00",
            "contentDueAt": None,
            "creatorRateBps": 1200,
            "showcaseEntry": {"status": "ACTIVE", "creatorRateBps": 1200},
            "sampleRequest": None,
            "numbers": own(1, 0, ("100.00", "0.00"), ("12.00", "0.00")),
        },
        {
            "product": {"title": "Shop A Serum 0"},
            "campaignName": "Perf week",
            "agencyName": "Agency A",
            "campaignEnd": "2026-12-11T09:00:00+00:00",
            "contentDueAt": "2026-12-01T09:00:00+00:00",
            "creatorRateBps": 1500,
            "showcaseEntry": {"status": "ACTIVE", "creatorRateBps": 1500},
            "sampleRequest": {
                "status": "DELIVERED",
                "deliveredAt": "2026-11-17T09:00:00+00:00",
                "contentDueAt": "2026-12-01T09:00:00+00:00",
            },
            "numbers": own(2, 1, ("40.00", "40.00"), ("6.00", "6.00")),
        },
        {
            "product": {"title": "Shop B Serum 0"},
            "campaignName": "Perf week",
            "agencyName": "Agency A",
            "campaignEnd": "2026-12-11T09:00:00+00:00",
            "contentDueAt": None,
            "creatorRateBps": 500,
            "showcaseEntry": {"status": "ACTIVE", "creatorRateBps": 500},
            "sampleRequest": {"status": "SHIPPED", "deliveredAt": None, "contentDueAt": None},
            "numbers": own(1, 0, ("30.00", "0.00"), ("1.50", "0.00")),
        },
    ]


async def test_a_removed_product_stays_with_its_sales(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    page = (await (await as_role("creator_b"))(PRODUCTS))["creatorProductPerformance"]
    assert [(e["node"]["product"]["title"], e["node"]["showcaseEntry"]["status"]) for e in page["edges"]] == [
        ("Shop A Serum 0", "ACTIVE"),
        ("Shop B Serum 0", "REMOVED"),
    ]
    assert page["edges"][1]["node"]["numbers"] == own(0, 0, ("0.00", "0.00"), ("0.00", "0.00"))


async def test_only_creators_may_ask(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    for role in ("agency_a", "seller_a", "operator"):
        api = await as_role(role)
        for query in (TOTALS, CAMPAIGNS, PRODUCTS):
            body = await api.raw(query)
            assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], (role, query)
